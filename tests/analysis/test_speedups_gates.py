"""The per-pattern pre-checks (coach_gate, signal needs) and the other fast paths change no result.

Each fast path is compared with the plain computation it replaces, on the
sentences of the technique, anti-pattern and signal tests and, where the shared
evaluation data is present, on a few thousand real replies and customer turns.
"""

from __future__ import annotations

import json
import pickle
import random
import re
import string
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kettle.analysis import coach_text, features, signals
from kettle.analysis.coach import check
from kettle.analysis.coach_gate import alternation_order, coach_gate
from kettle.analysis.coach_text import STRAIGHT_QUOTES, compiled_rules, first_match, sentences
from kettle.analysis.playbook import default_playbook, load_playbook
from kettle.analysis.thermo_gate import LiteralFinder, pattern_needs, satisfied
from tests.analysis import test_antipatterns, test_signals, test_techniques

NOW = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)


def _local_texts() -> list[str]:
    texts = [reply for _, reply in test_techniques.POSITIVE + test_techniques.NEGATIVE]
    texts += [reply for _, reply in test_antipatterns.POSITIVE + test_antipatterns.NEGATIVE]
    texts += [text for _, text in test_signals.POSITIVE]
    texts += [
        "So you're saying the parcel never arrived? Let me check the tracking for you.",
        "You could try restarting it. Have you considered a refund instead?",
        "I can only imagine how frustrating that is.   ",
        "Thank you!! That's our policy, there's nothing I can do.",
        "Sorry \u017ftill waiting, the K\u212a box",  # non-ASCII: never pre-checked
    ]
    return texts


def _shared_texts(data: Path, limit: int = 2500) -> list[str]:
    out: list[str] = []
    for name in ("annomi", "esconv_dev"):
        with (data / "eval" / "replies" / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in list(handle)[: limit // 2]:
                row = json.loads(line)
                out.append(row["text"])
                out.extend(t["text"] for t in row.get("context", [])[-1:])
    return [t for t in out if t.strip()]


def _corpus(request: pytest.FixtureRequest, limit: int) -> list[str]:
    texts = _local_texts()
    try:
        data: Path = request.getfixturevalue("shared_data")
    except pytest.skip.Exception:
        return texts
    return texts + _shared_texts(data, limit)


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest) -> list[str]:
    return _corpus(request, 400)


@pytest.fixture(scope="module")
def big_corpus(request: pytest.FixtureRequest) -> list[str]:
    return _corpus(request, 6000)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bsorry\b", [[["sorry"]]]),
        (r"\bi\s+can\s+(?:only\s+)?imagine\b", [[["i"], ["can"], ["imagine"]]]),
        # Each top-level alternative needs its own literals.
        (r"\byou(?:'re|\s+are)\s+saying|\byou\s+said\b",
         [[["you"], ["'re", "are"], ["saying"]], [["you"], ["said"]]]),
        # A group's alternatives each give their best literal.
        (r"\b(?:you(?:'re|\s+are)\s+saying|you\s+said)\b", [[["said", "saying"]]]),
        (r"\b(?:second|third|\d+(?:st|nd))\s+time\b",
         [[["nd", "second", "st", "third"], ["time"]]]),
        (r"\bthanks?\b", [[["thank"]]]),  # an optional letter is not required
        (r"^\W*(?:ok(?:ay)?|right)\b", [[["ok", "right"]]]),
        (r"(?<!not\s)\bhelp\b", [[["help"]]]),  # lookbehinds are not part of the match
        (r"\b(?:a|b)?\s+", []),  # nothing is required
        ("\\bcaf\u00e9\\b", []),  # only ASCII literals
        (r"\bcase\x20number\b", []),  # coded escapes are not literal text
    ],
)
def test_pattern_needs(pattern: str, needs: list[list[list[str]]]) -> None:
    got = [sorted(sorted(found) for found in sets) for sets in pattern_needs(pattern)]
    assert got == [sorted(sorted(found) for found in sets) for sets in needs]


def test_literal_finder_finds_exactly_the_literals_present() -> None:
    words = {"you", "your", "yours", "our", "ours", "o", "sorry", "so", " will", "will",
             "'ll", "i see", "see"}
    finder = LiteralFinder(words)
    rng = random.Random(7)
    alphabet = "yourswilsee' ."
    texts = ["", "your sorry self", "you'll see, i see", "ours", "so sorry"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
              for _ in range(3000)]
    for text in texts:
        assert finder.present(text) == {w for w in words if w in text}, text


def test_literal_finder_with_no_literals_finds_nothing() -> None:
    assert LiteralFinder({""}).present("anything at all") == set()


def test_literal_finder_survives_pickling() -> None:
    # A compiled playbook may travel to worker processes (batch QA).
    finder = pickle.loads(pickle.dumps(LiteralFinder({"you", "your", "'ll"})))
    assert finder.present("you'll see your order") == {"you", "your", "'ll"}
    assert finder.present("nothing here") == set()


def test_needs_hold_for_every_match(corpus: list[str]) -> None:
    _needs_hold(corpus)


@pytest.mark.slow
def test_needs_hold_for_every_match_on_more_real_text(big_corpus: list[str]) -> None:
    _needs_hold(big_corpus)


