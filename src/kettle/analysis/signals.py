"""Escalation signals in a customer message, each with its character span.

The phrase signals (cancel, legal and public threats, manager demand, repeated
contact, hang-up, sarcasm) are playbook rules, so an organisation can extend
them. Shouting, repeated punctuation and profanity are found by shape. Profanity
never leaves this module unmasked: every span's text goes through
:func:`mask_profanity`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kettle.analysis.conversation import straighten
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.analysis.thermo_gate import (
    Lazy,
    LiteralFinder,
    Needs,
    informative,
    pattern_needs,
    required_literals,
    satisfied,
)
from kettle.analysis.types import SIGNALS, Signal, Span

#: Signals found by the playbook's phrase rules, in report order.
PHRASE_SIGNALS: tuple[str, ...] = (
    "cancel_threat",
    "legal_threat",
    "public_threat",
    "manager_demand",
    "repeat_contact",
    "hang_up",
    "sarcasm",
    "service_failure",
    "vulnerability",
)

#: Capitalised words that are names of things rather than raised voices.
ACRONYMS = frozenset(
    str.split(
        "ASAP FAQ USA UK EU USPS UPS DHL FEDEX ATM PIN SMS URL PDF ETA ID OK TV CEO CV "
        "IT PC APP API VAT GST DM PM AM NYC LA BBB FCC FTC IRS NHS BBC CNN GPS SIM WIFI "
        "LOL LMAO OMG PS FYI TBH IMO IMHO BTW NFL NBA USB HDMI VPN NASA NATO HTML HTTP HTTPS "
        "JSON IBAN SWIFT BACS CHAPS HMRC DVLA GDPR HIPAA FIFA UEFA NCAA NHL MLB ISBN SKU IMEI "
        "ICLOUD IOS MMS USPS AMEX VISA EE BT TSB HSBC RBS NBN AT&T ESPN HBO IKEA LEGO "
        "NICU ICU A&E ER GP DOT FAA DMV PPI ISA IVA MOT "
        # UK bodies and terms in complaint letters (long-e-mail probe): "his SENCO", "the CAA".
        "SENCO SEND EHCP CAA FCA FOS ADR CCJ PCN DWP ESTA ISP PAYG CCTV MP SAR DBS HR ATOL ABTA "
        "OFGEM OFCOM OFWAT OFSTED DVSA RSPCA "
        # The disease, named alone ("because of COVID"), as with "COVID-19" (D37).
        "COVID"
    )
)
#: A capitalised word; not one joined to three digits or more, which is a code
#: ("FEST-221907", "REF/2231"), nor one joined by a hyphen to a number, which is a name
#: ("COVID-19", "MH-17", "F-150", "A-10"; D37).
_CAPS_WORD = r"(?<![\d][-/])\b[A-Z][A-Z']*[A-Z]\b(?![-/#]?\d{3}|-\d)"
_CAPS_RUN = re.compile(rf"{_CAPS_WORD}(?:[\s,.!?:;-]+{_CAPS_WORD})*")
#: Four or more letters, no vowel and no letter held ("GRRR"): said letter by letter, an
#: acronym ("NHBC"), not a raised voice.
_SPELT = re.compile(r"(?!.*(.)\1\1)[^AEIOUY]{4,}")
#: Full-width marks count too ("！！！", typed on Chinese and Japanese keyboards).
_REPEATED_PUNCT = re.compile(r"[!?！？]*(?:[!！][!！]|[?？][?？]|[!！][?？]|[?？][!！])[!?！？]*")
#: Every match of ``_REPEATED_PUNCT`` holds one of these.
_PUNCT_PAIRS = ("!!", "??", "!?", "?!", "！", "？")
_SENTENCE_END = re.compile(r"[.!?\n]")
_ORDER = {kind: i for i, kind in enumerate(SIGNALS)}
#: A goodbye that ends the message ("… fix it bye", "Bye bye!").
_CURT_BYE = re.compile(r"\b(?:bye(?:\s+bye)?|goodbye|good\s+bye)\s*[.!]*\s*$", re.IGNORECASE)
#: Signals of a customer who escalates, beyond telling what went wrong or that they
#: had to ask again: threats, a manager, walking out, shouting, "!!!", swearing,
#: sarcasm. Such a customer is not "mildly" annoyed (thermometer, D24).
ESCALATING = frozenset(["cancel_threat", "legal_threat", "public_threat", "manager_demand",
                        "hang_up", "shouting", "repeated_punctuation", "profanity", "sarcasm"])
#: Loud rather than hostile: swearing, "!!", capitals. They may be joy ("no fucking way,
#: you found it?? thank you!!") or excitement in a cool message (thermometer, stage; D29).
EXCITED = frozenset(["profanity", "repeated_punctuation", "shouting"])
#: A vulnerable customer asks for care, not for heat, and is no grievance by itself (D29).
CARE = frozenset(["vulnerability"])
#: Escalations beside which a goodbye is a walk-out (_walk_out).
_HOSTILE = ESCALATING - {"hang_up"}
#: A customer who walks out or threatens to sue or go public has boiled over: no
#: relief in the reading (thermometer) and a high boil-over risk (forecast).
BOILED_OVER = frozenset(["legal_threat", "public_threat", "hang_up"])




@dataclass(frozen=True, slots=True)
class _Phrase:
    """One playbook pattern, with a cheap check for text every match contains."""

    kind: str
    pattern: Lazy
    exclude: Lazy | None
    #: Lower-case literals one of which every match contains; None: always try.
    gate: frozenset[str] | None
    #: Finer: what each alternative of the pattern needs (every set), () when
    #: unknown; used on ASCII text only, where it is exact (see thermo_gate).
    needs: Needs = ()


@dataclass(frozen=True, slots=True)
class _Compiled:
    phrases: tuple[_Phrase, ...]
    profanity: re.Pattern[str] | None
    #: Every phrase's literals, looked up once per message rather than per phrase.
    literals: tuple[str, ...] = ()
    #: Finds those literals, the phrases' needs and the profanity words' first
    #: parts in a lower-cased message in one pass.
    finder: LiteralFinder | None = None
    #: Literal text one of which every profanity match contains (lower-case,
    #: ASCII); None: always look.
    swear_parts: frozenset[str] | None = None
    #: The playbook's single profanity words, in its order (see :func:`unmask_swearing`).
    swear_words: tuple[str, ...] = ()
    #: A literal without its optional apostrophe ("im") -> the literals it stands for.
    bare: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Phrases (by index) with no gate, tried on every message.
    ungated: frozenset[int] = field(init=False)
    #: Each gate literal's phrases: a message is tried only against the phrases
    #: whose literals it contains, not against every phrase in turn.
    by_literal: Mapping[str, frozenset[int]] = field(init=False)

    def __post_init__(self) -> None:
        by_literal: dict[str, set[int]] = {}
        for i, phrase in enumerate(self.phrases):
            for literal in phrase.gate or ():
                by_literal.setdefault(literal, set()).add(i)
        ungated = frozenset(i for i, p in enumerate(self.phrases) if p.gate is None)
        object.__setattr__(self, "ungated", ungated)
        object.__setattr__(self, "by_literal", {k: frozenset(v) for k, v in by_literal.items()})


#: Phones type curly apostrophes ("I’m done"); the phrase rules are written with
#: straight ones. Same length, so every offset stays put.
_CURLY = ("\u2019", "\u2018", "\u02bc")
#: Customers drop the apostrophe ("hasnt arrived", "im done", "ive called"): in
#: the rules, the apostrophe of n't, 'm and 've is optional ('re and 'll are not:
#: "were" and "well" are words).
_CONTRACTIONS = re.compile(r"(?<=n)'(?=t)|'(?=m\b|ve)")


def straight_apostrophes(text: str) -> str:
    """``text`` with curly apostrophes made straight (same length: offsets stay put)."""
    return straighten(text, _CURLY)


def loose_apostrophes(source: str) -> str:
    """A playbook pattern whose n't / 'm / 've also match without the apostrophe."""
    return _CONTRACTIONS.sub("'?", source)


