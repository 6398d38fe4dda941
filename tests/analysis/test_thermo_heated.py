"""A grievance that reads warm is not calm: the heated emotion leads (D44).

Sentences written for these tests, not taken from the probe sets. The positives
read "neutral" (or "confusion") on top before D44; the negatives are calm messages,
thanks and questions, where the calm emotion must stay on top.
"""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.thermo_heated import (
    DOUBLE_CHARGE,
    SHORT_OF_MONEY,
    WARM_C,
    double_charged,
    heated,
)


def _top(text: str) -> str:
    emotions = read(text).emotions
    return max(emotions, key=emotions.__getitem__)


@pytest.mark.parametrize(("text", "emotion"), [
    ("Our internet has been off since Tuesday and nobody has rung back.", "frustration"),
    ("The app has been down since 8am and I can't pay anyone.", "frustration"),
    ("Been waiting four weeks for the replacement card now.", "frustration"),
    ("You lot are liars, the engineer never turned up.", "anger"),
    ("I'll be taking my business elsewhere if this keeps happening.", "anger"),
    ("Ordered a cot for the baby and it arrived in pieces, so disappointing.", "disappointment"),
    ("My dad is 91 and his phone line has been dead since Sunday, he can't call anyone.",
     "anxiety"),
])
def test_a_warm_grievance_leads_with_the_heated_emotion(text: str, emotion: str) -> None:
    reading = read(text)
    assert reading.temperature >= WARM_C, text
    assert _top(text) == emotion, text


@pytest.mark.parametrize(("text", "emotion"), [
    ("Thanks so much, the refund came through this morning.", "relief"),
    ("The parcel arrived damaged but you sent a new one the next day, great service.", "relief"),
    ("Could you tell me when the new tariffs start?", "neutral"),
    ("How do I change the name on my account?", "confusion"),
    ("Why has my bill gone up this month?", "confusion"),
    ("No rush at all, but could you check my meter reading went through?", "neutral"),
    # Swearing alone is no grievance: it is often joy.
    ("Damn, I'd love it if you brought the blue one back.", "relief"),
    ("Bloody hell, that was quick, thanks for sorting it.", "relief"),
])
def test_calm_messages_keep_the_calm_emotion(text: str, emotion: str) -> None:
    assert _top(text) == emotion, text


def test_the_calm_share_moves_only_when_warm() -> None:
    emotions = (("anger", 0.0), ("frustration", 0.1), ("anxiety", 0.0), ("disappointment", 0.0),
                ("confusion", 0.1), ("relief", 0.2), ("neutral", 0.6))
    kinds = {"service_failure"}
    cool = heated(emotions, "It stopped working.", kinds, 40.0, told=False, negative=True)
    assert cool == emotions
    warm = dict(heated(emotions, "It stopped working.", kinds, 50.0, told=False, negative=True))
    assert warm["frustration"] == pytest.approx(0.9)
    assert warm["neutral"] == warm["relief"] == 0.0
    # Confusion stays on top of a warm question without a grievance.
    asked = (("anger", 0.0), ("frustration", 0.1), ("anxiety", 0.0), ("disappointment", 0.0),
             ("confusion", 0.6), ("relief", 0.1), ("neutral", 0.2))
    assert heated(asked, "Why?", set(), 50.0, told=False, negative=True) == asked
    # Relief said with a hard word, no grievance, is still thanks.
    thanks = (("anger", 0.0), ("frustration", 0.0), ("anxiety", 0.0), ("disappointment", 0.0),
              ("confusion", 0.0), ("relief", 0.9), ("neutral", 0.1))
    assert heated(thanks, "Thanks for the trouble!", set(), 50.0, told=False,
                  negative=True) == thanks


@pytest.mark.parametrize("text", [
    "You've taken the subscription fee out twice this month.",
    "My direct debit went out twice on the 1st, please put one back.",
    "I was charged twice for one ticket, can you look into it?",
    "Looks like you billed me double for March.",
])
def test_a_double_charge_reads_warm_with_frustration(text: str) -> None:
    reading = read(text)
    assert double_charged(text, reading.signals) is DOUBLE_CHARGE, text
    assert reading.temperature >= DOUBLE_CHARGE.floor, text
    assert _top(text) == "frustration", text


@pytest.mark.parametrize("text", [
    "I went out twice today and missed the courier both times.",
    "I've been double-booked for Tuesday's appointment.",
    "The power's out again on our road.",
    "My payment went through fine, thanks.",
])
def test_no_double_charge_without_money_taken_twice(text: str) -> None:
    assert double_charged(text, read(text).signals) is None, text


@pytest.mark.parametrize("text", [
    "My mum is 84 and her boiler packed in last night, she has no heating.",
    "My wife is disabled and the lift you fitted has stopped working.",
])
def test_a_vulnerable_customer_with_a_problem_reads_hot(text: str) -> None:
    reading = read(text)
    assert "vulnerability" in {s.kind for s in reading.signals}, text
    assert reading.temperature >= 60.0, text


def test_a_double_charge_to_someone_short_of_money_is_worrying() -> None:
    text = "You've taken my phone bill out twice and now I'm overdrawn."
    reading = read(text)
    assert double_charged(text, reading.signals) is SHORT_OF_MONEY
    assert _top(text) == "anxiety"
