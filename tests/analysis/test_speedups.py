"""The engine's speed-ups change no result: the reading cache and the rule pre-checks."""

from __future__ import annotations

import re

import numpy as np
import pytest

from kettle.analysis import features, signals, thermometer
from kettle.analysis.coach import check
from kettle.analysis.coach_text import Sentence, compiled_rules, first_match, sentences
from kettle.analysis.conversation import clean_text
from kettle.analysis.playbook import load_playbook
from kettle.analysis.thermo_gate import rule_literals
from kettle.analysis.thermo_model import heads
from kettle.analysis.types import Reading

CUSTOMER = [
    "My order was supposed to arrive on Monday and it still isn't here.",
    "This is the THIRD time I'm writing to you!!! I want to speak to a manager.",
    "Honestly I'm done with this company, I'm cancelling my account today.",
    "ok thanks, that fixed it",
    "Where is my refund? You charged me twice for order 558201.",
]
CONVERSATION = [
    {"role": "customer", "text": CUSTOMER[0]},
    {"role": "agent", "text": "Sorry to hear that. Could you send me the order number?"},
    {"role": "customer", "text": CUSTOMER[4]},
    {"role": "agent", "text": "I can see the double charge. I'll refund it today."},
    {"role": "customer", "text": CUSTOMER[1]},
]
REPLIES = [
    "I'm so sorry, that must be really frustrating. I'll sort this out for you by 5pm today.",
    "As I already explained, that's our policy. Calm down please.",
    "So you're saying the parcel never arrived? Let me check the tracking for you.",
    "Have you tried restarting the router? That usually works for me.",
    "Please provide your account number and date of birth.",
    "Thank you for your patience, the replacement ships tomorrow morning.",
]


def _fresh_reads(texts: list[str]) -> list[Reading]:
    # The uncached path: the same model run on each message, nothing remembered.
    return [thermometer._bases([clean_text(t)], None)[0].reading(0.0) for t in texts]


def test_cached_reading_equals_an_uncached_one() -> None:
    thermometer.clear_cache()
    first = [thermometer.read(t) for t in CUSTOMER]
    again = [thermometer.read(t) for t in CUSTOMER]
    assert first == again == _fresh_reads(CUSTOMER)


def test_cache_is_used_and_cleared() -> None:
    book = load_playbook({})
    thermometer.read(CUSTOMER[1], playbook=book)
    thermometer.read(CUSTOMER[1], playbook=book)
    info = book.cached("thermometer.bases", thermometer._base_cache).cache_info()
    assert (info.hits, info.misses) == (1, 1)
    thermometer.clear_cache(book)
    info = book.cached("thermometer.bases", thermometer._base_cache).cache_info()
    assert info.currsize == 0


def test_mutating_a_result_does_not_leak_into_the_cache() -> None:
    reading = thermometer.read(CUSTOMER[2])
    reading.emotions["anger"] = 99.0
    assert thermometer.read(CUSTOMER[2]).emotions["anger"] < 1.0


def test_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(thermometer, "READING_CACHE", 3)
    book = load_playbook({})
    for i in range(10):
        thermometer.read(f"I have been waiting {i} days for my parcel", playbook=book)
    info = book.cached("thermometer.bases", thermometer._base_cache).cache_info()
    assert info.maxsize == 3
    assert info.currsize == 3


def test_each_playbook_has_its_own_cache() -> None:
    text = "I am writing to the Tenants Guild about this."
    assert not [s for s in thermometer.read(text).signals if s.kind == "legal_threat"]
    book = load_playbook({"signals": {"legal_threat": {"patterns": [r"\btenants guild\b"]}}})
    kinds = {s.kind for s in thermometer.read(text, playbook=book).signals}
    assert "legal_threat" in kinds


def test_context_reading_and_check_are_the_same_warm_or_cold() -> None:
    thermometer.clear_cache()
    cold_read = thermometer.read(CUSTOMER[3], context=CONVERSATION)
    cold = [check(r, conversation=CONVERSATION) for r in REPLIES]
    warm_read = thermometer.read(CUSTOMER[3], context=CONVERSATION)
    warm = [check(r, conversation=CONVERSATION) for r in REPLIES]
    assert cold_read == warm_read
    assert cold == warm
    # The history raises the temperature, as before the cache.
    assert cold_read.temperature > thermometer.read(CUSTOMER[3]).temperature


def test_read_many_equals_reading_one_by_one_up_to_float32_rounding() -> None:
    batch = thermometer.read_many(CUSTOMER)
    single = [thermometer.read(t) for t in CUSTOMER]
    for a, b in zip(batch, single, strict=True):
        assert a.signals == b.signals and a.mode == b.mode
        assert a.temperature == pytest.approx(b.temperature, abs=1e-3)


