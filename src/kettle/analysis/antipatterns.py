"""Anti-patterns in an agent's reply: the step each breaks, why, and a better wording.

Phrase families come from ``anti_patterns.yaml``; ``jargon`` and ``forbidden``
are the playbook's word lists. A premature request for information depends on
the conversation: the same words are fine once the customer has cooled down or
has been acknowledged, so the caller says whether the customer is still hot.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kettle.analysis.coach_text import Sentence, compiled_rules, first_match, live_rules
from kettle.analysis.playbook import Playbook
from kettle.analysis.types import Finding, Span

#: Rule-based families, in reporting order (premature_info_request is contextual).
PHRASE_FAMILIES: tuple[str, ...] = (
    "doubt",
    "policy_shield",
    "blame",
    "scolding",
    "calm_down",
    "sarcasm",
    "insulting",
    "defensiveness",
    "passing_the_buck",
    "minimising",
    "false_promise",
    "hedging",
    "canned_phrase",
)

JARGON_MESSAGE = "Internal terms the customer does not use make them feel shut out."
FORBIDDEN_MESSAGE = "This organisation's playbook forbids this phrase."
_FALLBACK_REWRITE = "Let me help you with this."


def find(
    sentences: tuple[Sentence, ...],
    playbook: Playbook,
    *,
    hot: bool,
    acknowledged_from: int,
) -> tuple[Finding, ...]:
    """Every anti-pattern in the reply.

    ``hot``: the customer is still hot. ``acknowledged_from``: the offset in the
    reply from which the customer's feeling has been acknowledged (-1 when an
    earlier agent turn already did; past the end when nothing did).
    """
    every_rule = compiled_rules(playbook, "anti_patterns")
    jargon = playbook.cached("coach.jargon", _jargon_table)
    forbidden = playbook.cached("coach.forbidden", _forbidden_regex)
    found: list[Finding] = []
    for sentence in sentences:
        rules = live_rules(every_rule, "anti_patterns", playbook, sentence)
        for name in PHRASE_FAMILIES:
            rule = rules.get(name)
            span = first_match(rule, sentence) if rule else None
            if span is not None:
                found.append(_fitted(_rule_finding(name, span, playbook), sentence))
        non_apology = _NON_APOLOGY.search(sentence.text) if hot else None
        if non_apology is not None and "defensiveness" in playbook.anti_patterns:
            found.append(replace(
                _rule_finding("defensiveness", _offset(sentence, non_apology), playbook),
                message=NON_APOLOGY_MESSAGE, rewrite=NON_APOLOGY_REWRITE))
        premature = rules.get("premature_info_request")
        if hot and premature is not None:
            span = first_match(premature, sentence)
            if span is not None and span.start < acknowledged_from:
                found.append(_asked_for(_rule_finding("premature_info_request", span, playbook),
                                        sentence))
        found.extend(_jargon(sentence, jargon))
        found.extend(_forbidden(sentence, forbidden))
    return _kept(_offered_instead(tuple(found), sentences), sentences)


#: A refusal ("Unfortunately we are unable to refund the delivery charge.") followed by what
#: we do instead ("However, I have added £10 credit to your account."): "no, but here is what
#: I can do" is the method, not a shield (2026-12-07 e-mail probe). Only the refusal itself is
#: let go; "As per our terms…" before it is still a shield.
_REFUSAL = re.compile(r"\b(?:unable|not\s+able|not\s+in\s+a\s+position|cannot|can\s+not|can['’]t"
                      r"|won['’]t|will\s+not|don['’]t|do\s+not|regret\s+to|not\s+covered"
                      r"|n['’]t\s+covered)\b", re.IGNORECASE)
_INSTEAD = re.compile(
    r"^\W*(?:what\s+(?:i|we)\s+(?:can|could|will|have)\s+(?:do|done)\b|(?:however|instead|but"
    r"|that\s+said|in\s+the\s+meantime|as\s+a\s+(?:goodwill\s+)?gesture)\b[^.!?]*?\b(?:i|we)"
    r"(?:['’]ve|\s+have|['’]ll|\s+will|\s+can(?!['’]t|not)|\s+could|['’]d\s+be\s+happy"
    r"|\s+would\s+be\s+happy|\s+am\s+happy)\b)",
    re.IGNORECASE)


def _offered_instead(found: tuple[Finding, ...], sentences: tuple[Sentence, ...]
                     ) -> tuple[Finding, ...]:
    """``found`` less each refusal whose next sentence says what we do instead."""
    if not any(f.name == "policy_shield" for f in found):
        return found
    keep: list[Finding] = []
    for finding in found:
        if finding.name == "policy_shield" and _REFUSAL.search(finding.span.text):
            after = [s for s in sentences if s.start >= finding.span.end]
            if after and _INSTEAD.match(after[0].text):
                continue
        keep.append(finding)
    return tuple(keep)


#: The agent keeps hold of what they handed on ("That's a matter for the manufacturer, so
#: I've contacted them for you", "… Please contact the courier. I'll chase them too and call
#: you by 4pm."): the buck is not passed (heldout3 blind set, 2026-12-07). "I'll send you
#: their number" keeps nothing.
_OWNED = re.compile(
    r"\b(?:i|we)(?:['’]ve|\s+have|['’]ll|\s+will|['’]m\s+going\s+to|\s+am\s+going\s+to"
    r"|\s+are\s+going\s+to)\s+(?:already\s+|now\s+|personally\s+|also\s+|just\s+|gone\s+ahead\s+and\s+)?"
    r"(?:contact|raise|raising|chase|chasing|escalat|claim|spoke|speak|phone|call|rang|ring|rung"
    r"|e-?mail|writ|pass(?:ed)?\s+(?:this|it|your\s+\w+)\s+(?:on\s+)?to|forward|book|arrang"
    r"|follow|take\s+(?:it|this)\s+up|taken\s+(?:it|this)\s+up|handl|deal|dealt|sort|look(?:ed)?"
    r"\s+into|logg?|open|report|updat|text|refund|replac|repair)\w*",
    re.IGNORECASE)


def _kept(found: tuple[Finding, ...], sentences: tuple[Sentence, ...]) -> tuple[Finding, ...]:
    """``found`` less each buck passed whose sentence, after it, or the next sentence says
    what the agent does about it."""
    if not any(f.name == "passing_the_buck" for f in found):
        return found
    keep: list[Finding] = []
    for finding in found:
        if finding.name == "passing_the_buck":
            at = next((i for i, s in enumerate(sentences)
                       if s.start <= finding.span.start < s.end), None)
            if at is not None:
                here = sentences[at]
                rest = here.text[finding.span.end - here.start:]
                rest += " " + " ".join(s.text for s in sentences[at + 1:at + 2])
                if _OWNED.search(rest):
                    continue
        keep.append(finding)
    return tuple(keep)


#: "I'm sorry you feel that way" to a hot customer: sorry for their feeling, not for what
#: happened (2026-12-07 probe). ESConv's counsellors say it sincerely to someone calm, so
#: it is flagged only while the customer is hot.
_NON_APOLOGY = re.compile(
    r"\b(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+(?:very\s+|so\s+)?sorry\s+(?:that\s+|if\s+)?you\s+"
    r"(?:feel|felt|think|see\s+it)\s+(?:that\s+way|like\s+that|this\s+way|that\s+(?:our|we|the|it)\b)",
    re.IGNORECASE)
NON_APOLOGY_MESSAGE = ("Sorry for how the customer feels is not sorry for what happened: it "
                       "tells them their feeling is the problem.")
NON_APOLOGY_REWRITE = "I'm sorry we let you down, and I want to put it right."
#: "I told you already" said before a fact: the rewrite keeps the fact ("As per my last
#: message, the warehouse needs 10 working days." -> "The warehouse needs 10 working days.").
_SAID_BEFORE = re.compile(
    r"^\W*(?:as\s+(?:per\s+my\s+(?:last|previous|earlier)\s+\w+|(?:i\s+)?(?:previously|already)"
    r"\s+(?:stated|mentioned|explained|said|advised)|i\s+(?:already|just|previously)\s+(?:explained"
    r"|said|told\s+you|mentioned)|(?:mentioned|stated|explained)\s+(?:before|earlier|previously))"
    r"|like\s+i\s+said(?:\s+before)?|per\s+my\s+(?:last|previous|earlier)\s+\w+)\s*[,:-]\s*",
    re.IGNORECASE)
#: What a premature request asks for, so that its rewrite asks for the same thing later.
_THING = (r"(?:[\w-]+\s+){0,3}?(?:number|reference|postcode|post\s+code|details|address|name|birth"
          r"|id|code)(?:\s+(?:number|no|id|code))?")
_ASKED = re.compile(
    rf"\b(?:your|the)\s+{_THING}(?:,?\s+(?:and|or)\s+(?:your\s+|the\s+)?{_THING})?\b",
    re.IGNORECASE)


def _fitted(finding: Finding, sentence: Sentence) -> Finding:
    """``finding`` with a rewrite that keeps the fact its sentence carries, when the
    offence is only the lead-in ("As per my last message, …")."""
    lead = _SAID_BEFORE.match(sentence.text)
    rest = sentence.text[lead.end():] if lead is not None else ""
    if lead is None or len(rest.split()) < 3:
        return finding
    return replace(finding, rewrite=rest[:1].upper() + rest[1:])


def _asked_for(finding: Finding, sentence: Sentence) -> Finding:
    """A premature request's rewrite asks, later, for what the reply asked for."""
    asked = _ASKED.search(sentence.text)
    if asked is None or finding.rewrite is None or "your order number" not in finding.rewrite:
        return finding
    thing = asked.group(0)
    thing = "your " + thing.split(" ", 1)[1] if thing.lower().startswith("the ") else thing
    return replace(finding, rewrite=finding.rewrite.replace("your order number", thing))


