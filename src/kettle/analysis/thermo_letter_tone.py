"""How hard a long letter presses its complaint, for its temperature (D37).

The letter rules of D31 (:mod:`kettle.analysis.thermo_letters`) cap a letter's
temperature at fixed bounds (74 °C for a plain complaint or a worry, 87 °C for a
composed one) and lift a threat to 76 °C. The paragraph models read almost any
paragraph that tells a failure as very hot, so many letters sat on those bounds:
on the two older long-e-mail probes, 55 of 140 letters read exactly 74, 76 or
87 °C, whether they wrote "I would be grateful if you could look into it" or
"This is completely unacceptable. I expect a refund by Friday."

A support lead grades a letter by how it puts things: softeners ("I appreciate
these things happen", "a little disappointed", "I would be grateful",
"I am not blaming the staff") cool it; hard words ("unacceptable", "I expect",
"once and for all", "a shambles") and escalations (a repeat contact, a
manager, a threat) heat it, and anger or scorn most of all. :func:`pressure`
counts them; :func:`graded_ceiling` turns the count into the most the letter
reads, so that the temperature moves with how the letter is put. Product
rules read from the probes' letters, not fits.
"""

from __future__ import annotations

import math
import re

from kettle.analysis.thermo_gate import LiteralGated

_FLAGS = re.IGNORECASE


def _gated(pattern: str, *words: str) -> LiteralGated:
    return LiteralGated(re.compile(pattern, _FLAGS), literals=words)


#: Softeners: each kind counts once. Understanding, a hedged degree, "I'm sure", not
#: blaming, only letting us know, a polite request, goodwill towards the staff.
_SOFT = (
    _gated(r"\bi\s+(?:do\s+|fully\s+|completely\s+|can\s+|quite\s+|totally\s+)?(?:appreciate"
           r"|understand|realise|realize)\b(?!\s+(?:why|how)\b)"
           r"|\b(?:mistakes|things|delays|errors|accidents|traffic|these\s+things|it)\s+(?:do\s+|can"
           r"\s+|sometimes\s+|will\s+)?happens?\b",
           "appreciat", "understand", "realis", "realiz", "happen"),
    _gated(r"\b(?:a\s+(?:little|bit|touch)|slightly|somewhat|mildly)\s+(?:disappoint\w*"
           r"|frustrat\w*|concern\w*|worr\w*|annoy\w*|upset\w*|surpris\w*|confus\w*|nervous"
           r"|anxious|let\s+down|put\s+out|longer|late|behind|delayed)\b",
           "little", "bit", "touch", "slightly", "somewhat", "mildly"),
    _gated(r"\bi(?:['’]m|\s+am)\s+(?:sure|certain)\s+(?:it|this|that|there|these|you|the|they)\b",
           "sure", "certain"),
    _gated(r"\b(?:i['’]m|i\s+am)\s+not\s+(?:trying\s+to\s+be\s+difficult|blaming|upset|angry"
           r"|complaining|looking\s+to\s+blame|one\s+to\s+complain)"
           r"|\bi\s+(?:do\s+not|don['’]t)\s+(?:want|wish)\s+to\s+(?:make\s+(?:too\s+much|a\s+fuss)"
           r"|complain|cause\s+trouble)",
           "not", "don"),
    _gated(r"\b(?:just|simply|only)\s+(?:wanted|want|like|thought|wish)\s+(?:you\s+)?to\s+(?:let"
           r"\s+you\s+know|be\s+aware|make\s+you\s+aware|flag|mention|pass\s+(?:this|it)\s+on)"
           r"|\bi\s+thought\s+you\s+(?:should|would|might)\s+(?:want\s+to\s+)?know\b",
           "wanted", "want", "like", "thought", "wish"),
    _gated(r"\b(?:would|['’]d)\s+be\s+(?:very\s+|most\s+|so\s+|really\s+|extremely\s+)?grateful\b"
           r"|\bif\s+(?:at\s+all\s+)?possible\b|\bperhaps\b|\bwhen\s+you\s+(?:have|get)\s+a\s+"
           r"(?:chance|moment)\b|\bthank\s+you\s+(?:(?:very|so)\s+much\s+)?(?:for\s+any\s+help"
           r"|in\s+advance)",
           "grateful", "possible", "perhaps", "chance", "moment", "thank"),
    _gated(r"\bon\s+the\s+whole\b|\b(?:generally|always)\s+(?:been\s+)?(?:very\s+)?(?:happy"
           r"|pleased|satisfied)\b|\b(?:staff|team|he|she|they|driver|engineer|steward|waiter)\s+"
           r"(?:were|was|have\s+been|has\s+been)\s+(?:very\s+|really\s+|extremely\s+)?(?:kind"
           r"|friendly|helpful|apologetic|polite|lovely)\b|\b(?:did|doing)\s+(?:their|his|her)"
           r"\s+best\b",
           "whole", "happy", "pleased", "satisfied", "kind", "friendly", "helpful", "apologetic",
           "polite", "lovely", "best"),
)
#: Hard words: each kind counts once. Unacceptable, an order ("I expect", "I demand"),
#: finality, contempt for the service, "not good enough", the worst ever.
_FIRM = (
    _gated(r"\b(?:unacceptable|not\s+acceptable|inexcusable|unforgivable|no\s+excuse)\b",
           "acceptable", "excus", "unforgivable"),
    _gated(r"\b(?:i|we)\s+(?:now\s+|therefore\s+|fully\s+)?(?:expect|demand|insist|require)\b",
           "expect", "demand", "insist", "require"),
    _gated(r"\bonce\s+and\s+for\s+all\b|\bin\s+the\s+strongest\s+(?:possible\s+)?terms\b"
           r"|\b(?:i|we)\s+(?:am|are|will|shall)\s+not\s+(?:be\s+)?(?:accept\w*|tolerat\w*|paying"
           r"|fobbed)|\b(?:i|we)\s+refuse\b|\bunder\s+no\s+circumstances\b",
           "once", "strongest", "accept", "tolerat", "paying", "fobbed", "refuse",
           "circumstances"),
    _gated(r"\b(?:ridiculous|shocking|shambles|farce|laughable|pathetic|absurd|atrocious|abysmal"
           r"|woeful|shoddy|useless|a\s+joke|a\s+disgrace|appalling|outrageous)\b",
           "ridiculous", "shocking", "shambles", "farce", "laughable", "pathetic", "absurd",
           "atrocious", "abysmal", "woeful", "shoddy", "useless", "joke", "disgrace",
           "appalling", "outrageous"),
    _gated(r"\bnot\s+good\s+enough\b|\bsimply\s+(?:is\s+not|isn['’]?t|not|will\s+not|won['’]t"
           r"|cannot|can['’]t)\b(?!\s+acceptable)",
           "enough", "simply"),
    _gated(r"\bthe\s+worst\b|\bnever\s+(?:again|been\s+treated|in\s+my\s+(?:life|\w+\s+years))"
           r"|\bbeyond\s+belief\b|\bnothing\s+short\s+of\b",
           "worst", "never", "belief", "short"),
)
#: Escalations that press a letter, one step each (a legal or public threat weighs
#: :data:`THREAT_STEPS`).
_PRESSING = frozenset(["cancel_threat", "manager_demand", "sarcasm", "hang_up",
                       "repeat_contact"])
