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


@pytest.mark.parametrize("tier", ["fast", "accurate"])
@pytest.mark.parametrize(("text", "emotion", "at_least"), [
    # Real customer tweets of the kind in TWCS and SemEval: a closing hashtag or an angry
    # face is the writer saying how they feel.
    ("@PayPalUK have well & truly done me over the day before I go on holiday! #fuming",
     "anger", 75.0),
    ("Someone's nicked my lunch out the fridge at work!! Roast dinner as well! #fuming",
     "anger", 75.0),
    ("I tried all those prior to reaching out #FRustrated", "frustration", 60.0),
    ("The update you put out yesterday didn't correct the issue 😡", "anger", 65.0),
    ("The update you put out yesterday didn't correct the issue 😡😡😡", "anger", 75.0),
    ("Last time and this time your answer will be the same 🤬", "anger", 75.0),
    ("I am so dissapointed with the service", "disappointment", 45.0),
])
def test_a_hashtag_or_an_angry_face_names_the_feeling(text: str, emotion: str, at_least: float,
                                                     tier: Tier) -> None:
    reading = read(text, tier=tier)
    assert reading.dominant_emotion == emotion
    assert reading.temperature >= at_least


@pytest.mark.parametrize("text", [
    "not #angry at all, just asking",
    "Watching #MadMen tonight",
    "It's lack of #faith that makes #people #afraid of #meeting #challenges",  # a word mid-sentence
    "Hearing the song on repeat #mad #mad hahah",  # a laugh after the tag
    "5,000 new US #citizens swearing in now! #tears #congratulations",  # tears of joy
    "see https://example.com/#angry for the birds",
    "Thank you 😤💕",  # the steaming face comes with thanks as often as with anger
])
def test_no_feeling_named_by_a_tag_or_face(text: str) -> None:
    assert named_feeling(text) is None


def test_a_named_word_outranks_one_angry_face_and_two_faces_rank_as_furious() -> None:
    """Strongest first: one face ranks with "angry", so "furious" beats it; two faces or a
    cursing face rank with "furious", above "terrified"."""
    assert named_feeling("I'm furious 😡") == named_feeling("I'm furious")
    one = named_feeling("I'm terrified 😡")
    assert one is not None and one.emotion == "anxiety"
    two = named_feeling("I'm terrified 😡😡")
    assert two is not None and (two.emotion, two.floor) == ("anger", 75.0)
