"""Text helpers the reply coach shares: sentences, content words, rule matching.

Everything here works on character offsets into the original reply, so every
finding can point at the exact characters it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from kettle.analysis.coach_gate import CoachGate, coach_gate
from kettle.analysis.conversation import straighten
from kettle.analysis.playbook import Playbook, Rule
from kettle.analysis.thermo_gate import rule_literals
from kettle.analysis.types import Span

# A sentence ends at . ! ? (or a run of them, or an ellipsis) followed by
# whitespace, or at a line break; "e.g." style abbreviations are rare in chat.
#: Curly apostrophes to straight ones, one character for one (offsets are kept).
STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})
_CURLY = tuple(chr(code) for code in STRAIGHT_QUOTES)


def straight_quotes(text: str) -> str:
    """``text.translate(STRAIGHT_QUOTES)``, without its cost (``conversation.straighten``)."""
    return straighten(text, _CURLY)


#: A sentence runs to a stop followed by a space, a closing mark or the end; a stop
#: inside a word or number ("section 7.3", "£24.99", "v2.1") does not end it.
_SENTENCE_RE = re.compile(
    r"(?:[^.!?\n]|[.!?]+(?=[^\s\"')\].!?]))*(?:[.!?]+(?=\s|$|[\"')\]])|\n|$)"
)
_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_STOPWORD_TEXT = (
    "a about above after again against all am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for "
    "from further had has have having he her here hers herself him himself his how i if "
    "in into is it its itself just me more most my myself no nor not now of off on once "
    "only or other our ours ourselves out over own same she should so some such than that "
    "the their theirs them themselves then there these they this those through to too "
    "under until up very was we were what when where which while who whom why will with "
    "would you your yours yourself yourselves i'm you're it's that's don't i've i'll i'd "
    "you've you'll can't won't didn't doesn't isn't really also still even much many get "
    "got go going feel feeling felt like know think want yes yeah ok okay oh well sure "
    "right thing things lot way make made one something anything say said tell told sound "
    "sounds seem seems hear now just im dont cant thats its ive"
)
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a reply: its stripped text and where it sits."""

    start: int
    end: int
    text: str
    #: ``text`` lower-cased when it is ASCII (where ``in`` on the lower-cased
    #: text agrees with a case-insensitive regex), else None: computed once per
    #: sentence for the rules' pre-checks, not once per rule.
    folded: str | None = field(init=False, repr=False, compare=False)
    #: What the pre-checks found in this sentence, kept for the next caller.
    memo: dict[Any, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", self.text.lower() if self.text.isascii() else None)
        object.__setattr__(self, "memo", {})

    @property
    def is_question(self) -> bool:
        return self.text.rstrip(" \"')").endswith("?")

    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences with exact offsets (blank pieces dropped)."""
    out: list[Sentence] = []
    for match in _SENTENCE_RE.finditer(text):
        piece = match.group()
        stripped = piece.strip()
        if not stripped or not any(ch.isalnum() for ch in stripped):
            continue
        start = match.start() + (len(piece) - len(piece.lstrip()))
        out.append(Sentence(start, start + len(stripped), stripped))
    return tuple(out)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased, crudely stemmed words that carry meaning (no stopwords).

    Memoised: the customer's last words are compared with every draft of a
    reply, and stock sentences recur from reply to reply.
    """
    return frozenset(
        _stem(w) for w in _WORD_RE.findall(text.lower()) if w not in STOPWORDS and len(w) > 2
    )


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text.lower()))


class CompiledRule(NamedTuple):
    """A rule's patterns as one regex, its exclusions, and a cheap pre-check."""

    pattern: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    #: Lower-case literals one of which every match contains (() means always
    #: try): most sentences match none of a rule's phrases, and looking for a
    #: few literals costs far less than the full alternation.
    gate: tuple[str, ...] = ()
    #: ``gate`` as one regex of escaped literals (None when there is no gate):
    #: it finds a literal exactly where ``any(x in text for x in gate)`` would,
    #: in one call instead of one Python step per literal.
    gate_re: re.Pattern[str] | None = None
    #: For one ASCII sentence (:func:`live_rules`): the only patterns that can
    #: match it, each alone, in the order ``pattern`` tries them, to search the
    #: sentence lower-cased (:attr:`Sentence.folded`); None: use ``pattern``.
    alternatives: tuple[re.Pattern[str], ...] | None = None


