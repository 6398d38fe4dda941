"""A case-blind pattern's twin finds, in the lower-cased text, exactly what the pattern finds."""

from __future__ import annotations

import random
import re

import pytest

from kettle.analysis import signals, thermo_feelings, thermo_gate, thermo_mild
from kettle.analysis.case_twin import Twinned, lower_twin
from kettle.analysis.coach_text import alternation
from kettle.analysis.playbook import default_playbook, load_playbook
from tests.analysis.test_speedups_gates import _local_texts


@pytest.mark.parametrize(
    "source",
    [
        r"\bsorry\b",
        r"\bi['’]?m\s+(?:so\s+)?(?:useless|hopeless)\b",  # a curly apostrophe is no letter
        r"\bcall\S*\W+back\B",  # \S, \W, \B read no case
        r"\b[a-z]{1,4}[7-9]\d\b",  # ranges of small letters and of digits
    ],
)
def test_a_pattern_of_small_letters_gets_a_twin(source: str) -> None:
    twin = lower_twin(re.compile(source, re.IGNORECASE))
    assert twin is not None
    assert twin.pattern == source and not twin.flags & re.IGNORECASE


@pytest.mark.parametrize(
    "source",
    [
        r"\bNHS\b",  # a capital
        r"[A-Z]{3}",  # a class of capitals
        r"[0-a]",  # a range that spans the capitals
        r"\bcaf\u00e9\b",  # a non-ASCII letter
        r"\x41pple",  # a coded escape
        r"(\w)\1",  # a backreference
        r"(?-i:sorry)",  # an inline flag
    ],
)
def test_a_pattern_that_could_read_case_gets_none(source: str) -> None:
    assert lower_twin(re.compile(source, re.IGNORECASE)) is None


def test_a_case_sensitive_pattern_gets_none() -> None:
    assert lower_twin(re.compile(r"\bsorry\b")) is None


def test_why_a_range_over_capitals_gets_none() -> None:
    # Case-blind, "[0-a]" holds "B" (its capital is in the range); on "b" it would not.
    assert re.compile("[0-a]", re.IGNORECASE).search("B") is not None
    assert re.compile("[0-a]").search("b") is None


def _texts() -> list[str]:
    rng = random.Random(7)
    plain = [t for t in _local_texts() if t.isascii()]
    shaken = ["".join(c.upper() if rng.random() < 0.4 else c for c in t) for t in plain]
    return plain + shaken + [t.upper() for t in plain[:40]]


def _shipped_patterns() -> list[re.Pattern[str]]:
    book = default_playbook()
    out = [re.compile(phrase.pattern.source, re.IGNORECASE)
           for phrase in signals._compiled(book).phrases]
    for rules in (book.techniques, book.anti_patterns):
        for rule in rules.values():
            out += [p for p in (alternation([source]) for source in rule.patterns) if p]
    out += [gate.pattern for gate in thermo_feelings._GATES]
    out += [thermo_mild._said_mild_words.pattern, thermo_mild._said_own_slip.pattern,
            thermo_mild._HUMBLE]
    return out


def test_every_twin_finds_the_same_matches_on_ascii_text() -> None:
    texts = _texts()
    twinned = 0
    for pattern in _shipped_patterns():
        twin = lower_twin(pattern)
        if twin is None:
            continue
        twinned += 1
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in twin.finditer(text.lower())] == expected, (
                pattern.pattern, text)
    assert twinned > 300  # nearly every shipped pattern is written in small letters


def test_signals_are_the_same_without_twins(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_texts(), "Sorry \u017ftill waiting, the K\u212a box", "I'M SO DONE WITH YOU!!"]
    book = load_playbook({})
    twinned = [signals.detect(t, playbook=book) for t in texts]
    monkeypatch.setattr(thermo_gate, "twin_of", lambda _: None)
    plain = load_playbook({})  # a fresh playbook: its phrases' twins are worked out anew
    assert [signals.detect(t, playbook=plain) for t in texts] == twinned
    assert any(twinned)


@pytest.mark.parametrize(
    ("text", "mild"),
    [
        ("I'm bloody useless with technology! How do I reset it?", True),
        ("I'M HOPELESS AT COMPUTERS, sorry, where is the button?", True),
        ("Your app is useless and I want a refund.", False),
        ("Where is my parcel?", False),
    ],
)
def test_running_oneself_down_is_found_in_any_case(text: str, mild: bool) -> None:
    assert thermo_mild.said_mildly(text, ()) is mild


@pytest.mark.parametrize(
    ("source", "text", "found"),
    [
        (r"\bcould\s+you\b", "Could You send the photos?", True),
        (r"\bcould\s+you\b", "You could send the photos.", False),
        (r"\bNHS\b", "The NHS letter came.", True),  # no twin: the pattern itself
        (r"\bnhs\b", "The nhs letter came.", True),
        (r"\bstill\b", "Sorry \u017ftill waiting", True),  # non-ASCII: the pattern itself
        (r"\bstill\b", "Sorry, nothing yet", False),
    ],
)
def test_twinned_answers_as_the_pattern(source: str, text: str, found: bool) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    twinned = Twinned(pattern)
    folded = text.lower() if text.isascii() else None
    assert twinned.found(text, folded) is found
    assert (pattern.search(text) is not None) is found
