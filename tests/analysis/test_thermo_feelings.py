"""A feeling the customer names in the first person leads the reading (D27)."""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.thermo_feelings import named_feeling
from kettle.analysis.types import Tier


@pytest.mark.parametrize("tier", ["fast", "accurate"])
@pytest.mark.parametrize(("text", "emotion", "at_least"), [
    ("I am furious.", "anger", 75.0),
    ("Your staff laughed at my mother when she asked for the wheelchair. I am furious.",
     "anger", 75.0),
    ("We are absolutely livid!", "anger", 75.0),
    ("Someone has taken £1,450 out of my account overnight. That's my rent money. "
     "I'm shaking.", "anxiety", 65.0),
    ("I'm terrified.", "anxiety", 65.0),
    ("I'm so angry right now.", "anger", 65.0),
    ("I'm worried about my bill, can you check it?", "anxiety", 55.0),
])
def test_a_named_feeling_leads(text: str, emotion: str, at_least: float, tier: Tier) -> None:
    reading = read(text, tier=tier)
    assert reading.dominant_emotion == emotion
    assert reading.temperature >= at_least


@pytest.mark.parametrize("text", [
    "I'm not angry, just disappointed.",
    "My wife is furious.",  # someone else's feeling, told
    "I was cross-checking the invoice.",
    "I'm mad about this phone, best I've had.",
    "Are you angry with me?",
    "I'm afraid we can't find your order.",  # the hedge, not fear
    "I am anxious to make telephone calls.",  # eager to
])
def test_no_feeling_named_by_the_customer(text: str) -> None:
    assert named_feeling(text) is None


def test_a_mild_annoyance_stays_mild_whatever_it_names() -> None:
    assert read("Not a big deal, I'm a bit worried though.").temperature <= 52.0


def test_sadness_about_it_and_a_letting_down_said_the_other_way_round_are_disappointment() -> None:
    """Held-out e-mail probe (2026-12-07): "I am honestly sad about it" and "…how let down we
    feel" had read neutral."""
    feeling = named_feeling("I find that hard to accept for a sofa at this price, and I am "
                            "honestly sad about it.")
    assert feeling is not None and feeling.emotion == "disappointment"
    assert named_feeling("The sad thing is the old one still works.") is None
    letter = ("Dear Mr Carver,\n\nYour team finished fitting our new kitchen on Friday, and I am "
              "afraid I have to tell you how let down we feel. The worktop has a gap at the "
              "back, two doors do not close, and the extractor was fitted crooked.\n\nWe paid a "
              "great deal for this kitchen and expected far better finishing than this.\n\n"
              "Yours sincerely,\nAnne Walsh")
    emotions = read(letter).emotions
    assert max(emotions, key=emotions.__getitem__) == "disappointment"
