"""Cheap pre-checks for the playbook's phrase patterns.

Most customer messages match none of the phrase rules, yet trying dozens of
regular expressions on every message is the thermometer's largest cost. For
each pattern this module finds literal text that every match must contain
(one of a set of alternatives) and builds a tiny regex for it; the full
pattern is only tried when the message contains one of those literals. The
analysis is conservative: when it cannot prove a literal is required it returns
nothing and the pattern is always tried.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any

import ahocorasick

from kettle.analysis.case_twin import Twinned, twin_of

_SECOND = itemgetter(1)
_META = frozenset("\\[](){}?*+.|^$")
_OPTIONAL = frozenset("?*{")
# Escapes longer than two characters (\x41, \u00e9, \N{...}, \12): the scan
# below would read their tail as literal text, so such patterns get no gate.
_CODED = re.compile(r"\\[xun0-9]")


def _skip_class(p: str, i: int) -> int:
    """Index just past the character class that starts at ``p[i] == '['``."""
    i += 1
    if i < len(p) and p[i] == "^":
        i += 1
    if i < len(p) and p[i] == "]":
        i += 1
    while i < len(p) and p[i] != "]":
        i += 2 if p[i] == "\\" else 1
    return i + 1


def _close(p: str, i: int) -> int:
    """Index of the parenthesis closing the group opened at ``p[i] == '('``."""
    depth = 0
    while i < len(p):
        char = p[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _skip_class(p, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(p)


def _split(p: str) -> list[str]:
    """Top-level alternatives of ``p``."""
    parts, start, i = [], 0, 0
    while i < len(p):
        char = p[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _skip_class(p, i)
            continue
        if char == "(":
            i = _close(p, i) + 1
            continue
        if char == "|":
            parts.append(p[start:i])
            start = i + 1
        i += 1
    parts.append(p[start:])
    return parts


def _prefix(alternative: str) -> str:
    end = 0
    while end < len(alternative) and alternative[end] not in _META:
        end += 1
    if alternative[end : end + 1] in _OPTIONAL and end:
        end -= 1
    return alternative[:end]


def _group_set(inner: str, deep: bool = False) -> tuple[str, ...] | None:
    if inner.startswith("?"):
        if not inner.startswith("?:"):
            return None  # lookaround or named/flag group: not required text
        inner = inner[2:]
    if deep:
        return _deep_group_set(inner)
    prefixes = tuple(_prefix(a) for a in _split(inner))
    return prefixes if all(x.strip() for x in prefixes) else None


def _deep_group_set(inner: str) -> tuple[str, ...] | None:
    """One literal set for a group: each alternative's own best required set, pooled.

    A match of the group is a match of one alternative, which contains one
    literal of each of that alternative's required sets.
    """
    out: list[str] = []
    for alternative in _split(inner):
        sets = _required_sets(alternative, deep=True)
        if not sets:
            return None
        out.extend(max(sets, key=lambda found: min(map(len, found))))
    return tuple(out)


def _required_sets(p: str, deep: bool = False) -> list[tuple[str, ...]]:
    sets: list[tuple[str, ...]] = []
    literal: list[str] = []

    def flush() -> None:
        if "".join(literal).strip():
            sets.append(("".join(literal),))
        literal.clear()

    i = 0
    while i < len(p):
        char = p[i]
        if char == "\\":
            flush()
            i += 2
        elif char == "[":
            flush()
            i = _skip_class(p, i)
        elif char == "(":
            flush()
            end = _close(p, i)
            found = _group_set(p[i + 1 : end], deep)
            if found is not None and p[end + 1 : end + 2] not in _OPTIONAL:
                sets.append(found)
            i = end + 1
        elif char in _OPTIONAL:
            if literal:
                literal.pop()
            flush()
            i = p.index("}", i) + 1 if char == "{" and "}" in p[i:] else i + 1
        elif char in _META:
            flush()
            i += 1
        else:
            literal.append(char)
            i += 1
    flush()
    return sets


def required_literals(pattern: str) -> tuple[str, ...]:
    """Literals one of which every match of ``pattern`` contains; () when unknown."""
    p = pattern.lower()
    if len(_split(p)) > 1 or _CODED.search(p.replace("\\\\", "")):
        return ()
    best: tuple[str, ...] = ()
    for found in _required_sets(p):
        if not best or min(map(len, found)) > min(map(len, best)):
            best = found
    return best


def gate(pattern: str) -> re.Pattern[str] | None:
    """A regex for the required literals of ``pattern`` (on lower-cased text), or None."""
    literals = required_literals(pattern)
    if not literals:
        return None
    return re.compile("|".join(re.escape(x) for x in sorted(set(literals))))


def rule_literals(patterns: list[str]) -> tuple[str, ...]:
    """Literals one of which every match of any of ``patterns`` contains; () when unknown.

    Unlike :func:`required_literals`, a pattern made of top-level alternatives
    is handled (each alternative must have its own required literal), and so is
    a pattern that is one group between anchors. Only ASCII literals are
    returned, so that a lower-cased ASCII text can be searched with ``in`` with
    the same result as the case-insensitive pattern.
    """
    found: set[str] = set()
    for pattern in patterns:
        literals = _any_literals(pattern.lower())
        if not literals or not all(x.isascii() for x in literals):
            return ()
        found.update(literals)
    return tuple(sorted(found, key=len))


class LiteralGated:
    """``pattern.search(text) is not None``, with most texts ruled out first.

    A few ``in`` tests of the pattern's required literals (:func:`rule_literals`)
    on the lower-cased text answer faster than the regex for the many texts
    that hold none of them; non-ASCII text, and a pattern without literals, go
    straight to the regex, so the answer is always the pattern's own.
    """

    __slots__ = ("any_text", "literals", "pattern", "twinned")

    def __init__(self, pattern: re.Pattern[str], literals: tuple[str, ...] | None = None) -> None:
        """``literals``, when given, replace the worked-out ones: lower-case words one of
        which every match of ``pattern`` contains, tighter than the pattern shows
        ("mistake" for "by\\s+mistake", where the worked-out literal is "by"). Given
        ones are plain lower-case letters, so they rule out non-ASCII text as well:
        the text is lower-cased, and one that holds a letter IGNORECASE matches to an
        ASCII one while ``lower`` does not ("ſ" ~ "s", "ı" ~ "i") is always searched."""
        self.pattern = pattern
        self.literals = literals if literals is not None else rule_literals([pattern.pattern])
        self.any_text = literals is not None
        #: The pattern, asked of its :mod:`case_twin` on lower-cased ASCII text.
        self.twinned = Twinned(pattern)

    def __call__(self, text: str) -> bool:
        if text.isascii():
            # may_hold's test on the text lower-cased once, then the faster twin.
            lower = _lowered(text)
            if self.literals and not any(map(lower.__contains__, self.literals)):
                return False
            return self.twinned.found(text, lower)
        if self.literals and self.any_text and not may_hold(text, self.literals):
            return False
        return self.pattern.search(text) is not None


#: Letters that IGNORECASE matches to an ASCII letter while ``str.lower`` keeps them
#: apart (the Kelvin sign and dotted capital I lower to ASCII already).
_FOLDED = ("ſ", "ı")


def may_hold(text: str, words: Iterable[str]) -> bool:
    """Whether a case-blind search for plain lower-case ``words`` could find one in ``text``.

    False only when the lower-cased text holds none of them and no letter that
    IGNORECASE reads as an ASCII one ("ſ" as "s", "ı" as "i"): then no case-blind
    regex that needs one of the words can match.
    """
    lower = _lowered(text)
    if any(map(lower.__contains__, words)):  # no generator frame: ~14 calls a reading
        return True
    return not text.isascii() and any(c in lower for c in _FOLDED)


@lru_cache(maxsize=8)
def _lowered(text: str) -> str:
    """``text.lower()``, kept for the next gate: a reading asks a dozen gates of one text."""
    return text.lower()


def _any_literals(pattern: str) -> tuple[str, ...]:
    out: list[str] = []
    for alternative in _split(pattern):
        literals = required_literals(alternative)
        if not literals:
            inner = _sole_group(alternative)
            literals = _any_literals(inner) if inner is not None else ()
        if not literals:
            return ()
        out.extend(literals)
    return tuple(out)


def _sole_group(alternative: str) -> str | None:
    """The inside of ``(?:...)`` when that group, between anchors, is all there is."""
    core = alternative
    while core.startswith(("\\b", "^")):
        core = core[1:] if core.startswith("^") else core[2:]
    while core.endswith(("\\b", "$")) and not core.endswith("\\$"):
        core = core[:-1] if core.endswith("$") else core[:-2]
    if core.startswith("(?:") and _close(core, 0) == len(core) - 1:
        return core[3:-1]
    return None


#: What a pattern needs to match: any one of its alternatives' needs, each a
#: list of literal sets every one of which must be present (one literal of each).
Needs = tuple[tuple[frozenset[str], ...], ...]


def pattern_needs(pattern: str) -> Needs:
    """For each top-level alternative of ``pattern``, the literal sets it needs; () when unknown.

    Finer than :func:`rule_literals`: every required set of an alternative is
    kept (a match contains one literal of *each*), not only the longest. Only
    ASCII literals are kept, so that the result holds on lower-cased ASCII text.
    """
    out: list[tuple[frozenset[str], ...]] = []
    for alternative in _split(pattern.lower()):
        if _CODED.search(alternative.replace("\\\\", "")):
            return ()
        sets = tuple(
            frozenset(found) for found in _required_sets(alternative, deep=True)
            if all(x.isascii() for x in found)
        )
        if not sets:
            inner = _sole_group(alternative)
            literals = _any_literals(inner) if inner is not None else ()
            if not literals or not all(x.isascii() for x in literals):
                return ()
            sets = (frozenset(literals),)
        out.append(sets)
    return tuple(out)


def informative(needs: Needs) -> Needs:
    """``needs`` without the literal sets that hold a one-character literal.

    Such a set ("e" or "ing", "a" or "an") is met by almost every text, yet
    its one-letter literal occurs a dozen times in a sentence and would make
    the literal finder report every one of them. Dropping a set only makes
    the pre-check let more through, so what is found is unchanged; an
    alternative left with no set needs nothing and is always tried.
    """
    return tuple(
        tuple(found for found in sets if min(map(len, found)) > 1) for sets in needs
    )


class LiteralFinder:
    """Finds which of many literals occur in a text, in one pass.

    An Aho-Corasick automaton (``pyahocorasick``, in C) reports every
    occurrence of every literal, overlapping ones and literals inside longer
    ones included, so the result is exactly ``{x for x in literals if x in
    text}`` at a fraction of the cost of testing each literal in turn.
    """

    __slots__ = ("_automaton",)

    def __init__(self, literals: set[str] | frozenset[str]) -> None:
        words = {x for x in literals if x}
        self._automaton: Any = None
        if words:
            automaton = ahocorasick.Automaton()
            for word in words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self._automaton = automaton

    def present(self, text: str) -> set[str]:
        if self._automaton is None:
            return set()
        # Each occurrence comes as (end, literal).
        return set(map(_SECOND, self._automaton.iter(text)))


def satisfied(needs: Needs, present: set[str] | frozenset[str]) -> bool:
    """Does ``present`` hold what one of the alternatives of ``needs`` needs?"""
    for sets in needs:  # plain loops: this runs for every candidate phrase of a message
        for found in sets:
            if found.isdisjoint(present):
                break
        else:
            return True
    return False


class Lazy:
    """A case-blind pattern compiled on its first search, not when it is built.

    The signal rules number in the hundreds and compiling them all took about half
    of a cold ``kettle read``; most messages pass the literal gate of a few only.
    """

    __slots__ = ("_compiled", "_twin", "_twinned", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None
        self._twin: re.Pattern[str] | None = None
        self._twinned = False

    def twin(self) -> re.Pattern[str] | None:
        """The pattern for lower-cased ASCII text (:mod:`case_twin`), compiled on first use;
        None where it has none."""
        if not self._twinned:
            self._twin, self._twinned = twin_of(self.source), True
        return self._twin

    def _pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.source, re.IGNORECASE)
        return compiled

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return self._pattern().search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return self._pattern().finditer(text)
