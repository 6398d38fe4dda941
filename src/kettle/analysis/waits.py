"""How long the customer says they have waited, as strain on the thermometer (D25).

"I have been waiting three weeks for a refund." is a calm sentence that a team
lead reads as a warm customer: the model and VADER read its words, which are
flat, not the three weeks. :func:`wait_strain` turns a stated wait ("waiting
three weeks", "on hold for 2 hours", "without heating for five days", "it's
been two months") into a share of arousal that grows with the unit of the wait,
the same way an escalation signal adds to it (``thermometer.arousal_of``).

The weights are product choices, not fits: under half an hour adds nothing,
and each longer unit adds more, up to a wait of months, which weighs as much as
a legal threat.
"""

from __future__ import annotations

import re

from kettle.analysis.commit_timewords import NUMBERS
from kettle.analysis.signals import straight_apostrophes
from kettle.analysis.thermo_gate import may_hold

#: Arousal a wait adds, by its unit.
WAIT_WEIGHTS: dict[str, float] = {
    "minute": 0.10,  # half an hour or more; less adds nothing
    "hour": 0.20,
    "day": 0.30,
    "week": 0.45,
    "month": 0.55,
    "year": 0.55,
}
#: Minutes below which a wait in minutes adds nothing.
PATIENT_MINUTES = 30

#: The promise tracker's number words, and those a wait is also counted in.
_NUMBERS = {**NUMBERS, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
            "a few": 3, "several": 4}
_NUM = (r"(?P<n>\d+(?:\.\d+)?|forty-five|a\s+couple\s+of|couple\s+of|a\s+few|several|an?|one|two"
        r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
        r"|fifty|sixty|ninety)")
_UNITS = "minute|min|hour|hr|day|week|wk|month|year"
_UNIT_GROUP = rf"(?P<unit>{_UNITS})s?\b"
_ABOUT = r"(?:(?:over|more\s+than|almost|nearly|about|around|roughly|at\s+least|well\s+over)\s+)?"
_SUPPLY = (r"(?:heating|heat|hot\s+water|water|power|electricity|gas|internet|broadband|wi-?fi"
           r"|phone|signal|service|tv|a\s+(?:phone|car|fridge|boiler|cooker|washing\s+machine)"
           r"|my\s+(?:phone|car|card|money|refund|order|parcel|stuff|things|belongings))")
_FORMS = (
    # "waiting three weeks", "on hold for 2 hours", "chasing this for a month"; a wait to
    # come ("I have to wait 30 days") is no wait yet.
    r"\b(?:waiting|waited|on\s+hold|chasing|chased|been\s+(?:down|off"
    r"|out|offline|broken|disconnected|cut\s+off)|without\s+" + _SUPPLY + r")\s+"
    r"(?:(?:on\s+|for\s+)?(?:this|it|you|them|(?:my|a|an|the|your)\s+\w+)\s+)?(?:for\s+)?"
    + _ABOUT + _NUM + r"\s+" + _UNIT_GROUP,
    # "It's been two months", "it has now been over three weeks" (not "it's been two
    # years since I moved out", a story).
    r"\bit(?:'s|\s+has|\s+is|s)\s+(?:now\s+)?been\s+" + _ABOUT + _NUM + r"\s+" + _UNIT_GROUP
    + r"(?!\s+(?:since|ago|of\s+(?!waiting|chasing)))",
    # "2 hours on hold", "three weeks of waiting", "10 days and still nothing".
    r"\b" + _ABOUT + _NUM + r"\s+" + _UNIT_GROUP
    + r"\s+(?:on\s+hold|of\s+(?:waiting|chasing|calling)|and\s+counting|and\s+(?:still\s+)?"
    r"(?:nothing|no\s+(?:one|body|reply|response|answer|refund|update|word|sign)|nobody|waiting"
    r"|hasn't|haven't|isn't|can't)|and\s+still\s+not)",
)
#: The forms and the units, for any text (IGNORECASE) and for lower-cased ASCII
#: text (case-sensitive, several times faster).
_WAITS = tuple(re.compile(form, re.IGNORECASE) for form in _FORMS)
_WAITS_LOWER = tuple(re.compile(form) for form in _FORMS)
_UNIT = rf"\b(?:{_UNITS})s?\b"
_UNIT_WORD = re.compile(_UNIT, re.IGNORECASE)
_UNIT_WORD_LOWER = re.compile(_UNIT)
_UNIT_LITERALS = ("min", "hour", "hr", "day", "week", "wk", "month", "year")
_COUNTED = re.compile(r"\b" + _NUM + r"\s+$", re.IGNORECASE)
#: A wait counted like a diary (lead's blind probe, 2026-12-07): "Still waiting. Day 11.",
#: "day 5 of no internet", "Week 3 without a refund"; not "Day 1." nor "on day 3 of my trip".
_DIARY = re.compile(
    r"(?:^|(?<=[.!?,]\s))(?P<unit>day|week|month)\s+" + _NUM + r"\s*(?:[.!]|$|of\s+(?:no|waiting"
    r"|chasing|this|still|trying)\b|without\b|and\s+still\b)", re.IGNORECASE)
#: How far a form reaches before its unit ("waiting on my refund for well over a
#: couple of"), and after it ("and still no response").
_BEFORE, _AFTER = 120, 60


def wait_strain(text: str) -> float:
    """The arousal the longest wait stated in ``text`` adds (0 when none is stated)."""
    strain = 0.0
    if not may_hold(text, _UNIT_LITERALS):
        return strain  # most texts name no unit
    ascii_text = text.isascii()
    # Phones type curly apostrophes ("It’s been…"); the straight ones take the same room.
    subject = text.lower() if ascii_text else straight_apostrophes(text)
    forms, units = (_WAITS_LOWER, _UNIT_WORD_LOWER) if ascii_text else (_WAITS, _UNIT_WORD)
    for unit in units.finditer(subject):
        # Every form counts the unit ("three weeks"); "every day" states no wait.
        if _COUNTED.search(subject, max(0, unit.start() - 24), unit.start()) is None:
            continue
        low = max(0, unit.start() - _BEFORE)
        high = subject.find(" ", min(len(subject), unit.end() + _AFTER))
        for pattern in forms:
            for match in pattern.finditer(subject, low, len(subject) if high < 0 else high):
                name = _unit(match.group("unit"))
                if name == "minute" and _count(match.group("n")) < PATIENT_MINUTES:
                    continue
                strain = max(strain, WAIT_WEIGHTS[name])
    for diary in _DIARY.finditer(text):
        if _count(diary.group("n")) >= 2:
            strain = max(strain, WAIT_WEIGHTS[_unit(diary.group("unit"))])
    return strain


def _unit(word: str) -> str:
    word = word.lower()
    return {"min": "minute", "hr": "hour", "wk": "week"}.get(word, word)


def _count(word: str) -> float:
    word = " ".join(word.lower().split())
    return float(word) if word[0].isdigit() else float(_NUMBERS.get(word, 1))
