"""Feeling guesses that fit what was said (2026-12-07 probe), before the thermometer.

Alarm for fraud ("three payments on my card I never made"), frustration for a
failure that keeps coming back ("the third time I've reported it", "every
evening this week"), disappointment for a let-down (a promise missed, "I was
really looking forward to this"), confusion for a direct "why" question. Anger
is guessed only when the customer shows it openly, which the named feelings and
the thermometer already do.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kettle.analysis.suggest_question import asked
from kettle.analysis.suggest_safety import fraud

#: A failure that keeps coming back.
_REPEATED = re.compile(
    r"\b(?:(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+time|(?:two|three|four|five"
    r"|six|several|\d+)\s+times|in\s+a\s+row|every\s+(?:single\s+)?(?:time|day|evening|night"
    r"|morning|week|month)|yet\s+again|once\s+again|keeps?\s+(?:happening|dropping|crashing"
    r"|failing|breaking|cutting|logging))\b", re.IGNORECASE)
#: A let-down: something looked forward to, or a promise not kept.
_LET_DOWN = re.compile(
    r"\b(?:looking\s+forward|looked\s+forward|ruined|spoil(?:ed|t)|(?:you|they)\s+promised"
    r"|you\s+said\s+(?:you|it|that|they|on|by|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|today|yesterday)|was\s+supposed\s+to|were\s+supposed\s+to)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def early(text: str, *, let_down: bool = False) -> str | None:
    """The emotion the words make plain, or None to leave it to the thermometer.

    Cached: one ``suggest`` asks it of the same words for every wording it builds.
    """
    if fraud(text):
        return "alarm"
    if let_down or _LET_DOWN.search(text):
        return "disappointment"
    if _REPEATED.search(text):
        return "frustration"
    if any((q := asked(part)) is not None and q[0] == "why"
           for part in re.split(r"(?<=[.!?])\s+", text)):
        return "confusion"
    return None


def grieves(text: str) -> bool:
    """Words that show a grievance even when the customer reads calm."""
    return early(text) is not None
