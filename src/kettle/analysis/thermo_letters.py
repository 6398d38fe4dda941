"""Long, formal complaint e-mails: what the paragraphs' readings miss (long-e-mail probe).

A blind probe of 100 long e-mails (tests/analysis/data/probe_long_emails.jsonl,
labelled before the thermometer was run on them) found what the per-paragraph
reading of D28 gets wrong in a letter of several paragraphs:

- a thank-you letter that tells the story of a problem now fixed ("our flight
  was cancelled… Within an hour we had been rebooked… Thank you again") read as
  hot as the story's paragraph: a letter that thanks, and threatens or chases
  nothing, reads as the whole of it reads (:func:`grateful`);
- a feeling named in one paragraph ("I am extremely disappointed", "It is a
  real shame", "our anger"), or the worry of a vulnerable customer in trouble,
  was lost when another paragraph read hotter: it leads the letter; a letter
  that asks questions and says nothing of being confused is neutral, not
  confused;
- a grievance told politely (a failure, a repeat contact, a threat) with no
  thanks read *neutral* or *relief* on top: the polite words are no calm, and
  that mass is frustration (:func:`settle`);
- a worried customer who blames no one (a pensioner whose alarm line is dead,
  a parent stranded abroad with children) read very hot: worry reads at most
  :data:`WORRIED_C`, hot but not boiling; and a composed letter (no shouting,
  no swearing, no rage named) at most :data:`COMPOSED_C`: a customer who
  writes "I shall be referring this matter to the Financial Ombudsman" is
  very hot, not boiling over; and a plain complaint (a failure told, a fix
  asked for; no threat, demand, scorn, shouting or anger) at most
  :data:`PLAIN_C`, hot (:func:`ceiling`);
- a formal threat or a repeat contact read warm: a letter with a legal or
  public threat reads at least :data:`THREAT_LETTER_C`, one that says it has
  chased before at least :data:`CHASED_LETTER_C` (:func:`floor`).

D37 grades the bounds: within them, how hard the letter presses (softeners,
hard words, escalations, anger, :mod:`kettle.analysis.thermo_letter_tone`) sets
the most it reads, so letters no longer pile up on 74, 76 and 87 °C; scorn
("utterly contemptible", "frankly disgraceful") is anger; a thank-you letter
whose worry is past, and a request that names no feeling and holds no
grievance, read calm (:func:`shaped`).

Only letters (two or more paragraphs, 240 characters or more, see
:func:`kettle.analysis.email_text.paragraphs`) are read this way.
"""

from __future__ import annotations

import re

from kettle.analysis import signals
from kettle.analysis import thermo_letter_grievance as grievance
from kettle.analysis import thermo_letter_tone as tone
from kettle.analysis.thermo_feelings import Feeling, lead_with, named_feeling
from kettle.analysis.thermo_gate import LiteralGated
from kettle.analysis.thermo_situations import trouble, unsure

#: The most a worried letter that blames no one reads, °C: hot, not very hot.
WORRIED_C = 74.0
#: The most a composed letter reads, °C: very hot, not boiling over.
COMPOSED_C = 87.0
#: The most a plain complaint letter reads, °C: hot. It tells what went wrong (and that it
#: has chased) and asks for it to be put right, and threatens, demands, scorns, shouts and
#: names no anger ("The laptop… has developed a fault… Please arrange for it to be collected"
#: had read 79-87 °C from one paragraph, as hot as an ombudsman letter).
PLAIN_C = 74.0
#: The least a letter with a legal or public threat reads, °C: very hot. Written and sent,
#: the threat is considered, not blurted ("I will be referring my complaint to the
#: Communications Ombudsman" had read 72 °C, the floor of a threat said in a chat).
THREAT_LETTER_C = 76.0
_THREATS = frozenset(["legal_threat", "public_threat"])
#: The least a letter with a legal or public threat that also shouts, swears or names rage
#: reads, °C: boiling (D37).
BOILING_C = 88.0
#: The least a letter that says it has chased before reads, °C: hot ("I have since emailed you
#: on 23 October, 2 November and 16 November…" had read 56 °C).
CHASED_LETTER_C = 60.0
#: The least a letter that tells a grievance in words reads, °C: warm (a polite "my refund has
#: still not arrived", thanks then "However, …"; :mod:`thermo_letter_grievance`).
TOLD_LETTER_C = 48.0
#: A vulnerable customer in trouble who names no feeling is worried (as
#: thermo_situations.VULNERABLE).
_WORRIED = Feeling("anxiety", 0.55, 0.0, 58.0)
#: Anger named as a noun: "to express our anger at the way…", "my disgust".
_ANGER_NOUN = re.compile(r"\b(?:my|our)\s+(?:anger|outrage|fury|disgust)\b", re.IGNORECASE)
_ANGER = Feeling("anger", 0.5, 0.6, 65.0)
#: Condemnation of what was done, beside a grievance: anger, not annoyance ("I find your
#: handling of this matter cruel and incompetent", "This is an absolute disgrace").
_CONDEMN = re.compile(r"\b(?:disgrace(?:ful)?|appalling(?:ly)?|outrageous|cruel|insulting"
                      r"|humiliat\w+|incompetent|incompetence|shameful|scandalous|contemptuous)\b",
                      re.IGNORECASE)
