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


def _group_set(inner: str) -> tuple[str, ...] | None:
    if inner.startswith("?"):
        if not inner.startswith("?:"):
            return None  # lookaround or named/flag group: not required text
        inner = inner[2:]
    prefixes = tuple(_prefix(a) for a in _split(inner))
    return prefixes if all(x.strip() for x in prefixes) else None


def _required_sets(p: str) -> list[tuple[str, ...]]:
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
            found = _group_set(p[i + 1 : end])
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
