"""The customer's words tidied before they are said back: shouting and fillers out."""

from __future__ import annotations

import re

from kettle.analysis import signals as signal_rules


def unshout(text: str) -> str:
    """Shouted words back in lower case ("YOUR damaged box" -> "your damaged box")."""
    if text.isupper():
        return text.lower()
    return re.sub(
        r"\b[A-Z][A-Z']+\b",
        lambda m: m.group(0) if m.group(0) in signal_rules.ACRONYMS else m.group(0).lower(),
        text,
    )


#: A speaker's fillers and false starts in a transcribed call ("basically, right, you've been,
#: you've been trying…"): left out of what is said back (D29).
_FILLERS = re.compile(r"\b(?:um+|uh+|er+m?|basically|right|like|you\s+know|i\s+mean|so)\s*,\s*",
                      re.IGNORECASE)
_STUTTER = re.compile(r"\b([a-z']{1,15}(?:\s[a-z']{1,15}){0,2}),\s\1\b", re.IGNORECASE)


def fluent(clause: str) -> str:
    """``clause`` without fillers and repeated false starts."""
    return _STUTTER.sub(r"\1", _FILLERS.sub("", clause))