#: Scorn, formal or not: anger whatever else the letter names, and with no signal beside it
#: ("I find your conduct utterly contemptible", "This is frankly disgraceful", "I have never
#: been treated with such contempt" had read frustrated, D37).
_SCORN = LiteralGated(re.compile(
    r"\b(?:contempt(?:ible|uous(?:ly)?)?|disgrace(?:ful(?:ly)?)?|despicable|deplorable"
    r"|reprehensible|scandal(?:ous)?|shameful(?:ly)?|beneath\s+contempt|how\s+dare\s+you)\b"
    # Told we lie or cheat, or have no decency: "a string of untruths", "a scam".
    r"|\b(?:(?:you|your\s+(?:\w+\s+)?(?:staff|agent|adviser|advisor|team|colleague|manager"
    r"|representative|salesman|engineer|driver|office))\s+(?:have\s+|has\s+)?lied"
    r"|(?:pack|string|web|tissue)\s+of\s+(?:lies|untruths)|untruths"
    r"|(?:is|was|are)\s+(?:nothing\s+but\s+|nothing\s+more\s+than\s+|just\s+|simply\s+|clearly"
    r"\s+)?a\s+scam|daylight\s+robbery|(?:the|any)\s+(?:common\s+)?decency\s+to"
    r"|in\s+the\s+strongest\s+(?:possible\s+)?terms)\b"
    r"|\bnever\s+(?:in\s+my\s+life\s+)?been\s+treated\s+(?:with\s+such\s+(?:contempt|disrespect"
    r"|disdain|rudeness)|so\s+(?:badly|appallingly|rudely|poorly|shabbily|disgracefully)"
    r"|(?:this|as)\s+badly|like\s+this)\b",
    re.IGNORECASE), literals=("contempt", "disgrace", "despicable", "deplorable", "reprehensible",
                              "scandal", "shameful", "dare", "treated", "lied", "lies",
                              "untruths", "scam", "robbery", "decency", "strongest"))
#: Disappointment said without "I": "It was a shame, as it used to be such a lovely place".
_SHAME = re.compile(r"\b(?:it(?:'s|\s+is|\s+was|\s+seems)|what|such)\s+a\s+"
                    r"(?:real\s+|great\s+|crying\s+|terrible\s+|huge\s+)?(?:shame|pity)\b"
                    # "…to tell you how let down we feel" (held-out e-mail probe, 2026-12-07).
                    r"|\bhow\s+(?:let\s+down|disappointed)\s+(?:we|i)\s+(?:feel|felt|are|am|were|was)\b",
                    re.IGNORECASE)
_DISAPPOINTED = Feeling("disappointment", 0.5, 0.0, 45.0)
#: What a customer holds against us: after one of these, polite words are no relief.
GRIEVANCE = frozenset(["service_failure", "repeat_contact", "cancel_threat", "legal_threat",
                       "public_threat", "manager_demand", "hang_up", "sarcasm", grievance.TOLD])
#: Blame, as against worry: a threat, a demand, a walk-out, loudness, scorn.
_BLAME = signals.ESCALATING - {"repeated_punctuation"}
#: Gratitude or praise for what was done.
_THANKS = re.compile(
    r"\b(?:thank(?:s|\s+you)|grateful|impressed|delighted|relieved|(?:a|great|huge|real)\s+relief"
    r"|well\s+done|first[- ]class|excellent|wonderful|reassuring)\b", re.IGNORECASE)
