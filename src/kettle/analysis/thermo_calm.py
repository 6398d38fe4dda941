"""Calm messages the models read warm or hot (2026-12-07, lead's blind probe).

A blind set of sixty short messages written by a support lead
(``tests/analysis/data/heldout_lead_messages.jsonl``) found two calm families
read hot:

- praise in slang: "the new update is sick, dark mode is killer 🔥" read 88 °C,
  "Killer deal on the headphones" 57 °C; VADER and the model read "sick" and
  "killer" as the words of illness and death. Said of a thing we sell or did
  ("the app is sick", "a killer deal"), with no grievance beside it, the slang
  is praise: the wording is read as positive and the customer as pleased;
- a question whether there is a fault ("Hi, my router's light is flashing
  orange, is there a fault in my area?" 54 °C, "Is there a problem with the app
  today? Mine keeps logging me out" 63 °C): a customer who asks about a fault,
  with no escalation, no stated wait, no feeling named and no sign of chasing,
  is calm: such a message reads at most :data:`ENQUIRY_C`.

Product rules, not fits: no train_ok data labels them.
"""

from __future__ import annotations

import re
from collections.abc import Set

from kettle.analysis import signals
from kettle.analysis.thermo_feelings import calmed
from kettle.analysis.thermo_gate import may_hold
from kettle.analysis.thermo_situations import CONFUSED_C, soured, unsure
from kettle.analysis.types import Signal
from kettle.analysis.waits import wait_strain

#: The most a question whether there is a fault reads: calm.
ENQUIRY_C = 44.0

#: Slang praise said of a thing: "dark mode is killer", "the new app looks sick", "a
#: killer deal". Not "the battery is dead", "it was sick" (disgust), "she looks sick"
#: (a person), "the prices are insane" (a complaint).
_SLANG = re.compile(
    r"\b(?:update|app|deal|design|features?|phone|upgrade|mode|camera|screen|speeds?|colou?rs?"
    r"|sound|offer|website|site|layout|interface|ui|look|graphics|trainers|shoes|jacket|kit"
    r"|headphones|game|menu|food|burger|pizza)\s+(?:is|are|was|were|looks?|sounds?|tastes?|['’]s)"
    r"\s+(?:so\s+|well\s+|proper\s+|actually\s+|absolutely\s+|fucking\s+|bloody\s+|pretty\s+"
    r"|lowkey\s+|honestly\s+|genuinely\s+)?(?:sick|killer|fire|dope|lit|mint|wicked)\b"
    r"|\b(?:killer|sick)\s+(?:deal|price|feature|update|app|offer|combo|value|camera|design"
    r"|discount|bargain)s?\b",
    re.IGNORECASE,
)
_SLANG_WORDS = ("sick", "killer", "fire", "dope", "lit", "mint", "wicked")
#: Signals that may go with delight: loud praise, happy swearing.
_EXCITED = frozenset(["shouting", "repeated_punctuation", "profanity"])

#: "Is there a fault in my area?", "is there an outage in Leeds?", "Is the app down?"
_FAULT_QUESTION = re.compile(
    r"\b(?:is|are)\s+there\s+(?:a|an|any)\s+(?:known\s+|current\s+|reported\s+)?(?:fault|problem"
    r"|issue|outage|problems|issues|faults|outages)\s+(?:in|with|on|at|affecting|around)\b"
    r"[^?\n]{0,60}\?"
    r"|\bis\s+(?:the|your)\s+(?:app|site|website|network|service|server|servers|system|internet"
    r"|broadband|wifi|wi-fi|signal)\s+(?:down|playing\s+up|having\s+(?:problems|issues))\b"
    r"[^?\n]{0,40}\?",
    re.IGNORECASE,
)
#: A fault question that chases or complains: "Is there a problem with the app? Third
#: day running." is no enquiry.
_PRESSED = re.compile(
    r"\b(?:still|again|ages|days|weeks|months|every\s+time|ridiculous|useless|joke|third|fourth"
    r"|seriously|sick\s+of|fed\s+up|nightmare|unacceptable|disgrace\w*|lost|losing|money"
    r"|refund\w*|compensat\w*|urgent\w*|emergency|work\s+from\s+home|wfh|hours|charged|billed"
    r"|twice|overcharg\w*|trying\s+for|tried\s+(?:everything|for))\b",
    re.IGNORECASE,
)
#: The only signal a fault question may carry: the fault itself ("keeps logging me out").
_FAULT_ONLY = frozenset(["service_failure"])


def praised_in_slang(text: str, found: tuple[Signal, ...]) -> bool:
    """Slang praise of a thing, with no grievance and no escalation but delight's."""
    if not may_hold(text, _SLANG_WORDS) or _SLANG.search(text) is None:
        return False
    return not {s.kind for s in found} - _EXCITED and not soured(text)


def praised(emotions: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """Praise read as anger, frustration or disappointment is relief."""
    return calmed(emotions, into="relief")


def asks_about_fault(text: str, kinds: Set[str]) -> bool:
    """A short question whether there is a fault, pressing in no way (see module doc)."""
    if len(text) > 200 or kinds - _FAULT_ONLY or not may_hold(text, ("there", "down", "playing",
                                                                     "having")):
        return False
    return (_FAULT_QUESTION.search(text) is not None and _PRESSED.search(text) is None
            and wait_strain(text) == 0.0)


def asked(text: str, kinds: Set[str], emotions: tuple[tuple[str, float], ...],
          hot: float) -> float:
    """The most a message that names no feeling reads when it only asks (thermometer): unsure,
    not loud ("Hello?? Sorry, not sure if this is working.", D29), or whether there is a
    fault (:func:`asks_about_fault`); 100 otherwise."""
    ceiling = 100.0
    top = max(emotions, key=lambda item: item[1])[0]
    if (not kinds & signals.ESCALATING - {"repeated_punctuation"}
            and top == "confusion" and hot < 0.5 and unsure(text)):
        ceiling = CONFUSED_C  # "Am I doing something wrong?" (D29)
    return min(ceiling, ENQUIRY_C) if asks_about_fault(text, kinds) else ceiling