def literal_regex(literals: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex that finds any of ``literals`` (plain, case-sensitive); None for ()."""
    if not literals:
        return None
    return re.compile("|".join(re.escape(x) for x in sorted(set(literals), key=len)))


def compiled_rules(playbook: Playbook, section: str) -> dict[str, CompiledRule]:
    """The playbook's rules of one section, compiled once per playbook."""

    def build(pb: Playbook) -> dict[str, CompiledRule]:
        rules: dict[str, Rule] = getattr(pb, section)
        out: dict[str, CompiledRule] = {}
        for name, rule in rules.items():
            literals = rule_literals(rule.patterns)
            out[name] = CompiledRule(
                alternation(rule.patterns), alternation(rule.exclude),
                literals, literal_regex(literals),
            )
        return out

    result: dict[str, CompiledRule] = playbook.cached(f"coach.{section}", build)
    return result


def alternation(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex for a rule, as ``compile_rule`` builds it but faster to search.

    Python's engine tries every alternative at every position; most patterns
    start at a word boundary, so that ``\\b`` is tested once, before the
    alternatives, and positions inside words are skipped cheaply.
    """
    if not patterns:
        return None
    bounded = [p[2:] for p in patterns if p.startswith("\\b")]
    others = [p for p in patterns if not p.startswith("\\b")]
    parts = [f"(?:{p})" for p in others]
    if bounded:
        parts.insert(0, "\\b(?:" + "|".join(f"(?:{p})" for p in bounded) + ")")
    return re.compile("|".join(parts), re.IGNORECASE)


def live_rules(
    rules: dict[str, CompiledRule], section: str, playbook: Playbook, sentence: Sentence
) -> dict[str, CompiledRule]:
    """``rules`` narrowed to ``sentence`` by the coach's pre-check (:mod:`coach_gate`).

    A rule none of whose patterns can match is left out (every caller reads a
    missing rule as "no match"); the others keep only the patterns that can
    match, in their order, which finds the same matches as all of them.
    """
    if sentence.folded is None:
        return rules
    gate = coach_gate(playbook)
    out: dict[str, CompiledRule] = {}
    for name, indexes in _live(gate, sentence).get(section, {}).items():
        rule = rules.get(name)
        if rule is not None:
            singles = (gate.single(section, name, i) for i in indexes)
            alternatives = tuple(p for p in singles if p is not None)
            out[name] = CompiledRule(rule.pattern, rule.exclude, rule.gate, None, alternatives)
    return out


def _live(gate: CoachGate, sentence: Sentence) -> dict[str, dict[str, tuple[int, ...]]]:
    found: dict[str, dict[str, tuple[int, ...]]] | None = sentence.memo.get(gate)
    if found is None:
        assert sentence.folded is not None
        found = gate.live(sentence.folded)
        sentence.memo[gate] = found
    return found


def passes_gate(rule: CompiledRule, sentence: Sentence) -> bool:
    """False only when the rule's pre-check proves it cannot match ``sentence``."""
    gate_re = rule.gate_re
    folded = sentence.folded
    return gate_re is None or folded is None or gate_re.search(folded) is not None


def rule_matches(rule: CompiledRule, sentence: Sentence) -> Iterator[Span]:
    """Spans (offsets in the whole reply) where a rule matches inside one sentence."""
    pattern, exclude = rule.pattern, rule.exclude
    if pattern is None or not passes_gate(rule, sentence):
        return
    if exclude is not None and exclude.search(sentence.text):
        return
    for match in pattern.finditer(sentence.text):
        span = _trimmed(sentence, match)
        if span is not None:
            yield span


def _trimmed(sentence: Sentence, match: re.Match[str]) -> Span | None:
    start, end = match.span()
    # Patterns may begin with optional whitespace; point at the words only.
    piece = match.group()
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    if end > start:
        return Span(sentence.start + start, sentence.start + end, sentence.text[start:end])
    return None


def first_match(rule: CompiledRule, sentence: Sentence) -> Span | None:
    """The first span of :func:`rule_matches`, without making a generator."""
    pattern, exclude = rule.pattern, rule.exclude
    if pattern is None or not passes_gate(rule, sentence):
        return None
    text = sentence.text
    if exclude is not None and exclude.search(text):
        return None
    if rule.alternatives is not None and sentence.folded is not None:
        # The alternation's first match: the leftmost of its patterns' first
        # matches, the earlier pattern on a tie (as the regex engine tries them).
        # They search the lower-cased sentence: the same offsets, and a case-blind
        # pattern finds there what it finds in the sentence (see case_twin).
        best: re.Match[str] | None = None
        folded = sentence.folded
        for alternative in rule.alternatives:
            found = alternative.search(folded)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            return None
        span = _trimmed(sentence, best)
        if span is not None:
            return span
        # Only blanks matched: the full regex looks further, as it always did.
    for match in pattern.finditer(text):
        span = _trimmed(sentence, match)
        if span is not None:
            return span
    return None
