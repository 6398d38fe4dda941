"""Which of the reply coach's patterns can match a sentence, found in one pass over it.

Every reply sentence is tried against some twenty rules of many patterns each,
and most patterns match almost no sentence. A rule's own pre-check
(:attr:`CompiledRule.gate`) is a union over all its patterns, so one pattern
that only needs "you" lets the whole rule through nearly every time. Here each
*pattern* keeps everything it needs (:func:`~kettle.analysis.thermo_gate.pattern_needs`:
one literal of each of several sets); the literals present in a sentence are
found at once, in one pass; and a rule is matched with only those of its
patterns whose needs are all present (see :func:`coach_text.first_match`). A
pattern left out cannot match anywhere in the sentence, so what is found is
exactly what the rule's full regex finds.

The literals present are found by an Aho-Corasick automaton (:class:`LiteralFinder`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kettle.analysis.case_twin import lower_twin
from kettle.analysis.playbook import Playbook, Rule
from kettle.analysis.thermo_gate import LiteralFinder, informative, pattern_needs

#: (section, rule name), the index of a pattern in the rule, and what one of the
#: pattern's alternatives needs besides its key set: one literal of each set.
_Entry = tuple[tuple[str, str], int, tuple[frozenset[str], ...]]


@dataclass(frozen=True, slots=True, eq=False)
class CoachGate:
    """The pre-check of the coach's phrase rules (techniques and anti-patterns)."""

    #: Finds the literals present in a lower-cased text.
    finder: LiteralFinder
    #: Each literal -> the pattern alternatives whose key set holds it.
    keyed: dict[str, tuple[_Entry, ...]]
    #: (section, rule) -> indexes of the patterns whose needs are unknown: always tried.
    always: dict[tuple[str, str], frozenset[int]]
    #: (section, rule) -> each pattern's rank in the order the rule's regex tries them.
    order: dict[tuple[str, str], tuple[int, ...]]
    #: (section, rule, pattern index) -> that pattern as the rule's regex holds it,
    #: to search a sentence lower-cased (its :mod:`case_twin` where it has one).
    single: Callable[[str, str, int], re.Pattern[str] | None]

    def live(self, folded: str) -> dict[str, dict[str, tuple[int, ...]]]:
        """section -> rule -> the indexes of its patterns that may match ``folded``.

        A rule that is absent has no pattern that can match. The indexes are in
        the order the rule's regex tries its patterns (:func:`alternation_order`).
        """
        present = self.finder.present(folded)
        hits: list[tuple[tuple[str, str], int]] = [
            (key, index) for key, indexes in self.always.items() for index in indexes]
        keyed = self.keyed
        for literal in present:
            entries = keyed.get(literal)
            if entries is None:
                continue
            for key, index, others in entries:
                # The key set holds ``literal``; the pattern needs one of each other set too.
                for needed in others:
                    if needed.isdisjoint(present):
                        break
                else:
                    hits.append((key, index))
        out: dict[str, dict[str, tuple[int, ...]]] = {}
        for (section, name), index in hits:
            rules = out.setdefault(section, {})
            found = rules.get(name)
            if found is None:
                rules[name] = (index,)
            elif index not in found:
                rank = self.order[section, name].__getitem__
                rules[name] = tuple(sorted((*found, index), key=rank))
        return out


def coach_gate(playbook: Playbook) -> CoachGate:
    """The coach's pre-check for ``playbook``, built once per playbook."""
    result: CoachGate = playbook.cached("coach_gate", _build)
    return result


def _build(playbook: Playbook) -> CoachGate:
    sections: dict[str, dict[str, Rule]] = {
        "techniques": playbook.techniques,
        "anti_patterns": playbook.anti_patterns,
    }
    keyed: dict[str, list[_Entry]] = {}
    always: dict[tuple[str, str], set[int]] = {}
    order: dict[tuple[str, str], tuple[int, ...]] = {}
    for section, rules in sections.items():
        for name, rule in rules.items():
            ranked = alternation_order(rule.patterns)
            order[section, name] = tuple(ranked.index(i) for i in range(len(rule.patterns)))
            for index, pattern in enumerate(rule.patterns):
                needs = informative(pattern_needs(pattern))
                if not needs or not all(needs):
                    # Unknown needs, or an alternative that needs nothing.
                    always.setdefault((section, name), set()).add(index)
                    continue
                for sets in needs:
                    # Keyed on the set whose shortest literal is longest (roughly the rarest).
                    key = max(sets, key=lambda s: min(map(len, s)))
                    others = tuple(s for s in sets if s is not key)
                    for literal in key:
                        keyed.setdefault(literal, []).append(((section, name), index, others))
    universe = {x for entries in keyed.values() for *_, sets in entries for s in sets for x in s}
    universe.update(keyed)

    @cache
    def single(section: str, name: str, index: int) -> re.Pattern[str] | None:
        from kettle.analysis.coach_text import alternation

        pattern = alternation([sections[section][name].patterns[index]])
        twin = lower_twin(pattern) if pattern is not None else None
        return twin if twin is not None else pattern

    return CoachGate(
        LiteralFinder(universe), {k: tuple(v) for k, v in keyed.items()},
        {k: frozenset(v) for k, v in always.items()}, order, single,
    )


def alternation_order(patterns: list[str]) -> list[int]:
    """Indexes of ``patterns`` in the order :func:`coach_text.alternation` tries them.

    It puts the patterns that start with ``\\b`` first (under one shared
    ``\\b``), then the others, each group in its own order.
    """
    bounded = [i for i, p in enumerate(patterns) if p.startswith("\\b")]
    return bounded + [i for i, p in enumerate(patterns) if not p.startswith("\\b")]
