"""A serious harm told: a grievance that reads hot however warmly it opens.

"I have been a loyal customer for 12 years and always loved your service, but last
week your engineer flooded my kitchen and nobody has called back." read 45 °C: the
praise before the turn cooled the models, and the turn's floor (D29's point after
"but", D42's grievance told in a letter) is only warm. A support lead reads a home
flooded, a piano smashed, a customer hurt or days of pay lost through us as hot, however
politely it is put: the harm, not the wording, sets how much is at stake.

So a message that tells of a serious harm (:func:`harmed`) reads at least
:data:`HARMED_C`: damage our people did to the customer's home or things ("your engineer
flooded my kitchen", "the fitters cracked the new basin") or what it cost ("the ceiling
came down", "beyond repair", "lost three days' pay", "taken to hospital"), told as a
grievance. Product rules, not fits: no train_ok data labels them.

Two harms read hot alone (thermo6): shame in public through us (a card refused "in front
of everyone", "Mortifying.") and a damaged thing sent again damaged ("The jacket arrived
ripped. Again."), neither asked about nor put right nor thanked for.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from kettle.analysis.thermo_gate import LiteralGated
from kettle.analysis.thermo_letter_grievance import TOLD, undone

#: The least a message that tells of a serious harm reads, °C: hot.
HARMED_C = 62.0

_OURS = (r"(?:your|the)\s+(?:\w+\s+)?(?:engineers?|drivers?|couriers?|technicians?|fitters?"
         r"|installers?|plumbers?|electricians?|builders?|workm[ae]n|contractors?|crew|removal\s+men"
         r"|movers|decorators?|cleaners?|(?:delivery|removal)\s+(?:men|guys|lads|team))")
#: Damage our people did: "your engineer flooded my kitchen", "the fitters cracked the new
#: basin", "your driver smashed our gate post".
_DONE_BY_US = LiteralGated(re.compile(
    rf"\b{_OURS}\s+(?:\w+\s+){{0,2}}?(?:flooded|damaged|destroyed|smashed|broke|ruined|cracked"
    r"|dropped|wrecked|burst|drilled\s+(?:through|into)|set\s+fire\s+to|scorched|burnt|burned"
    r"|flattened|gouged|shattered|scraped|scratched|dented|chipped|ripped|tore)\s+(?:my|our|the|a|her|his)\b"
    # thermo6: "your plumber left a crack right across my new tiles".
    rf"|\b{_OURS}\s+(?:\w+\s+){{0,2}}?(?:left|made|put)\s+(?:a|an|two|three|several|big|huge)\s+"
    r"(?:\w+\s+)?(?:holes?|cracks?|dents?|gouges?|scratch(?:es)?|scrapes?|burns?|stains?)\b"
    # "There's now a hole in my wall where your fitter drilled."
    r"|\b(?:holes?|cracks?|dents?|gouges?|scratch(?:es)?|scrapes?|burns?|stains?)\s+(?:in|on|across|"
    rf"down)\s+(?:my|our)\s+[^.!?]{{0,40}}?\b(?:where|after|because|since)\s+{_OURS}\b",
    re.IGNORECASE),
    # Every match names our people (:data:`_OURS`): rarer words than the damage ones
    # ("dent" is in "incident", "hole" in "whole"), so fewer messages reach the regex.
    literals=("engineer", "driver", "courier", "technician", "fitter", "installer", "plumber",
              "electrician", "builder", "workm", "contractor", "crew", "removal", "movers",
              "decorator", "cleaner", "delivery"))
#: What the harm cost, told beside a grievance: a home flooded, a thing beyond repair, pay
#: lost, a person hurt.
_COST = LiteralGated(re.compile(
    r"\b(?:flooded|flooding)\s+(?:my|our|the)\s+(?:\w+\s+)?(?:kitchen|house|home|flat|bathroom"
    r"|utility\s+room|basement|cellar|living\s+room|lounge|bedroom|ceiling|floor|property|garage)\b"
    r"|\b(?:is|are|was|were|now)\s+(?:completely\s+|totally\s+)?(?:beyond\s+repair"
    r"|a\s+(?:complete\s+|total\s+)?write[- ]off)\b"
    r"|\bceiling\s+(?:has\s+|had\s+)?(?:come|came|fallen|fell)\s+(?:down|in)\b"
    r"|\b(?:gas|carbon\s+monoxide)\s+leak\b|\belectric(?:al)?\s+shock\b"
    r"|\blost\s+(?:\w+\s+){0,2}(?:days?|weeks?)['’]?\s+(?:of\s+)?(?:pay|wages|earnings|income)\b"
    r"|\b(?:was|were|got|been)\s+(?:badly\s+|seriously\s+)?(?:injured|scalded|electrocuted)\b"
    r"|\b(?:ended\s+up|taken|rushed)\s+(?:in|to)\s+(?:hospital|a\s*&\s*e)\b",
    re.IGNORECASE),
    literals=("flood", "repair", "write-off", "write off", "ceiling", "leak", "shock", "lost",
              "injured", "scalded", "electrocuted", "hospital", "a&e", "a & e"))
#: Shamed in public through us (thermo6): a card or payment refused, told with the shame of
#: it ("You declined my card at the supermarket in front of everyone", "…Mortifying.").
_REFUSED = (r"\b(?:declin\w*|refus\w*|bounc\w*|froze|frozen|block\w*|rejected|stopped)\b")
_SHAMED = LiteralGated(re.compile(
    rf"{_REFUSED}[^.!?]{{0,80}}?(?:[.!?]\s*)?[^.!?]{{0,40}}?\bin\s+front\s+of\s+(?:everyone|everybody|the\s+(?:whole\s+)?"
    r"(?:queue|shop|restaurant|table|staff|cashier)|(?:all\s+)?(?:my|our)\s+\w+|(?:a\s+)?(?:queue|"
    r"customers|people|clients|colleagues|strangers))\b"
    rf"|(?:{_REFUSED}[^.!?]{{0,80}}[.!?]?\s*[^.!?]{{0,40}}\b(?:mortif\w*|humiliat\w*|embarrass\w*"
    r"|ashamed|shame)\b)"
    rf"|\b(?:mortif\w*|humiliat\w*|embarrass\w*)\b[^.!?]{{0,40}}?{_REFUSED}",
    re.IGNORECASE),
    literals=("front of", "mortif", "humiliat", "embarrass", "ashamed", "shame"))
#: A damaged thing sent again damaged (thermo6): "The jacket arrived ripped. Again. This is
#: the second one.", "The replacement phone arrived cracked, just like the first one."
_BROKEN = (r"\b(?:ripped|torn|cracked|broken|damaged|smashed|dented|scratched|shattered|snapped"
           r"|leaking|faulty)\b")
_AGAIN_DAMAGED = LiteralGated(re.compile(
    rf"\b(?:arrived|came|delivered|turned\s+up|received)\s+(?:\w+\s+){{0,3}}?{_BROKEN}[^?]{{0,40}}?"
    r"(?:\bagain\b|\b(?:the\s+)?(?:second|2nd|third|3rd)\s+(?:one|time)\b"
    r"|\bjust\s+like\s+the\s+(?:first|last|other)\b|\bsame\s+(?:as\s+the\s+(?:first|last)|damage|fault))"
    rf"|\b(?:replacement|second|2nd|third|3rd|another)\s+(?:\w+\s+){{0,3}}?(?:arrived|came|delivered"
    rf"|turned\s+up)\s+(?:\w+\s+){{0,3}}?(?:with\s+(?:a|an)\s+(?:\w+\s+)?)?{_BROKEN}",
    re.IGNORECASE),
    # Every match holds a damage word (:data:`_BROKEN`), rarer than "again" or "first".
    literals=("ripped", "torn", "cracked", "broken", "damaged", "smashed", "dented", "scratched",
              "shattered", "snapped", "leaking", "faulty"))
#: Signals that hold a grievance against us (and a letter's grievance told in words, D42).
_GRIEVANCE = frozenset(["service_failure", "repeat_contact", "manager_demand", "cancel_threat",
                        "legal_threat", "public_threat", "hang_up", "sarcasm", TOLD])


#: The damage put right, or thanks beside it: "…but he mopped it all up and fixed the leak,
#: all good now".
_PUT_RIGHT = re.compile(r"\b(?:all\s+(?:good|sorted|fine)|no\s+(?:harm|worries|problem)"
                        r"|fixed|sorted|repaired|replaced|mopped|thank\w*|cheers)\b", re.IGNORECASE)


def harmed(text: str, kinds: AbstractSet[str]) -> bool:
    """:func:`told_harm`, remembered: a reading asks it twice (its floor, its emotion)."""
    return _harmed(text, frozenset(kinds))


@lru_cache(maxsize=16)
def _harmed(text: str, kinds: frozenset[str]) -> bool:
    return told_harm(text, kinds)


def told_harm(text: str, kinds: AbstractSet[str]) -> bool:
    """Whether the message tells of a serious harm done to the customer through us, and
    holds it against us: damage our people did (:data:`_DONE_BY_US`), unless put right or
    thanked for, or, beside a grievance (a signal of :data:`_GRIEVANCE`, a grievance told in
    a letter, or something owed and not done), that damage or what it cost
    (:data:`_COST`)."""
    if (_SHAMED(text) or _AGAIN_DAMAGED(text)) and not _PUT_RIGHT.search(text) \
            and "?" not in text:
        return True  # shamed in public, or sent a damaged thing twice (thermo6)
    damage = _DONE_BY_US(text)
    if not damage and not _COST(text):  # most messages: a few literal tests
        return False
    if kinds & _GRIEVANCE or undone(text):
        return True
    return damage and not _PUT_RIGHT.search(text)
