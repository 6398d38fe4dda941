"""Inputs built to be slow or odd (2026-12-07 robustness probe, D30): long runs of blanks,
punctuation or stuttered heads, times outside what ``datetime`` holds, over-long turns.

Tests never assert a timing; the growth of each call with input length is measured by
``benchmarks/robustness.py`` (docs/performance.md). These tests pin what the rewritten
patterns must still find, at the lengths that used to take seconds.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kettle.analysis import check, extract, score, suggest, track
from kettle.analysis.conversation import YEARS
from kettle.errors import InvalidTime, TextTooLong, UnknownTimeZone

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("gap", [" " * 5000, "\t" * 3000, " \t " * 1000])
def test_a_promise_across_a_long_run_of_blanks_keeps_its_time_and_span(gap: str) -> None:
    text = "I'll call you" + gap + "tomorrow at 5pm."
    (promise,) = extract(text, now=NOW)
    assert promise.due == datetime(2026, 12, 8, 17, 0, tzinfo=UTC)
    assert text[promise.span.start:promise.span.end] == promise.span.text


def test_a_stuttered_head_is_one_promise_not_a_verb() -> None:
    (promise,) = extract("I'll I'll call you tomorrow at 10am", now=NOW)
    assert promise.action == "call you"
    assert promise.due == datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
    assert extract("I'll I'll I'll", now=NOW) == ()
    assert extract("we will we will", now=NOW) == ()
    assert [p.action for p in extract("We'll we'll refund you by Friday", now=NOW)] == [
        "refund you"]


def test_every_promise_of_a_long_run_on_sentence_is_found() -> None:
    text = ", and ".join(["I'll call you at 5pm"] * 400)
    found = extract(text, now=NOW)
    assert len(found) == 400
    assert all(p.due == datetime(2026, 12, 7, 17, 0, tzinfo=UTC) for p in found)


def test_a_disclaimer_governs_its_own_clause_not_a_promise_pages_later() -> None:
    near = "I can't promise the engineer will come tomorrow."
    assert extract(near, now=NOW) == ()
    far = ("I can't promise anything about the warehouse, "
           + "it has been a long week for everyone there " * 10
           + "but I will call you at 5pm")
    (promise,) = extract(far, now=NOW)
    assert promise.action.startswith("call you")


@pytest.mark.parametrize("unit", ["!", ".", "?!", "- ", ", ", "'", "\U0001F621"])
def test_a_message_of_only_punctuation_gets_a_plan_not_an_echo(unit: str) -> None:
    text = unit * (19_000 // len(unit))
    result = suggest([{"role": "customer", "text": text}], now=NOW)
    assert result, "a suggestion is still given"
    assert all(unit * 20 not in s.text for s in result), "nothing is said back 20 times over"


def test_the_rewritten_answer_patterns_still_read_an_answer() -> None:
    asked = [{"role": "customer", "text": "My parcel never came."},
             {"role": "agent", "text": "I've sent a new one by courier. Is everything OK now?"}]
    for answer in ["Yes, all fine.", "!!! Yes!!! all fine", "Yep, received it, thanks",
                   "ok... all good"]:
        stage = track([*asked, {"role": "customer", "text": answer}]).stage
        assert stage == "followed_up", answer  # the check was answered: all is well
    for answer in ["Yes, all fine but the box was crushed", "!!!!!!!!", "No, still nothing"]:
        assert track([*asked, {"role": "customer", "text": answer}]).stage == "in_progress"


@pytest.mark.parametrize("when", [datetime(9999, 12, 31, 23, 0), datetime(1, 1, 1)])
def test_a_now_outside_the_years_is_an_invalid_time(when: datetime) -> None:
    calls = [
        lambda: check("I will call you tomorrow.", now=when),
        lambda: extract("I will call you tomorrow.", now=when),
        lambda: suggest([{"role": "customer", "text": "Help!"}], now=when),
        lambda: score([{"role": "customer", "text": "Help!"},
                       {"role": "agent", "text": "I will call you tomorrow."}], now=when),
    ]
    for call in calls:
        with pytest.raises(InvalidTime) as caught:
            call()
        assert caught.value.field == "now"
        assert f"{YEARS[0]} to {YEARS[1]}" in str(caught.value)


def test_a_sent_at_outside_the_years_names_its_turn() -> None:
    turns = [{"role": "customer", "text": "Hello"},
             {"role": "customer", "text": "Help!", "sent_at": "9999-12-31T23:59:00"}]
    with pytest.raises(InvalidTime) as caught:
        track(turns)
    assert caught.value.field == "turns[1].sent_at"


def test_an_over_long_turn_names_its_text() -> None:
    turns = [{"role": "customer", "text": "Hello"}, {"role": "agent", "text": "x" * 20_001}]
    with pytest.raises(TextTooLong) as caught:
        track(turns)
    assert caught.value.field == "turns[1].text"
    assert "20,001" in str(caught.value)


def test_a_zone_name_too_long_for_the_file_system_is_an_unknown_zone() -> None:
    with pytest.raises(UnknownTimeZone):
        suggest([{"role": "customer", "text": "Help!"}], tz="a" * 400, now=NOW)