def _build(playbook: Playbook) -> _Compiled:
    phrases = []
    for kind in PHRASE_SIGNALS:
        rule = playbook.signals.get(kind)
        if rule is None:
            continue
        exclude = _loose_alternation(rule.exclude)
        for raw in rule.patterns:
            source = loose_apostrophes(raw)
            compiled = Lazy(source)
            # The pre-checks are worked out on the pattern as written ("i'm"), which
            # is tighter; a text that has the literal without its apostrophe ("im")
            # counts as having it (_present), so no match is lost.
            literals = required_literals(raw)
            phrases.append(_Phrase(kind, compiled, exclude, frozenset(literals) or None,
                                   informative(pattern_needs(raw))))
    words = sorted({w.strip().lower() for w in playbook.profanity if w.strip()}, key=len)
    profanity = None
    if words:
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(words))
        profanity = re.compile(rf"(?<![\w*])(?:{alternation})(?:s|es|ed|ing|in)?(?![\w*])",
                               re.IGNORECASE)
    every = sorted({x for p in phrases if p.gate is not None for x in p.gate})
    # Every profanity match holds a word's first part (its parts are joined by \s+).
    parts = frozenset(w.split()[0] for w in words)
    swear_parts = parts if parts and all(x.isascii() for x in parts) else None
    needed = {x for p in phrases for sets in p.needs for found in sets for x in found}
    bare: dict[str, set[str]] = {}
    for literal in set(every) | needed:
        stripped = _CONTRACTIONS.sub("", literal)
        if stripped != literal:
            bare.setdefault(stripped, set()).add(literal)
    finder = LiteralFinder(set(every) | needed | set(bare) | (swear_parts or set()))
    singles = tuple(dict.fromkeys(
        w.strip().lower() for w in playbook.profanity if w.strip() and " " not in w.strip()))
    return _Compiled(tuple(phrases), profanity, tuple(every), finder, swear_parts, singles,
                     {k: frozenset(v) for k, v in bare.items()})


