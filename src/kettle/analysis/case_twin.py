"""Case-blind patterns run case-sensitively on lower-cased ASCII text: the same matches, sooner.

Python's regex engine is about twice as slow with ``re.IGNORECASE`` as without
it (every character is folded before it is compared). On ASCII text, a
case-blind pattern matches exactly where it matches the lower-cased text, at
the same offsets (``str.lower`` changes only A-Z there); and a pattern that
names no capital letter (in a literal or in a class range) matches lower-case
text the same with or without the flag. So for such a pattern,
``twin.search(text.lower())`` finds what ``pattern.search(text)`` finds, for any
ASCII ``text``. Non-ASCII text keeps the case-blind pattern: there a
letter may fold to an ASCII one ("ſ" to "s", the Kelvin sign to "k").

A pattern gets no twin where that argument could fail: a capital or a non-ASCII
letter in it, a class range over capitals ("[0-a]" holds A-Z) or beyond ASCII, a
coded escape ("\\x41"), a backreference, or an inline flag. ``\\S``, ``\\W``,
``\\D`` and ``\\B`` read no case, and are kept.
"""

from __future__ import annotations

import re

#: Escapes that stand for a character by its code, or a backreference.
_CODED = re.compile(r"\\[xuUN0-9]")
#: "(?" other than a plain, lookaround or named group: inline flags, comments, atomic groups.
_FLAGGED = re.compile(r"\(\?(?![:=!]|<[=!]|P[<=])")


def lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` (case-blind) compiled case-sensitively, to search lower-cased ASCII
    text with the same matches; None when it is not case-blind or might differ."""
    return twin_of(pattern.pattern, pattern.flags)


def twin_of(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """:func:`lower_twin` of the pattern ``source`` compiled with ``flags``."""
    if not flags & re.IGNORECASE or _CODED.search(source) or _FLAGGED.search(source):
        return None
    if not _lower_only(source):
        return None
    return re.compile(source, flags & ~re.IGNORECASE)


#: An escape, or a character class (from "[" to its "]", which may come first).
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]?", re.DOTALL)


def _lower_only(source: str) -> bool:
    """No capital or non-ASCII letter outside escapes, no class range over capitals."""
    outside: list[str] = []
    at = 0
    for piece in _ESCAPE_OR_CLASS.finditer(source):
        outside.append(source[at:piece.start()])
        at = piece.end()
        found = piece.group()
        if found.startswith("[") and not _class_lower_only(found[1:].removesuffix("]")):
            return False
    outside.append(source[at:])
    return not any(c.isupper() or (not c.isascii() and c.isalpha()) for c in "".join(outside))


def _class_lower_only(body: str) -> bool:
    body = body.removeprefix("^")
    items: list[str | None] = []  # each member character; None for an escape
    i = 0
    while i < len(body):
        if body[i] == "\\":
            items.append(None)
            i += 2
        else:
            items.append(body[i])
            i += 1
    for index, item in enumerate(items):
        if item is not None and (item.isupper() or (not item.isascii() and item.isalpha())):
            return False
        if item == "-" and 0 < index < len(items) - 1:
            low, high = items[index - 1], items[index + 1]
            # A range of escapes, one beyond ASCII, or one that spans a capital: no twin.
            if low is None or high is None or high > "\x7f" or not (high < "A" or low > "Z"):
                return False
    return True


class Twinned:
    """Whether a case-blind ``pattern`` matches, asked of its twin where the text is ASCII.

    Only the yes or no: a match found in the lower-cased text has lower-case groups.
    The twin is compiled at the first ASCII question, not at import (the cold start).
    """

    __slots__ = ("_asked", "_twin", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._twin: re.Pattern[str] | None = None
        self._asked = False

    def found(self, text: str, folded: str | None) -> bool:
        """``pattern.search(text) is not None``; ``folded``: ``text`` lower-cased when it is
        ASCII, else None (as :attr:`coach_text.Sentence.folded`)."""
        if folded is not None:
            if not self._asked:
                self._twin, self._asked = lower_twin(self.pattern), True
            if self._twin is not None:
                return self._twin.search(folded) is not None
        return self.pattern.search(text) is not None