@pytest.mark.parametrize(
    ("patterns", "literals"),
    [
        ([r"\bsorry\b|\bapologi[sz]e"], ("sorry", "apologi")),
        ([r"\b(?:thank\s+you|thanks)\b"], ("thank", "thanks")),
        ([r"\b(?:(?:i|what\s+i)\s+found\s+it\s+(?:helpful|useful)|works\s+for\s+me)\b"],
         ("works", "useful", "helpful")),
        ([r"\bsorry\b", r"^\W*so\b"], ("so", "sorry")),
        ([r"\bsorry\b", r"\b(?:a|b)?\s+"], ()),  # one pattern needs no literal
        (["caf\u00e9"], ()),  # only ASCII literals
        ([r"caf\u00e9", r"\bsorry\b"], ()),  # coded escapes are not literal text
        ([r"\bcase\x20number\b"], ()),
    ],
)
def test_rule_literals(patterns: list[str], literals: tuple[str, ...]) -> None:
    assert sorted(rule_literals(patterns)) == sorted(literals)


@pytest.mark.parametrize("section", ["techniques", "anti_patterns"])
def test_rule_pre_checks_never_change_a_match(section: str) -> None:
    book = load_playbook(None)
    rules = compiled_rules(book, section)
    assert any(rule.gate for rule in rules.values())
    texts = [s for text in REPLIES + CUSTOMER for s in sentences(text)]
    texts.append(Sentence(0, 9, "Sorry \u017ftill"))  # non-ASCII: never pre-checked
    for rule in rules.values():
        bare = rule._replace(gate=())
        for sentence in texts:
            assert first_match(rule, sentence) == first_match(bare, sentence)


def test_a_rule_whose_literal_is_absent_is_skipped() -> None:
    rule = compiled_rules(load_playbook(None), "techniques")["apology"]
    assert rule.gate and all(re.fullmatch(r"[a-z' ]+", x) for x in rule.gate)
    assert first_match(rule, sentences("We are sorry for the delay.")[0]) is not None
    assert first_match(rule, sentences("The parcel left the depot.")[0]) is None


def test_one_message_gets_the_batch_margins_and_probabilities() -> None:
    model = heads()
    texts = [*CUSTOMER, *REPLIES, "ok", "zzzz qqqq", "😡😡😡 WHY", "a" * 3000]
    for text in texts:
        toks = features.tokens(text)
        ids, words = model.ids(features.terms(toks)), model.word_ids(toks)
        row = features.dense(text, toks, signals.detect(text))
        batch = model.margins([ids], np.asarray([row], dtype=np.float32), [words])
        one = model.margins_one(ids, row, words)
        assert one.shape == batch.shape == (1, 8)
        assert np.allclose(one, batch, atol=1e-4), text
        hot, emotions = model.probabilities(batch)
        one_hot, one_emotions = model.probabilities_one(one)
        assert one_hot == pytest.approx(float(hot[0]), abs=1e-5)
        assert one_emotions == pytest.approx(emotions[0].tolist(), abs=1e-5)
        assert sum(one_emotions) == pytest.approx(1.0)
    # A message none of whose words the model knows still gets the bias alone.
    empty = model.margins_one([], [0.0] * len(features.DENSE), [])
    batch = model.margins([[]], np.zeros((1, len(features.DENSE)), np.float32), [[]])
    assert np.allclose(empty, batch, atol=1e-5)


def test_one_message_probabilities_survive_extreme_margins() -> None:
    model = heads()
    for value in (-1e6, -800.0, 0.0, 800.0, 1e6):
        margins = np.full((1, 8), value, dtype=np.float32)
        hot, emotions = model.probabilities_one(margins)
        assert 0.0 <= hot <= 1.0
        assert sum(emotions) == pytest.approx(1.0)
    low, _ = model.probabilities_one(np.full((1, 8), -1e6, dtype=np.float32))
    high, _ = model.probabilities_one(np.full((1, 8), 1e6, dtype=np.float32))
    assert (low, high) == ((0.0, 1.0) if model.slope > 0 else (1.0, 0.0))


@pytest.mark.parametrize(
    "text",
    ["F**k this", "f*ck f**k and s**t", "mail john@example.com or a**", "2f**k", "ab*cd*ef s**t",
     "x@@y", "@China Unicom@hina Telecom", "delivery* free", "f#@k you", "*hugs* p*ssed",
     "Service@China f***ing app"],
)
def test_self_masked_search_finds_what_the_full_scan_finds(text: str) -> None:
    from kettle.analysis.signals import _SELF_MASKED, _self_masked

    assert [m.span() for m in _self_masked(text)] == [
        m.span() for m in _SELF_MASKED.finditer(text)]