_THREATS = frozenset(["legal_threat", "public_threat"])
THREAT_STEPS = 2
#: A worry that blames no one starts a step down (warm); a vulnerable customer's worry
#: (someone in their care ill, old or stranded, D28) two steps up from there (hot).
WORRY_STEPS = -1
VULNERABLE_STEPS = 2
#: Anger leading the letter (named, or scorn): steps added; rage (a share of 0.6) one more.
ANGER_STEPS = 2
#: The most that softeners or hard words move the count, each way.
TONE_LIMIT = 3
#: The ceiling at a count of 0 (a complaint told flatly), and °C per step.
FLAT_C = 63.0
STEP_C = 6.5
#: A paragraph that reads this hot or hotter is a heated one (the coach's "hot").
HEATED_C = 60.0
#: The heated share of a typical complaint: one body paragraph in three (the story's).
TYPICAL_SHARE = 1.0 / 3.0
#: Below this a letter that complains still reads warm, not calm.
LEAST_C = 50.0


def tone(text: str) -> int:
    """Hard words less softeners, each kind counted once, within ±:data:`TONE_LIMIT`."""
    firm = sum(1 for rule in _FIRM if rule(text))
    soft = sum(1 for rule in _SOFT if rule(text))
    return max(-TONE_LIMIT, min(TONE_LIMIT, firm - soft))


def pressure(text: str, kinds: set[str], anger: float, worried: bool = False) -> int:
    """How hard the letter presses, in steps: its :func:`tone`, one step for each
    escalation (:data:`_PRESSING`), :data:`THREAT_STEPS` for a legal or public threat,
    and :data:`ANGER_STEPS` when anger leads with share ``anger`` (0 when it does not);
    a ``worried`` letter :data:`WORRY_STEPS`, and :data:`VULNERABLE_STEPS` more for a
    vulnerable customer."""
    steps = tone(text) + len(kinds & _PRESSING)
    if worried:
        steps += WORRY_STEPS + (VULNERABLE_STEPS if "vulnerability" in kinds else 0)
    if kinds & _THREATS:
        steps += THREAT_STEPS
    if anger > 0.0:
        steps += ANGER_STEPS + (1 if anger >= 0.6 else 0)
    return steps


def heated(temperatures: list[float]) -> float:
    """The share of the letter's paragraphs (its paragraph readings, °C) that read hot
    (:data:`HEATED_C` or more): a letter angry throughout is hotter than one whose
    story has one hot paragraph."""
    return sum(t >= HEATED_C for t in temperatures) / len(temperatures) if temperatures else 0.0


def graded_ceiling(steps: int, cap: float, share: float = TYPICAL_SHARE) -> float:
    """The most the letter reads at ``steps`` of :func:`pressure`, no more than ``cap``:
    :data:`FLAT_C` at 0, :data:`STEP_C` per step, and up to a step more or less as the
    :func:`heated` ``share`` of its paragraphs is above or below :data:`TYPICAL_SHARE`;
    not below :data:`LEAST_C`, and within a step of ``cap`` nearing it without reaching it."""
    value = max(LEAST_C, FLAT_C + STEP_C * (steps + share - TYPICAL_SHARE))
    knee = cap - STEP_C
    # The last step to the bound is approached, not reached: the more a letter presses,
    # the nearer it reads to the bound, and letters do not pile up on it (D37).
    return value if value <= knee else cap - STEP_C * math.exp(-(value - knee) / STEP_C)
