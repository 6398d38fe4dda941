"""A bare answer ("no", "ok", "still nothing") read against the question it answers.

The models read a one-word message from its few words alone: "no" read 81.6 °C
with frustration on top, "nope" 39.2 °C and "No." 57.6 °C, whatever the agent
had asked. A bare answer carries no heat of its own; what it means depends on
the question. "No" to "Anything else I can help with?" is a calm goodbye; "no"
or "still nothing" to "Has the refund arrived?" or "Did that fix it?" is a
problem that is still there, and the customer is put out. So a bare answer reads
calm on its own, and warm (frustration) when it says the fix did not work.
Product rules, not fits: no train_ok data labels answers to questions.
"""

from __future__ import annotations

import re

from kettle.analysis.conversation import Conversation, as_turns
from kettle.analysis.thermo_feelings import Feeling

#: The least hot probability a bare answer keeps: at most this.
BARE_HOT = 0.1
#: A fix that did not work ("no" to "Did that fix it?"): frustration, warm.
NOT_FIXED = Feeling("frustration", 0.5, 0.35, 50.0)

_NEGATIVE = (r"no+|nope|nah|not\s+yet|no,?\s+not\s+yet|no,?\s+still\s+(?:nothing|not)|still\s+no"
             r"(?:thing|t)?|nothing(?:\s+yet)?|still\s+nothing|same(?:\s+(?:thing|problem|error|issue))?"
             r"|didn['’]?t\s+work|doesn['’]?t\s+work|not\s+working|still\s+not\s+working"
             r"|it\s+(?:still\s+)?(?:didn['’]?t|did\s+not|hasn['’]?t|has\s+not|isn['’]?t|is\s+not)"
             r"|(?:still\s+)?(?:hasn['’]?t|has\s+not|not)\s+(?:yet\s+)?(?:arrived|come|worked|changed)")
_OTHER = (r"yes|yeah|yep|yup|ok(?:ay)?|k|fine|sure|alright|all\s+right|\?+|\.{2,}|…"
          r"|no\s+thanks?(?:\s+you)?|that['’]?s\s+(?:all|everything|it)|all\s+good|thanks?|thank\s+you")
_UNIT = rf"(?:{_NEGATIVE}|{_OTHER})"
_BREAK = r"[\s.!?,;:…()\-]"  # emoticons too: "Nope, all good :)"
_BARE = re.compile(rf"^\W*{_UNIT}(?:{_BREAK}+{_UNIT}){{0,2}}{_BREAK}*$", re.IGNORECASE)
#: The answer says the problem is still there: a negative unit, but not "no thanks".
_NEGATIVE_UNIT = re.compile(rf"(?:^|{_BREAK})(?:{_NEGATIVE})(?!\s+thank)(?={_BREAK}|$)",
                            re.IGNORECASE)
#: The agent's last turn asks whether the problem is gone.
_FIX_CHECK = re.compile(
    r"\b(?:has|have|did|does|do|is|are)\s+(?:(?:the|your|it|that|this|they|you)\s+)?(?:\w+\s+){0,3}?"
    r"(?:arrived|come\s+through|gone\s+through|come|arrive|received|receive|got|get|fix(?:ed)?|work"
    r"(?:ed|ing)?|help(?:ed)?|sort(?:ed)?|solve[ds]?|resolve[ds]?|back\s+(?:on|up)|showing|show\s+up"
    r"|appear(?:ed)?|reach(?:ed)?|load(?:ed|ing)?|connect(?:ed|ing)?)\b[^?]*\?",
    re.IGNORECASE,
)


def bare(text: str) -> bool:
    """Is the message only a bare answer ("no", "ok", "nope.", "still nothing", "?")?"""
    return len(text) <= 40 and _BARE.match(text) is not None


def answer_feeling(text: str, context: Conversation | None) -> Feeling | None:
    """What a bare negative answer means after the agent's last question, if anything."""
    if context is None or len(text) > 40:
        return None
    if (_BARE.match(text) is None or _NEGATIVE_UNIT.search(text) is None
            or "thank" in text.lower()):
        return None
    for turn in reversed(as_turns(context)):
        if turn.role == "agent":
            return NOT_FIXED if _FIX_CHECK.search(turn.text) else None
        if turn.role == "customer":
            return None
    return None