def _rule_finding(name: str, span: Span, playbook: Playbook) -> Finding:
    rule = playbook.anti_patterns[name]
    return Finding(
        kind="anti_pattern",
        name=name,
        span=span,
        step=rule.step,
        message=rule.message,
        rewrite=rule.rewrite or _FALLBACK_REWRITE,
    )


def _term_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for ``terms``, as whole words, case-insensitive except acronyms.

    A term written in capitals ("LOS", "PAN", "MID") is an acronym and matches only
    in capitals: "los" and "pan" are words. Any other term matches in any case.
    """
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    body = "|".join(f"(?-i:{re.escape(t)})" if _is_acronym(t) else re.escape(t)
                    for t in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _is_acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in term


_JargonTable = tuple[re.Pattern[str] | None, dict[str, str]]


def _jargon_table(playbook: Playbook) -> _JargonTable:
    plain: dict[str, str] = {}
    written: list[str] = []
    for entry in playbook.jargon:
        term, _, words = entry.partition("=>")
        if term.strip():
            plain[term.strip().lower()] = words.strip() or "this"
            written.append(term.strip())
    return _term_regex(tuple(written)), plain


def _jargon(sentence: Sentence, table: _JargonTable) -> list[Finding]:
    regex, plain = table
    if regex is None:
        return []
    # The regex tries every term at every position; most sentences hold none.
    folded = sentence.folded if sentence.folded is not None else sentence.text.lower()
    if not any(map(folded.__contains__, plain)):
        return []
    matches = list(regex.finditer(sentence.text))
    # One rewrite for the sentence, every term in it in plain words.
    rewrite = sentence.text
    for match in reversed(matches):
        words = plain.get(match.group().lower(), "this")
        before = _fix_article(rewrite[: match.start()], words)
        rewrite = before + words + rewrite[match.end() :]
    out: list[Finding] = []
    for match in matches:
        words = plain.get(match.group().lower(), "this")
        out.append(
            Finding(
                kind="anti_pattern",
                name="jargon",
                span=_offset(sentence, match),
                step=3,
                message=f"{JARGON_MESSAGE} Say {words!r} instead of {match.group()!r}.",
                rewrite=rewrite,
            )
        )
    return out


def _fix_article(before: str, words: str) -> str:
    """"an RMA" becomes "a return form": the article follows the new words."""
    article = re.search(r"\b(an?)\s+$", before, re.IGNORECASE)
    if article is None:
        return before
    wanted = "an" if words[:1].lower() in "aeiou" else "a"
    if article.group(1)[0].isupper():
        wanted = wanted.capitalize()
    return before[: article.start(1)] + wanted + before[article.end(1) :]


def _forbidden_regex(playbook: Playbook) -> re.Pattern[str] | None:
    return _term_regex(tuple(p.strip() for p in playbook.forbidden if p.strip()))


def _forbidden(sentence: Sentence, regex: re.Pattern[str] | None) -> list[Finding]:
    if regex is None:
        return []
    out: list[Finding] = []
    for match in regex.finditer(sentence.text):
        rest = sentence.text[: match.start()] + sentence.text[match.end() :]
        rest = re.sub(r"\s+([,.!?])", r"\1", re.sub(r"\s{2,}", " ", rest)).strip(" ,;")
        rewrite = rest[:1].upper() + rest[1:] if re.search(r"\w{2,}", rest) else _FALLBACK_REWRITE
        out.append(
            Finding(
                kind="anti_pattern",
                name="forbidden_phrase",
                span=_offset(sentence, match),
                step=2,
                message=FORBIDDEN_MESSAGE,
                rewrite=rewrite,
            )
        )
    return out


def _offset(sentence: Sentence, match: re.Match[str]) -> Span:
    return Span(sentence.start + match.start(), sentence.start + match.end(), match.group())