#: Thanks as a formula, or a request: "Thank you for your assistance.", "I would be
#: grateful if…", "Thanks for nothing".
_FORMULA = re.compile(
    r"\bthank(?:s|\s+you)\s+(?:(?:very|so)\s+much\s+)?(?:in\s+advance|again\s+for\s+your\s+time"
    r"|for\s+nothing|for\s+(?:your|the|any)\s+(?:time|attention|assistance|help|consideration"
    r"|patience|understanding|reply|response|email|e-mail|letter|message|prompt\s+\w+)"
    # "…so that was a lovely evening all round. Thanks for that." (held-out probe).
    r"|for\s+that\s*[.!]\s*$)"
    r"|\b(?:would|will|should|'d)\s+be\s+(?:most\s+|very\s+|so\s+|extremely\s+)?grateful\b"
    # A sign-off: "Thanks,\nJo", "Many thanks," on a line of its own.
    r"|^[ \t]*(?:many\s+|with\s+)?thank(?:s|\s+you)(?:\s+(?:so|very)\s+much)?(?:\s+again)?"
    r"[ \t]*[,.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)

Emotions = tuple[tuple[str, float], ...]


#: Redress asked for: a letter that asks for it is a complaint, whatever it thanks for.
_REDRESS = re.compile(
    r"\b(?:would\s+like|want|expect|request|demand|ask(?:ing)?\s+for|insist\s+on)\s+(?:a\s+|an\s+"
    r"|my\s+|the\s+|your\s+)?(?:proper\s+|full\s+|formal\s+|written\s+)?(?:refund|compensation"
    r"|reimbursement|explanation|apology)\b", re.IGNORECASE)


def grateful(text: str, kinds: set[str]) -> bool:
    """The letter thanks or praises for what was done, and chases, threatens or asks for
    redress in nothing."""
    if kinds - {"service_failure", "vulnerability"} or _REDRESS.search(text):
        return False
    formulas = [m.span() for m in _FORMULA.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in formulas) for m in _THANKS.finditer(text))


#: A paragraph this long or longer is the letter's body, not a greeting, a reference line or
#: a sign-off.
BODY_CHARS = 80
#: A thank-you letter whose worry is past reads relieved, and calm at most.
_RELIEVED = Feeling("relief", 0.5, 0.0, 30.0)
RELIEVED_C = 44.0
#: A feeling named in the past: "When I phoned I was worried", "I was frustrated at the time".
_PAST = re.compile(r"\b(?:i|we)\s+(?:was|were|had\s+been|['’]d\s+been)\b", re.IGNORECASE)
_HEATED = frozenset(["anger", "frustration", "disappointment", "anxiety", "confusion"])


def body(paragraph: str) -> bool:
    """Whether ``paragraph`` is more than a greeting, a reference or a sign-off."""
    return len(paragraph) >= BODY_CHARS


def shaped(emotions: Emotions, kinds: set[str], text: str, heats: list[float],
           least: float) -> tuple[Emotions, float, float]:
    """The letter's emotions, the most and the least it reads (°C): :func:`settle`,
    :func:`ceiling` and :func:`floor`, unless it is a thank-you letter whose worry or
    annoyance is past (:func:`relieved`): then relief leads and it reads calm.
    ``heats`` are its body paragraphs' temperatures, ``least`` what it read at least."""
    named = named_feeling(text)
    if relieved(emotions, kinds, text):
        return lead_with(emotions, _RELIEVED), RELIEVED_C, floor(kinds)
    lead = _named(text, kinds, named)
    settled = settle(emotions, kinds, text, lead)
    # Scorn is anger named: as hot as "I am angry" at least (D27).
    low = max(floor(kinds), _ANGER.floor if lead is _ANGER else 0.0)
    top = max(low, ceiling(kinds, settled, named, text, heats))
    if kinds & _THREATS:  # a written threat reads as hard as the letter presses, near enough
        low = max(low, top - tone.STEP_C if top <= COMPOSED_C else BOILING_C)
    if grievance.worn_out(text, kinds):  # months of chasing, then the ombudsman: boiling
        top, low = 100.0, BOILING_C
    return settled, top, max(least, low)


def relieved(emotions: Emotions, kinds: set[str], text: str) -> bool:
    """A thank-you letter (:func:`grateful`) that names no feeling now: the fright or the
    annoyance it tells ("I was worried sick that…", "I was frustrated at the time", "which
    was stressful") is over, and the thanks is the point (D37)."""
    top = max(emotions, key=lambda item: item[1])[0]
    return (top in _HEATED and grateful(text, kinds)
            and named_feeling(_PAST.sub("it was", text)) is None)


