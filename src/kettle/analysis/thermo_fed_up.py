"""Customers out of patience who name no feeling (2026-12-07).

A probe of twenty everyday short messages read a support lead's "hot" customers
as calm: "My patience is wearing very thin." 35 °C, "I'm at the end of my tether
with this." 39 °C, "Do you even read these messages?" 45 °C, "I was promised a
callback on Tuesday. It's Friday." 32 °C, "I demand a full refund and an
explanation." 53 °C. The words are plain, so the model and VADER read them flat;
what they say is that the customer's patience is gone:

- patience run out, said as an idiom ("my patience is wearing thin", "at the end
  of my tether", "the last straw", "I've had it with you");
- a question that is no question but contempt ("Do you even read these?", "Why is
  it so hard to get a straight answer?", "Is that too much to ask?", "So let me get
  this straight: I pay for…", "make it make sense");
- a promise broken by the calendar ("You said Monday. It's now Thursday.");
- "I demand …";
- half an hour or more on hold ("I've been stuck in your phone queue for 50
  minutes", 49 °C before): the wait itself strains (:mod:`kettle.analysis.waits`),
  but only a little for minutes, which on a phone line is a long time.

Product rules, not fits: no train_ok data labels them.
"""

from __future__ import annotations

import re

from kettle.analysis.thermo_feelings import Feeling
from kettle.analysis.thermo_gate import may_hold

#: Patience gone, said in so many words: frustrated and hot.
OUT_OF_PATIENCE = Feeling("frustration", 0.55, 0.6, 66.0)
#: Contempt asked as a question, or a promise the calendar broke: frustrated, warm to hot.
SCORNED = Feeling("frustration", 0.5, 0.5, 62.0)

_PATIENCE = re.compile(
    r"\bmy\s+patience\s+(?:is|has|was|'s)\s+(?:\w+\s+){0,2}(?:wearing|worn|running|run|gone|ran"
    r"|exhausted|thin)\b"
    r"|\bout\s+of\s+patience\b|\b(?:losing|lost)\s+(?:all\s+)?(?:my\s+)?patience\b"
    r"|\bend\s+of\s+my\s+tether\b|\bthe\s+last\s+straw\b|\bbeyond\s+a\s+joke\b"
    r"|\bi(?:['’]ve|\s+have)\s+(?:just\s+|now\s+|finally\s+)?had\s+it\s+(?:with|up\s+to)\b"
    r"|\bi(?:['’]ve|\s+have)\s+(?:just\s+|now\s+|finally\s+)?had\s+it\s*(?:[.!]|$)",
    re.IGNORECASE,
)
_PATIENCE_WORDS = ("patience", "tether", "straw", "joke", "had it")

_CONTEMPT = re.compile(
    r"\b(?:do|does|did)\s+(?:you|anyone|anybody|any\s+of\s+you)(?:\s+(?:there|guys|people"
    r"|at\s+\w+))?\s+(?:even|actually|really)\s+(?:read|listen|care|check|bother|look)\b"
    r"|\bwhy\s+is\s+it\s+(?:so\s+)?(?:hard|difficult|impossible)\s+to\s+(?:get|speak|talk|reach"
    r"|find|contact)\b"
    r"|\b(?:is|was)\s+(?:it|that|this)\s+(?:really\s+)?too\s+much\s+to\s+ask\b"
    r"|\bhow\s+(?:hard|difficult)\s+(?:is|can)\s+it\s+(?:be|to)\b"
    # Lead's blind probe (2026-12-07): "so let me get this straight. i pay for 500mb and get
    # 4", "make it make sense"; not "Let me get this straight... Trump's lawyers" (no us).
    r"|\blet\s+me\s+get\s+this\s+straight\W+(?:so\s+)?(?:you|your|i|i['’]m|i['’]ve|we)\b"
    r"|\bmake\s+it\s+make\s+sense\b",
    re.IGNORECASE,
)
_CONTEMPT_WORDS = ("even ", "actually", "really", "hard", "difficult", "impossible", "too much",
                   "straight", "make sense")

_DAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last\s+(?:week|month)"
        r"|(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+ago"
        r"|(?:over|more\s+than)\s+a\s+(?:week|month)|weeks\s+ago|days\s+ago|a\s+week\s+later)")
_BROKEN = re.compile(
    r"\b(?:(?:you|they|your\s+\w+)\s+(?:said|told\s+(?:me|us)|promised)|(?:i\s+was|we\s+were)"
    r"\s+(?:told|promised))\b"
    r"[^.?!\n]{0,100}(?:[.?!]+\s*|,?\s+(?:and|but)\s+)(?:but\s+)?(?:it['’]?s|it\s+is|that\s+was"
    r"|today\s+is|now\s+it['’]?s)\s+(?:now\s+)?" + _DAY + r"\b",
    re.IGNORECASE,
)
_BROKEN_WORDS = ("said", "told", "promised")

#: Kept on the line half an hour or more: frustrated and warm.
ON_HOLD = Feeling("frustration", 0.5, 0.4, 60.0)
_LONG = (r"(?:(?:over|more\s+than|nearly|almost|about|around|well\s+over)\s+)?(?:an?\s+hour|\d+"
         r"\s+hours?|(?:[3-9]\d|\d{3,})\s*(?:minutes|mins)|half\s+an\s+hour)")
_HOLD = re.compile(
    r"\b(?:on\s+hold|in\s+(?:the|your|a)\s+(?:phone\s+|call\s+|telephone\s+)?queue|waiting\s+on"
    r"\s+the\s+(?:line|phone))\s+(?:now\s+)?(?:for\s+)?" + _LONG + r"\b"
    r"|\b" + _LONG + r"\s+(?:on\s+hold|in\s+(?:the|your|a)\s+(?:phone\s+)?queue)\b",
    re.IGNORECASE,
)

_DEMAND = re.compile(r"(?<!on )\bi\s+(?:demand|insist\s+on)\b", re.IGNORECASE)


def fed_up(text: str) -> Feeling | None:
    """The feeling of a customer whose patience is gone, if the text says so."""
    if may_hold(text, _PATIENCE_WORDS) and _PATIENCE.search(text):
        return OUT_OF_PATIENCE
    if len(text) > 400:
        return None
    if may_hold(text, ("demand", "insist")) and _DEMAND.search(text):
        return SCORNED
    if may_hold(text, _CONTEMPT_WORDS) and _CONTEMPT.search(text):
        return SCORNED
    if may_hold(text, _BROKEN_WORDS) and _BROKEN.search(text):
        return SCORNED
    if may_hold(text, ("hold", "queue", "waiting on the")) and _HOLD.search(text):
        return ON_HOLD
    return None
