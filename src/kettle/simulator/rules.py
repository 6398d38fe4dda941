"""How much each finding of the reply coach heats or cools the simulated customer.

The numbers are degrees Celsius on the thermometer's scale (30 calm .. 100
boiling). They are a teaching model, not a measurement: their order follows the
method (doubting or lecturing a hot customer costs most; a feeling guess that
names the right feeling and a concrete plan with a time help most), and the
scripted-trainee tests in tests/simulator pin the behaviour they produce.
"""

from __future__ import annotations

import re

from kettle.simulator.scenarios import Temper

#: Heat added by each anti-pattern the coach flags (once per kind per reply).
HEAT: dict[str, float] = {
    "doubt": 16.0,
    "policy_shield": 14.0,
    "blame": 14.0,
    "scolding": 12.0,
    "calm_down": 16.0,
    "sarcasm": 14.0,
    "insulting": 16.0,
    "defensiveness": 9.0,
    "passing_the_buck": 9.0,
    "minimising": 10.0,
    "false_promise": 3.0,
    "hedging": 4.0,
    "canned_phrase": 4.0,
    "asking_again": 7.0,
    "jargon": 4.0,
    "premature_info_request": 9.0,
    "forbidden_phrase": 8.0,
}
#: Asking for details while the customer still vents (when the coach did not flag it).
PREMATURE = 9.0
#: A venting customer who is not acknowledged at all.
NOT_HEARD = 4.0
#: A plan without a time, or a promise with a vague time ("soon").
VAGUE = 5.0
#: A promise whose due time passed without an update.
BROKEN = 18.0
#: Each reply once the customer's patience (replies without a concrete plan) runs out.
IMPATIENT = 4.0
#: A reply that took longer than allowed in pressure mode: base, per extra allowance, cap.
SLOW_BASE, SLOW_PER_ALLOWANCE, SLOW_CAP = 4.0, 6.0, 14.0
#: A token concession (under half of what the customer would expect).
TOKEN = 3.0

#: Cooling; the acknowledging techniques count as one (the strongest).
ACKNOWLEDGING: dict[str, float] = {"acknowledgement": 3.0, "apology": 4.0, "empathy": 5.0}
RIGHT_FEELING = 10.0
OTHER_FEELING = 3.0
RESTATEMENT = 4.0
OWNERSHIP = 5.0
CONCRETE_PLAN = 10.0
NEED_MET = 5.0
THANKS = 2.0
PROMISE_KEPT = 6.0
GENEROUS = 5.0
ACCEPTED = 8.0

#: A credited technique counts fully twice, then less each time (parroting wears off).
FRESHNESS: tuple[float, ...] = (1.0, 1.0, 0.5, 0.25)

#: Multipliers on heat and on cooling by temper.
RISE: dict[Temper, float] = {"mild": 0.8, "touchy": 1.0, "fiery": 1.2}
FALL: dict[Temper, float] = {"mild": 1.15, "touchy": 1.0, "fiery": 0.85}

#: The customer hangs up at or above this temperature.
BOIL_C = 95.0
#: The customer accepts a resolution only below this temperature.
ACCEPT_BELOW_C = 72.0
#: A good callback brings the customer down by this much.
CALLBACK_RELIEF = 20.0
#: Hang-ups the trainee may call back from before the customer is lost.
MAX_CALLBACKS = 2

_DETAILS = re.compile(
    r"\b(?:(?:order|account|reference|ref|tracking|booking|invoice|customer|membership|serial|"
    r"case|ticket|confirmation|policy)\s*(?:number|no\.?|id|#|code)|post\s?code|zip\s?code|"
    r"date\s+of\s+birth|e-?mail\s+address|phone\s+number|(?:exact|full|some|your)\s+details)\b",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"\?|\b(?:can|could|would|will)\s+you\b|\bplease\s+(?:give|send|provide|confirm|tell)|"
    r"\bi\s+(?:need|'ll\s+need|will\s+need)\b",
    re.IGNORECASE,
)
_KEPT = re.compile(
    r"\b(?:as\s+promised|i(?:'ve|\s+have)\s+(?:just\s+)?(?:called|spoken|checked|arranged|"
    r"booked|sent|issued|confirmed|processed|refunded|credited)|i\s+just\s+(?:called|spoke|"
    r"checked)|update\b)",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(?:[$€£]\s?(\d+(?:[.,]\d{1,2})?))|(?:\b(\d+(?:[.,]\d{1,2})?)\s?(?:euros?|eur|dollars?|"
    r"usd|pounds?|gbp)\b)",
    re.IGNORECASE,
)


def asks_for_details(reply: str) -> bool:
    """Whether the reply asks the customer for numbers or exact details."""
    return bool(_DETAILS.search(reply) and _ASK.search(reply))


def reports_back(reply: str) -> bool:
    """Whether the reply reports back on something promised."""
    return bool(_KEPT.search(reply))


def amounts(reply: str) -> list[float]:
    """Money amounts offered in the reply."""
    found = []
    for match in _AMOUNT.finditer(reply):
        raw = match.group(1) or match.group(2)
        found.append(float(raw.replace(",", ".")))
    return found


def mentions(text: str, words: list[str]) -> bool:
    """Whether ``text`` contains any of ``words`` as whole words (case-insensitive)."""
    lowered = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", lowered) for w in words)


def freshness(times_before: int) -> float:
    return FRESHNESS[min(times_before, len(FRESHNESS) - 1)]


def slow_heat(elapsed_s: float, allowed_s: float) -> float:
    """Heat for a reply that took ``elapsed_s`` when ``allowed_s`` were allowed (0 if on time)."""
    if elapsed_s <= allowed_s:
        return 0.0
    over = (elapsed_s - allowed_s) / allowed_s
    return min(SLOW_CAP, SLOW_BASE + SLOW_PER_ALLOWANCE * over)