def settle(emotions: Emotions, kinds: set[str], text: str, lead: Feeling | None) -> Emotions:
    """The letter's emotions: the feeling it names (``lead``, :func:`_named`) leads; a
    grievance without thanks moves relief, most of neutral and half of confusion to
    frustration."""
    if lead is not None:
        return lead_with(emotions, lead)
    top = max(emotions, key=lambda item: item[1])[0]
    probs = dict(emotions)
    if top == "confusion" and not kinds & GRIEVANCE and not unsure(text):
        # "Could you tell me what documents we need?": a question asked, not confusion.
        return _moved(emotions, {"confusion": probs["confusion"] * 2.0 / 3.0}, "neutral")
    if top not in ("relief", "neutral", "confusion") or not kinds & GRIEVANCE:
        return emotions
    if grievance.TOLD not in kinds and grateful(text, kinds - GRIEVANCE):
        return emotions
    return _moved(emotions, {"relief": probs["relief"], "neutral": probs["neutral"] * 2.0 / 3.0,
                             "confusion": probs["confusion"] / 2.0}, "frustration")


def _named(text: str, kinds: set[str], feeling: Feeling | None) -> Feeling | None:
    """The feeling the letter names, in the first person (``feeling``) or as "our anger", "a
    shame", or the worry of a vulnerable customer in trouble who blames no one."""
    if feeling is None and "vulnerability" in kinds and not kinds & _BLAME and trouble(text):
        return _WORRIED
    weak = feeling is None or feeling.emotion in ("frustration", "disappointment")
    if weak and _SCORN(text) and not grateful(text, kinds):
        return _ANGER
    if feeling is None and (_ANGER_NOUN.search(text)
                            or (kinds & GRIEVANCE and _CONDEMN.search(text))):
        return _ANGER
    if feeling is None and _SHAME.search(text):
        return _DISAPPOINTED
    return feeling


def _moved(emotions: Emotions, moved: dict[str, float], to: str) -> Emotions:
    """``emotions`` with each ``moved`` amount taken from its emotion and given to ``to``."""
    gained = sum(moved.values())
    return tuple((name, p - moved.get(name, 0.0) + (gained if name == to else 0.0))
                 for name, p in emotions)


def ceiling(kinds: set[str], emotions: Emotions, feeling: Feeling | None, text: str,
            parts: list[float]) -> float:
    """The most the letter reads: boiling when it shouts, swears or names rage; calm for
    a request (neutral or relieved, no feeling named, no grievance); else
    :func:`kettle.analysis.thermo_letter_tone.graded_ceiling` of how hard it presses,
    within :data:`WORRIED_C` when worry leads and nothing blames, :data:`PLAIN_C` when
    nothing escalates and anger does not lead, and :data:`COMPOSED_C` otherwise.
    ``parts`` are its paragraphs' temperatures."""
    top, share = max(emotions, key=lambda item: item[1])
    raging = feeling is not None and feeling.emotion == "anger" and feeling.share >= 0.6
    if kinds & signals.EXCITED or raging:
        return 100.0
    if top in ("neutral", "relief") and feeling is None and not kinds & GRIEVANCE:
        # A request that names no feeling and holds no grievance ("Could you send us the
        # forms we need?") reads as calm as a thank-you letter, whatever one paragraph
        # reads (D37).
        return RELIEVED_C
    cap = COMPOSED_C
    worried = top == "anxiety" and not kinds & _BLAME and (
        feeling is None or feeling.emotion == "anxiety")
    if worried:
        cap = WORRIED_C
    elif not kinds & signals.ESCALATING and top != "anger":
        cap = PLAIN_C
    steps = tone.pressure(text, kinds, share if top == "anger" else 0.0, worried)
    return tone.graded_ceiling(steps, cap, tone.heated(parts))


def floor(kinds: set[str]) -> float:
    """The least the letter reads: :data:`THREAT_LETTER_C` with a legal or public threat,
    :data:`CHASED_LETTER_C` after a repeat contact, :data:`TOLD_LETTER_C` with a grievance
    told in words."""
    if kinds & _THREATS:
        return THREAT_LETTER_C
    if "repeat_contact" in kinds:
        return CHASED_LETTER_C
    return TOLD_LETTER_C if grievance.TOLD in kinds else 30.0


def told(text: str) -> set[str]:
    """:data:`~kettle.analysis.thermo_letter_grievance.TOLD`, as a kind, when the letter
    tells a grievance in words no signal catches; else nothing."""
    return {grievance.TOLD} if grievance.told(text) else set()
