"""The reply's acts in the evaluation vocabulary (``types.ACTS``), from its findings.

Annotated corpora (ESConv, AnnoMI) give most replies one act: the one that
carries the reply. So the acts are ranked and the one that carries the reply
comes first; the others follow, except a question that only gives a stronger
act its form: a restatement that ends in "is that right?" is a restatement,
"have you tried…?" is a suggestion.
"""

from __future__ import annotations

import re

from kettle.analysis.coach_text import Sentence
from kettle.analysis.techniques import DECLARATIVE, SO_YOU, STRONG_LEAD
from kettle.analysis.types import Finding

#: Technique -> act of the eval vocabulary.
TECHNIQUE_ACT: dict[str, str] = {
    "question_open": "question",
    "question_closed": "question",
    "restatement": "restatement",
    "reflection": "reflection",
    "apology": "affirmation",
    "empathy": "affirmation",
    "ownership": "affirmation",
    "suggestion": "suggestion",
    "information": "information",
    "plan": "information",
    "concrete_time": "information",
}

#: Which act carries a reply when several are present (strongest first).
PRIORITY: tuple[str, ...] = (
    "reflection",
    "restatement",
    "suggestion",
    "question",
    "affirmation",
    "self_disclosure",
    "information",
)

# The agent talking about their own life (ESConv's "self-disclosure"); in a
# customer-service reply the same shape is the "agent's own story".
_SELF_DISCLOSURE = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but|so|when|because)\s+)\W*(?:i|we)\b(?:'ve|'m|'d)?\s*(?:\w+\s+){0,3}?"
    r"(?:had|have\s+had|was|were|went|used\s+to|remember|also|too|felt|lost|tried|did|found|"
    r"learned|learnt|got|looked|moved|worked|grew|struggled|dealt|know\s+(?:how|what)\s+(?:it|that)|"
    r"been)\b"
    r"|^\W*(?:me\s+too|same\s+here|i\s+can\s+relate)\b"
    r"|\b(?:my|our)\s+(?:now\s+|own\s+|ex[- ]?)?"
    r"(?:husband|wife|son|daughter|kids?|children|mom|mother|dad|father|brother|sister|friend|partner|family|boyfriend|girlfriend|parents)\b"
    r"|\bwhen\s+i\s+was\b|\bhappened\s+to\s+me\b",
    re.IGNORECASE,
)

#: Every self-disclosure above holds one of these words, so a sentence without
#: them is passed over before the full pattern (which is tried at every position).
_SELF_WORDS = re.compile(r"\b(?:i|we|me|my|our|same)\b", re.IGNORECASE)


# Greetings, thanks and goodbyes carry no act of their own ("Good luck, bye!").
_PLEASANTRY = re.compile(
    r"^\W*(?:(?:oh|ok(?:ay)?|well|and|so)\W+)?(?:hi|hello|hey|good\s+(?:morning|afternoon|evening|night|day)|"
    r"you(?:'re|\s+are)\s+(?:very\s+|so\s+|most\s+)?welcome|no\s+problem|anytime|my\s+pleasure|"
    r"(?:good\s*)?bye|take\s+care|(?:good|best\s+of)\s+luck|best\s+wishes|wish\s+you\s+(?:all|the\s+best|luck)|"
    r"have\s+a\s+(?:good|great|nice|lovely|wonderful|blessed)|enjoy\s+(?:the\s+rest\s+of\s+)?your|"
    r"nice\s+(?:talking|chatting|to\s+(?:meet|talk|chat))|merry|happy\s+(?:new\s+year|holidays)|"
    r"you\s+too|same\s+to\s+you|glad\s+(?:i|to)\s+(?:could|was\s+able\s+to|be\s+of)|"
    r"(?:i\s+)?hope\s+(?:i\s+(?:was\s+able\s+to|could|have)\s+help|you\s+have\s+a|"
    r"this\s+helps|that\s+helps|you(?:'re|\s+are)\s+(?:doing\s+)?(?:well|ok|okay|good))|"
    r"(?:thanks?|thank\s+you)\s+(?:so\s+much\s+)?(?:for\s+(?:talking|chatting|sharing|the\s+chat|reaching)))\b",
    re.IGNORECASE,
)


def derive(findings: tuple[Finding, ...], sentences: tuple[Sentence, ...]) -> tuple[str, ...]:
    """The reply's acts, strongest first; ``("other",)`` when none applies."""
    polite = [s for s in sentences if not s.is_question and _PLEASANTRY.match(s.text)]
    if polite:
        findings = tuple(
            f for f in findings if not any(s.start <= f.span.start < s.end for s in polite)
        )
    present = {TECHNIQUE_ACT[f.name] for f in findings if f.name in TECHNIQUE_ACT}
    if any(_SELF_WORDS.search(s.text) and _SELF_DISCLOSURE.search(s.text) for s in sentences):
        present.add("self_disclosure")
    ranked = [act for act in PRIORITY if act in present]
    if not ranked:
        return ("other",)
    if ranked[0] == "reflection" and "restatement" in present and _checked_back(findings):
        ranked.remove("restatement")
        ranked.insert(0, "restatement")
    # A question behind a stronger act ("have you tried…?", "so you…, right?") is
    # that act's form, not a second act.
    # Facts the agent gives while telling their own story are part of the story.
    hidden = {"question", "information"} if ranked[0] == "self_disclosure" else {"question"}
    return (ranked[0], *(act for act in ranked[1:] if act not in hidden))


def _checked_back(findings: tuple[Finding, ...]) -> bool:
    """A restatement the agent marks as one ("you're saying…", "so you…?") carries the reply."""
    for finding in findings:
        if finding.name != "restatement":
            continue
        text = finding.span.text
        if STRONG_LEAD.search(text) or SO_YOU.match(text):
            return True
        if text.endswith("?") and DECLARATIVE.match(text):
            return True
    return False