# Swearing the customer masked themselves ("f*cking", "s**t", "F***", "f#@k") still
# counts. The mask is inside the word, or two or more symbols after a stem of at most
# four letters; one "@" or "$" inside a word is an address or a currency
# ("john@example.com", "AU$"), one "*" after a word a footnote ("delivery*").
_MASK_RUN = r"(?:\*+|[*#@$%]{2,})"
_SELF_MASKED = re.compile(
    rf"(?<![\w*@.])(?:[A-Za-z]+{_MASK_RUN}[A-Za-z]+|[A-Za-z]{{1,4}}(?:\*{{2,}}|[*#@$%]{{2,}}))"
    r"(?![\w*@])(?!\.\w)"
)
#: Every match of ``_SELF_MASKED`` holds one of these.
_MASKS = frozenset("*#@$%")
#: ... right after a letter: where a match can be (see :func:`_self_masked`).
_LETTER_MASK = re.compile(r"[A-Za-z][*#@$%]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _self_masked(text: str) -> list[re.Match[str]]:
    """What ``_SELF_MASKED.finditer(text)`` finds, tried only where it can match.

    Every match begins a run of letters that ends in a mask character, so the
    pattern is tried only at the start of such runs, not at every position (an
    "@" in an e-mail address or a handle is common; a masked swear word is not).
    """
    if _MASKS.isdisjoint(text):
        return []
    found: list[re.Match[str]] = []
    done = -1
    for hit in _LETTER_MASK.finditer(text):
        start = hit.start()
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        if start < done:
            continue
        match = _SELF_MASKED.match(text, start)
        if match is not None:
            found.append(match)
            done = match.end()
    return found


def _compiled(playbook: Playbook | None) -> _Compiled:
    book = playbook if playbook is not None else default_playbook()
    build: Callable[[Playbook], _Compiled] = _build
    result: _Compiled = book.cached("signals", build)
    return result


def _mask_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return word[0] + "".join("*" if c.isalnum() else c for c in word[1:])


def mask_profanity(text: str, *, playbook: Playbook | None = None) -> str:
    """``text`` with every swear word masked after its first letter ("f***")."""
    pattern = _compiled(playbook).profanity
    return pattern.sub(_mask_word, text) if pattern is not None else text


def _span(text: str, start: int, end: int, playbook: Playbook | None) -> Span:
    """The span of ``text[start:end]`` without the white space a pattern took at its ends."""
    piece = text[start:end]
    if piece.strip():
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
    return Span(start, end, mask_profanity(text[start:end], playbook=playbook))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    return left, found.end() if found else len(text)


def _first_match(text: str, phrase: _Phrase,
                 searched: tuple[re.Pattern[str], str] | None = None) -> tuple[int, int] | None:
    """The first match of ``phrase`` in ``text`` outside its exclusions; ``searched``: its
    twin and the lower-cased text, which match at the same offsets (:mod:`case_twin`)."""
    pattern, subject = searched if searched is not None else (phrase.pattern, text)
    for match in pattern.finditer(subject):
        if match.end() == match.start():
            continue
        if phrase.exclude is not None:
            left, right = _sentence(text, match.start(), match.end())
            if phrase.exclude.search(text, left, right):
                continue
        return match.start(), match.end()
    return None


def _loose_alternation(patterns: list[str]) -> Lazy | None:
    if not patterns:
        return None
    return Lazy("|".join(f"(?:{loose_apostrophes(p)})" for p in patterns))


def _present(lower: str, book: _Compiled) -> set[str]:
    """The literals of ``book`` in ``lower`` (a lower-cased text)."""
    if book.finder is None:
        found = {x for x in book.literals if x in lower}
    else:
        found = book.finder.present(lower)
    for stripped in [x for x in found if x in book.bare]:
        found |= book.bare[stripped]
    return found


def _phrase_signals(
    text: str, book: _Compiled, playbook: Playbook | None, present: set[str],
    original: str | None = None, lower: str | None = None,
) -> list[Signal]:
    """The earliest match of each phrase signal (one per kind); ``lower`` is ``text``
    lower-cased."""
    ascii_text = text.isascii()
    folded = lower if lower is not None and ascii_text else None
    best: dict[str, tuple[int, int]] = {}
    candidates = set(book.ungated)
    for literal in present:
        candidates.update(book.by_literal.get(literal, ()))
    for index in sorted(candidates):
        phrase = book.phrases[index]
        if ascii_text and phrase.needs and not satisfied(phrase.needs, present):
            continue
        twin = phrase.pattern.twin() if folded is not None else None
        searched = (twin, folded) if twin is not None and folded is not None else None
        hit = _first_match(text, phrase, searched)
        if hit is not None and (phrase.kind not in best or hit < best[phrase.kind]):
            best[phrase.kind] = hit
    shown = original if original is not None else text
    return [Signal(kind, _span(shown, a, b, playbook)) for kind, (a, b) in best.items()]


def _is_shouting(run: str) -> bool:
    words = re.findall(r"[A-Z][A-Z']*[A-Z]", run)
    loud = [w for w in words if w not in ACRONYMS and not _SPELT.fullmatch(w)]
    if not loud:
        return False
    return len(loud) >= 2 or len(loud[0]) >= 4


def shouting_spans(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words that read as shouting (acronyms excluded)."""
    if text.upper() == text and sum(map(str.isalpha, text)) >= 12:
        return [(0, len(text.rstrip()))]
    return [(m.start(), m.end()) for m in _CAPS_RUN.finditer(text) if _is_shouting(m.group(0))]


def detect(text: str, *, playbook: Playbook | None = None) -> tuple[Signal, ...]:
    """Every escalation signal in ``text``, in the order of ``types.SIGNALS``."""
    book = _compiled(playbook)
    plain = straight_apostrophes(text)
    lower = plain.lower()
    present = _present(lower, book)
    found = _phrase_signals(plain, book, playbook, present, text, lower)
    for start, end in shouting_spans(text):
        found.append(Signal("shouting", _span(text, start, end, playbook)))
    # The cheap tests first: most messages hold neither "!!"-like pairs nor masks.
    for match in _REPEATED_PUNCT.finditer(text) if _has_pair(text) else ():
        found.append(Signal("repeated_punctuation", Span(match.start(), match.end(),
                                                         match.group(0))))
    if book.profanity is not None and _may_swear(text, book, present):
        for match in book.profanity.finditer(text):
            found.append(Signal("profanity", Span(match.start(), match.end(),
                                                  _mask_word(match))))
    for match in _self_masked(text):
        found.append(Signal("profanity", Span(match.start(), match.end(), _mask_word(match))))
    _walk_out(text, found, playbook)
    return tuple(sorted(found, key=lambda s: (_ORDER[s.kind], s.span.start)))


def _walk_out(text: str, found: list[Signal], playbook: Playbook | None) -> None:
    """A goodbye that ends a message beside another escalation is a hang-up.

    "Ok bye" ends a chat the usual way; "fix it or I'm cancelling. Bye" walks out.
    """
    kinds = {s.kind for s in found}
    if "hang_up" in kinds or kinds.isdisjoint(_HOSTILE):
        return
    match = _CURT_BYE.search(text)
    if match is not None:
        found.append(Signal("hang_up", _span(text, match.start(), match.end(), playbook)))


def unmask_swearing(text: str, *, playbook: Playbook | None = None) -> str:
    """``text`` with each self-masked swear word spelt out, for the model to read.

    "F**k this company" reads as "fuck this company": the customer hid the word,
    not the anger. A masked word becomes the first word of the playbook's
    profanity list that it could stand for (same length, same letters where
    shown); one that fits none is left as written. Never shown to anyone: the
    thermometer's features read it, every output still masks.
    """
    masked = _self_masked(text)
    if not masked:
        return text
    words = _compiled(playbook).swear_words
    pieces, at = [], 0
    for match in masked:
        pieces += [text[at:match.start()], _spelt(match.group(0), words)]
        at = match.end()
    return "".join(pieces) + text[at:]


def _spelt(masked: str, words: tuple[str, ...]) -> str:
    """The word ``masked`` stands for, in its case ("F**K" is "FUCK", "F**k" "Fuck")."""
    shape = re.compile("".join("[a-z]" if c in _MASKS else re.escape(c) for c in
                               masked.lower()))
    for word in words:
        if len(word) == len(masked) and shape.fullmatch(word):
            letters = [c for c in masked if c.isalpha()]
            if len(letters) > 1 and all(c.isupper() for c in letters):
                return word.upper()
            return word.capitalize() if masked[0].isupper() else word
    return masked


def _has_pair(text: str) -> bool:
    return any(pair in text for pair in _PUNCT_PAIRS)


def _may_swear(text: str, book: _Compiled, present: set[str]) -> bool:
    """False only when no profanity word can be in ``text`` (ASCII: exact)."""
    if book.swear_parts is None or not text.isascii():
        return True
    return not book.swear_parts.isdisjoint(present)


def counts(signals: tuple[Signal, ...]) -> dict[str, int]:
    """How many times each signal kind occurs."""
    out = dict.fromkeys(SIGNALS, 0)
    for signal in signals:
        out[signal.kind] = out.get(signal.kind, 0) + 1
    return out
