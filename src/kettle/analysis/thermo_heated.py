"""A grievance that reads warm is not calm: the heated emotion leads (D44).

In three blind probes of short customer messages the thermometer's band was
right far more often than its top emotion (lead set: 52 of 60 bands, 26 of 60
emotions): the linear heads put "neutral" (or "relief", "confusion") on top of
plainly upset messages that read warm or hot ("Double charged on my card again.
£89.99 x2. Sort it out." 54 °C, neutral; "Worst customer service I've ever had.
Leaving after 12 years." 89 °C, neutral). The models read the plain wording of a
complaint as neutral; a support lead reads the grievance.

So when a message reads at least warm (:data:`WARM_C`) and carries a grievance
(an escalation signal other than loudness, or a stated wait) or negative
wording, and no named feeling or calm ask already decides, the calm emotions'
share moves to the heated emotion its words point to (:func:`heated`). Only
the emotions move: the hot probability and the temperature of the default tier
do not read them (D20). Product rules, not fits: no train_ok data labels them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet

from kettle.analysis.thermo_feelings import Feeling
from kettle.analysis.thermo_gate import may_hold
from kettle.analysis.types import Signal

#: The band line a support lead reads as warm (``scripts/probe_short_messages.py``).
WARM_C = 45.0
#: Emotions that say nothing is wrong, or that the customer only asks.
_CALM = ("neutral", "relief")
#: Signals that hold a grievance against us. Not loudness or swearing alone (capitals,
#: "!!!" and "damn" are often joy, D29, D43), nor a vulnerability (a situation, D29).
GRIEVANCE = frozenset(["cancel_threat", "legal_threat", "public_threat", "manager_demand",
                       "repeat_contact", "hang_up", "sarcasm", "service_failure"])
#: A threat or swearing is anger rather than annoyance.
_ANGRY_KINDS = frozenset(["cancel_threat", "legal_threat", "public_threat", "profanity"])
#: Insults said of us or of the service ("Stop lying to me", "useless useless useless").
_INSULT = re.compile(
    r"\b(?:liars?|lying|lied\s+to|useless|worst|disgrace(?:ful)?|pathetic|incompetent|shambles"
    r"|clowns|cowboys|scammers|thieves|rip[- ]?off|an?\s+(?:absolute\s+|complete\s+)?joke)\b",
    re.IGNORECASE)
#: Let-down wording: the customer expected better of us ("gutted tbh").
_LET_DOWN = re.compile(
    r"\b(?:gutted|let\s+(?:me|us)\s+down|expected\s+(?:better|more)|disappointing"
    r"|(?:such\s+a|what\s+a)\s+(?:shame|pity)|why\s+(?:do\s+)?i\s+(?:even\s+)?bother)\b",
    re.IGNORECASE)

#: Money taken twice (or more) is a service failure that a lead reads warm or hot, with
#: frustration, however calmly it is said ("You've charged me twice for the same order."
#: had read 46-57 °C, neutral).
DOUBLE_CHARGE = Feeling("frustration", 0.5, 0.0, 50.0)
#: Money taken twice from someone who is short of it frightens more than it annoys
#: ("You took my rent money twice. I have £3 left until payday"): anxiety leads.
SHORT_OF_MONEY = Feeling("anxiety", 0.5, 0.0, 55.0)
_SHORT = re.compile(r"\b(?:rent|payday|overdrawn|overdraft|can['’]?t\s+afford|to\s+feed"
                    r"|[£$€]\s?\d+\s+left|no\s+money\s+left)\b", re.IGNORECASE)
_TWICE = re.compile(r"\b(?:twice|double|times)\b")
_MONEY = ("charg", "bill", "debit", "taken", "took", "payment", "fee", "money")


def double_charged(text: str, found: Sequence[Signal]) -> Feeling | None:
    """:data:`DOUBLE_CHARGE` when a service failure the customer reports is money taken
    twice or more ("charged me 3 times", "double charged", "went out twice");
    :data:`SHORT_OF_MONEY` when the customer is short of money for it."""
    for mark in found:
        words = mark.span.text.lower()
        if (mark.kind == "service_failure" and _TWICE.search(words)
                and any(w in words for w in _MONEY)):
            return SHORT_OF_MONEY if _SHORT.search(text) else DOUBLE_CHARGE
    return None


def heated_emotion(text: str, kinds: AbstractSet[str]) -> str:
    """The heated emotion the evidence points to: anger with a threat, swearing or an
    insult; anxiety with a vulnerable customer; disappointment with let-down wording;
    frustration otherwise."""
    if kinds & _ANGRY_KINDS or _INSULT.search(text):
        return "anger"
    if "vulnerability" in kinds:
        return "anxiety"
    return "disappointment" if _LET_DOWN.search(text) else "frustration"


def heated(emotions: tuple[tuple[str, float], ...], text: str, kinds: Collection[str],
           temperature: float, *, told: bool, negative: bool, threat: bool = False
           ) -> tuple[tuple[str, float], ...]:
    """``emotions`` with the calm emotions' share moved to the heated one when a calm
    emotion or confusion leads a message that reads at least warm and holds a grievance
    (a signal of :data:`GRIEVANCE`, or one ``told`` in words no signal marks: a stated
    wait, a serious harm). Negative wording alone moves only
    neutral: relief said with a hard word is still thanks ("OK… Thanks for the
    trouble!"), and confusion a question ("Why was I charged £5?").

    A ``threat`` aimed at us (:func:`aimed`) makes anger lead over frustration too: the
    threat is the anger, however plainly it is put ("… or I'm reporting you to Ofcom")."""
    top = max(emotions, key=lambda item: item[1])[0]
    if threat and temperature >= WARM_C and top in _THREAT_SOURCES:
        return _moved(emotions, _THREAT_SOURCES, "anger")
    if top not in (*_CALM, "confusion"):
        return emotions
    grievance = bool(set(kinds) & GRIEVANCE) or told
    if temperature < WARM_C or not (grievance or (top == "neutral" and negative)):
        return emotions
    sources = (*_CALM, "confusion") if top == "confusion" else _CALM
    return _moved(emotions, sources, heated_emotion(text, set(kinds)))


def _moved(emotions: tuple[tuple[str, float], ...], sources: Collection[str],
           target: str) -> tuple[tuple[str, float], ...]:
    """``emotions`` with the share of ``sources`` given to ``target``."""
    moved = sum(p for name, p in emotions if name in sources)
    return tuple((name, 0.0 if name in sources else p + moved if name == target else p)
                 for name, p in emotions)


#: What a threat's anger takes over: annoyance and the calm emotions; not worry nor
#: let-down, which say more of the customer.
_THREAT_SOURCES = ("frustration", *_CALM, "confusion")
#: Threats aimed at us whatever their wording: a lawyer, a court, a regulator, the press or
#: the public named as the next step.
_AIMED = frozenset(["legal_threat", "public_threat"])
#: A cancel threat said as an ultimatum: "… or I'm cancelling", "otherwise", "unless", "if
#: this isn't fixed…", "until"; not a plain request to cancel ("Please close my account").
_CONDITION = re.compile(
    r"\b(?:or\s+(?:else\s+)?(?:i|we|it|this)\b|otherwise|unless|until"
    r"|if\b[^.!?\n]{0,80}?(?:\bnot\b|\bno\b|n['’]?t\b))",
    re.IGNORECASE)
_STOPS = re.compile(r"[.!?\n]")
#: The least a chat message that threatens to cancel as an ultimatum reads, °C: hot ("Restore
#: my line by tonight or I'm cancelling the contract." read 54 °C). Below a legal or public
#: threat's THREAT_C (72 °C): leaving is the customer's own step, not one aimed at us.
ULTIMATUM_C = 65.0
_THREATS = frozenset(["legal_threat", "public_threat", "cancel_threat"])
#: Thanks beside a threat: the threat is put coldly (see :func:`aimed`).
_POLITE = ("thank", "grateful", "appreciat")


def aimed(text: str, found: Sequence[Signal]) -> bool:
    """Whether the customer threatens us outright (anger leads, :func:`heated`): a legal
    or public threat; a cancel threat said as an ultimatum in its sentence ("Fix it by
    Monday or I'm cancelling") or with sarcasm ("Congratulations, you've just lost my
    business"). Not one said with thanks ("Thank you for your reply. I have now raised a
    chargeback with my bank."): considered and cold, it stays frustration (D25)."""
    kinds = {mark.kind for mark in found}
    if not kinds & _THREATS or may_hold(text, _POLITE):
        return False
    if kinds & _AIMED or ("cancel_threat" in kinds and "sarcasm" in kinds):
        return True
    for mark in found:
        if mark.kind == "cancel_threat":
            stops = [m.end() for m in _STOPS.finditer(text, 0, mark.span.start)]
            after = _STOPS.search(text, mark.span.end)
            end = after.start() if after else len(text)
            if _CONDITION.search(text, stops[-1] if stops else 0, end):
                return True
    return False


def ultimatum(text: str, found: Sequence[Signal]) -> bool:
    """Whether the customer threatens to cancel outright (:func:`aimed`): as an ultimatum or
    with sarcasm, not with thanks. A plain "please close my account" is no ultimatum."""
    return any(mark.kind == "cancel_threat" for mark in found) and aimed(text, found)
