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

from kettle.analysis import (
    acts,
    coach_context,
    coach_text,
    commit_patterns,
    commitments,
    features,
    signals,
)
from kettle.analysis.coach import check
from kettle.analysis.coach_gate import alternation_order, coach_gate
from kettle.analysis.coach_text import STRAIGHT_QUOTES, compiled_rules, first_match, sentences
from kettle.analysis.conversation import as_turns
from kettle.analysis.playbook import default_playbook, load_playbook
from kettle.analysis.techniques import STRONG_LEAD
from kettle.analysis.thermo_gate import (
    LiteralFinder,
    _split,
    informative,
    pattern_needs,
    satisfied,
)
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


def _acknowledges_plainly(text: str) -> bool:
    """The acknowledgement test as it was: each rule's full regex on the whole turn."""
    rules = compiled_rules(default_playbook(), "techniques")
    straight = text.translate(STRAIGHT_QUOTES)
    return any(
        rules[name].pattern.search(straight) is not None  # type: ignore[union-attr]
        for name in coach_context.ACKNOWLEDGING
        if name in rules
    )


def test_acknowledged_turns_are_found_as_by_the_full_regexes(corpus: list[str]) -> None:
    book = default_playbook()
    coach_context.clear_cache(book)
    acknowledges = book.cached("coach.acknowledges", coach_context._acknowledges)
    answers = [acknowledges(text) for text in corpus]
    assert answers == [_acknowledges_plainly(text) for text in corpus]
    assert 0 < sum(answers) < len(answers)
    # A curly apostrophe reads as a straight one; a non-ASCII turn is not pre-checked.
    assert acknowledges("I\u2019m sorry about the wait.")
    assert acknowledges("I'm so sorry, the K\u212a box was late.")
    assert not acknowledges("Send the K\u212a box number.")
    # A second asking is answered from memory, with the same answer.
    assert [acknowledges(text) for text in corpus] == answers
    assert acknowledges.cache_info().hits >= len(corpus)


def test_an_earlier_acknowledgement_still_counts_after_the_cache_is_cleared() -> None:
    context = [{"role": "customer", "text": "Where is my parcel?! Third time asking!"},
               {"role": "agent", "text": "I\u2019m so sorry, that must be really frustrating."},
               {"role": "customer", "text": "Just tell me when it arrives."}]
    first = check("Could you send me the order number?", conversation=context, now=NOW)
    assert coach_text.content_words.cache_info().currsize > 0
    coach_context.clear_cache()
    assert coach_text.content_words.cache_info().currsize == 0
    again = check("Could you send me the order number?", conversation=context, now=NOW)
    assert first == again
    cold = [{"role": "customer", "text": context[0]["text"]},
            {"role": "agent", "text": "Send me the order number."},
            {"role": "customer", "text": context[2]["text"]}]
    turns = as_turns(context)
    assert coach_context.read_context(turns, default_playbook()).acknowledged_before
    assert not coach_context.read_context(as_turns(cold), default_playbook()).acknowledged_before


def test_the_self_disclosure_pre_check_lets_every_match_through(corpus: list[str]) -> None:
    matched = 0
    for text in corpus:
        for sentence in sentences(text):
            if acts._SELF_DISCLOSURE.search(sentence.text):
                matched += 1
                assert acts._SELF_WORDS.search(sentence.text), sentence.text
    assert matched > 0


def test_one_letter_literals_are_not_looked_for() -> None:
    # "a" or "an" is in almost every text: the set is dropped, the rest kept.
    assert informative(pattern_needs(r"\b(?:a|an)\s+refund\b")) == ((frozenset({"refund"}),),)
    # An alternative left with nothing to look for needs nothing.
    assert informative(pattern_needs(r"\bx\b|\bsorry\b")) == ((), (frozenset({"sorry"}),))
    finder = coach_gate(default_playbook()).finder
    assert not any(len(x) == 1 for x in finder.present("a e i o u s p t x"))


def test_a_pattern_that_needs_only_one_letter_is_always_tried() -> None:
    own = r"\bmy\s+bad\b|\bx\b"
    book = load_playbook({"techniques": {"apology": {"patterns": [own]}}})
    gate = coach_gate(book)
    index = book.techniques["apology"].patterns.index(own)
    assert gate.always[("techniques", "apology")] == frozenset({index})
    found = check("Ok, x marks the spot.", playbook=book, now=NOW).techniques
    assert "apology" in {f.name for f in found}
    assert "apology" not in {f.name for f in check("Ok, y marks it.", playbook=book,
                                                   now=NOW).techniques}


def test_the_promise_pre_check_answers_as_the_prefilter_does(corpus: list[str]) -> None:
    assert "will" in commitments._PREFILTER_LITERALS
    texts = [*corpus, "We\u2019ll call you", "I WILL CALL", "LET ME CHECK", "ok", "\u017fhall"]
    answers = [commitments._may_promise(text) for text in texts]
    assert answers == [commit_patterns.PREFILTER.search(t) is not None for t in texts]
    assert 0 < sum(answers) < len(answers)


def test_the_strong_lead_lookahead_names_every_first_letter() -> None:
    head = r"\b(?=[acdfijy])(?:"
    assert STRONG_LEAD.pattern.startswith(head)
    inner = STRONG_LEAD.pattern[len(head):STRONG_LEAD.pattern.rindex(")")]
    alternatives = _split(inner)
    assert len(alternatives) > 10
    assert all(alternative[0] in "acdfijy" for alternative in alternatives), alternatives
    assert STRONG_LEAD.search("Okay, so if I understand you, the box was empty?")
    assert STRONG_LEAD.search("Correct me if I'm wrong.")


def test_the_punctuation_and_mask_pre_checks_let_every_match_through(
    corpus: list[str],
) -> None:
    texts = [*corpus, "Why?!", "WHAT??", "no!!!", "f*ck this", "s#!t", "a*b", "ok!"]
    assert [signals._has_pair(t) for t in texts] == [
        signals._REPEATED_PUNCT.search(t) is not None for t in texts
    ]
    masked = [t for t in texts if signals._SELF_MASKED.search(t)]
    assert masked and all(not signals._MASKS.isdisjoint(t) for t in masked)


def test_satisfied_needs_one_literal_of_each_set_of_some_alternative() -> None:
    needs = ((frozenset({"sorry"}), frozenset({"wait", "delay"})), (frozenset({"apolog"}),))
    assert satisfied(needs, {"sorry", "delay"})
    assert satisfied(needs, {"apolog", "x"})
    assert not satisfied(needs, {"sorry", "late"})
    assert not satisfied(needs, set())
    assert satisfied(((),), set())  # an alternative that needs nothing
