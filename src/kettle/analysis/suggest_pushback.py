"""A customer who pushes back on the agent's last answer (D36).

"That's not what I asked", "No, the refund still hasn't arrived", "I don't want a voucher,
I want to get home", "The machine isn't the point": what they say after the pushback is
what the reflection says back and what the plan is about, not the complaint they opened
with (which the agent's answer already met, in a way they reject).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kettle.analysis.types import Turn

#: The pushback itself, at the start of the message: it is dropped, what follows is kept.
_OPENER = re.compile(
    r"^\W*(?:(?:no|nope|nah)\b[\s,.!:;-]+(?!problem\b|worries\b|rush\b|need\b|thanks?\b)"
    r"|(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+not\s+(?:what\s+i\s+(?:asked|said|meant|wanted)"
    r"|an?\s+answer|good\s+enough|acceptable|the\s+point|true|right|correct|helpful|what\s+happened)"
    r"(?:\s+(?:at\s+all|for\s+me))?\s*[.!,;:-]+"
    r"|(?:that|this|it)\s+(?:doesn['’]?t|does\s+not|didn['’]?t|did\s+not)\s+(?:help|answer\s+(?:my|the)"
    r"\s+question|solve\s+anything|fix\s+anything)\s*[.!,;:-]+"
    r"|you(?:['’]re|\s+are)\s+not\s+listening(?:\s+to\s+me)?\s*[.!,;:-]+"
    r"|(?:the|your|my)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:isn['’]?t|is\s+not)\s+the\s+(?:point|problem|issue)"
    r"\s*[.!,;:-]+)\s*",
    re.IGNORECASE)
#: "I don't want a voucher, I want to get home": what they do want is the point.
_NOT_THAT = re.compile(
    r"^\W*i\s+(?:don['’]?t|do\s+not)\s+want\s+(?:a|an|the|your|another|any)\s+[^,.;!?]{1,40}[,.;]\s*"
    r"(?=i\s+(?:want|need|would\s+like|['’]d\s+like)\b)", re.IGNORECASE)


def pushback(turns: Sequence[Turn]) -> str:
    """The rest of the customer's latest message when it pushes back on our last answer
    ("No, the refund still hasn't arrived" -> "the refund still hasn't arrived"), or ""."""
    if len(turns) < 2 or turns[-1].role != "customer" or turns[-2].role != "agent":
        return ""
    text = turns[-1].text.strip()
    rest = _OPENER.sub("", text, count=1)
    rest = _NOT_THAT.sub("", rest, count=1)
    if rest == text or len(rest.split()) < 3:
        return ""
    return rest[:1].upper() + rest[1:] if rest[:2].lower() in ("i ", "i'", "i’") else rest