def _needs_hold(corpus: list[str]) -> None:
    # Soundness of the analysis: wherever a pattern matches, what it needs is there.
    book = default_playbook()
    rules = [*book.techniques.values(), *book.anti_patterns.values(), *book.signals.values()]
    patterns = [p for rule in rules for p in rule.patterns]
    matched = 0
    for pattern in patterns:
        needs = pattern_needs(pattern)
        compiled = re.compile(pattern, re.IGNORECASE)
        for text in corpus:
            text = text.translate(STRAIGHT_QUOTES)
            if not text.isascii() or not needs:
                continue
            for match in compiled.finditer(text):
                matched += 1
                found = match.group().lower()
                assert satisfied(needs, {x for s in sum(needs, ()) for x in s if x in found}), (
                    pattern, match.group())
    assert matched > 50


def test_alternation_order_matches_the_compiled_rule() -> None:
    patterns = [r"^so\b", r"\bsorry\b", r"(?:ok)", r"\bthanks\b"]
    assert alternation_order(patterns) == [1, 3, 0, 2]
    assert coach_text.alternation(patterns) is not None


@pytest.mark.parametrize("section", ["techniques", "anti_patterns"])
def test_live_rules_find_what_the_full_rules_find(section: str, corpus: list[str]) -> None:
    _same_matches(section, corpus)


@pytest.mark.slow
@pytest.mark.parametrize("section", ["techniques", "anti_patterns"])
def test_live_rules_on_more_real_text(section: str, big_corpus: list[str]) -> None:
    _same_matches(section, big_corpus)


def _same_matches(section: str, corpus: list[str]) -> None:
    book = default_playbook()
    rules = compiled_rules(book, section)
    full = {name: rule._replace(gate=(), gate_re=None) for name, rule in rules.items()}
    skipped = narrowed = 0
    for text in corpus:
        for sentence in sentences(text.translate(STRAIGHT_QUOTES)):
            live = coach_text.live_rules(rules, section, book, sentence)
            for name, rule in full.items():
                expected = first_match(rule, sentence)
                if name not in live:
                    skipped += 1
                    assert expected is None, (name, sentence.text)
                    continue
                narrowed += live[name].alternatives is not None
                assert first_match(live[name], sentence) == expected, (name, sentence.text)
    assert skipped > narrowed > 0


def test_a_custom_playbook_gets_its_own_gate() -> None:
    book = load_playbook({"techniques": {"apology": {"patterns": [r"\bmy\s+bad\b"]}}})
    review = check("Oh, my bad, that one is on me.", playbook=book, now=NOW)
    assert "apology" in {f.name for f in review.techniques}
    assert coach_gate(book) is not coach_gate(default_playbook())
    assert "apology" not in {f.name for f in check("Oh, my bad.", now=NOW).techniques}


def test_checks_are_the_same_with_and_without_the_gate(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    context = [{"role": "customer", "text": "This is the THIRD time I'm asking, where is it?!"},
               {"role": "agent", "text": "I'm sorry, I understand how annoying that is."},
               {"role": "customer", "text": "Just tell me when it arrives."}]
    replies = corpus[:600]
    gated = [check(r, conversation=context, now=NOW, tz="UTC") for r in replies]
    monkeypatch.setattr(coach_text, "live_rules", lambda rules, *_: rules)
    monkeypatch.setattr("kettle.analysis.techniques.live_rules", lambda rules, *_: rules)
    monkeypatch.setattr("kettle.analysis.antipatterns.live_rules", lambda rules, *_: rules)
    plain = [check(r, conversation=context, now=NOW, tz="UTC") for r in replies]
    assert gated == plain


def test_signals_are_the_same_without_the_finer_gates(corpus: list[str]) -> None:
    book = load_playbook({})
    compiled = signals._compiled(book)
    assert any(p.needs for p in compiled.phrases) and compiled.swear_parts
    plain_book = load_playbook({})
    plain_book.cached("signals", lambda _: replace(
        compiled, phrases=tuple(replace(p, needs=()) for p in compiled.phrases),
        swear_parts=None))
    texts = [*corpus, "You f***ing idiots", "what a JOKE. great service, really.",
             "Holy shit this is bad", "Ich bin sehr w\u00fctend, damn it"]
    for text in texts:
        assert signals.detect(text, playbook=book) == signals.detect(text, playbook=plain_book)


def test_letter_counts_match_str_methods() -> None:
    rng = random.Random(3)
    texts = ["", "ABC def", "\u00c9COLE \u00e9t\u00e9", "K\u212a \u017f"]
    texts += ["".join(rng.choice(string.printable) for _ in range(rng.randint(0, 80)))
              for _ in range(2000)]
    for text in texts:
        expected = (sum(map(str.isalpha, text)), sum(map(str.isupper, text)))
        assert features._letters(text) == expected


def test_playbook_cache_builds_once_per_key() -> None:
    book = load_playbook({})
    calls: list[int] = []

    def build(_: object) -> list[int]:
        calls.append(1)
        return [len(calls)]

    first = book.cached("test.key", build)
    assert book.cached("test.key", build) is first
    assert calls == [1]
    assert load_playbook({}).cached("test.key", build) == [2]
