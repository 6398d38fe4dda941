"""Perspective flipping: the customer's words as the agent says them back."""

from __future__ import annotations

import pytest

from kettle.analysis.perspective import flip


@pytest.mark.parametrize(
    ("said", "flipped"),
    [
        ("I needed the truck here by 1 pm", "You needed the truck there by 1 pm"),
        ("my parcel never arrived", "your parcel never arrived"),
        ("they sent me the wrong size", "they sent you the wrong size"),
        ("I'm sick of waiting", "You're sick of waiting"),
        ("I've called three times", "You've called three times"),
        ("I'll have to cancel", "You'll have to cancel"),
        ("I am so tired of this", "You are so tired of this"),
        ("I was promised a refund", "You were promised a refund"),
        ("I wasn't told anything", "You weren't told anything"),
        ("was I supposed to guess?", "were you supposed to guess?"),
        ("we paid for express delivery", "you paid for express delivery"),
        ("our kitchen is flooded", "your kitchen is flooded"),
        ("the box is ours", "the box is yours"),
        ("I had to do it myself", "You had to do it yourself"),
        ("nobody called us back", "nobody called you back"),
        ("I’m furious", "You’re furious"),
    ],
)
def test_first_person_becomes_second_person(said: str, flipped: str) -> None:
    assert flip(said) == flipped


@pytest.mark.parametrize(
    ("said", "flipped"),
    [
        ("you sent the wrong shoe", "we sent the wrong shoe"),
        ("Why did you charge me twice?", "Why did we charge you twice?"),
        ("I told you that twice", "You told us that twice"),
        ("your driver was rude to me", "our driver was rude to you"),
        ("you're two hours late", "we're two hours late"),
        ("and you lost our parcel", "and we lost your parcel"),
    ],
)
def test_second_person_becomes_the_company(said: str, flipped: str) -> None:
    assert flip(said) == flipped


def test_nouns_and_other_words_are_kept() -> None:
    said = "the inspection is at 4 and the Volvo van is still at the depot"
    assert flip(said) == said


def test_words_that_only_contain_pronouns_are_not_touched() -> None:
    # "mine" in "mineral", "us" in "bus", "here" in "where" and "there"
    said = "the bus took the mineral water there, where is it"
    assert flip(said) == said


def test_am_and_was_only_change_next_to_i() -> None:
    assert flip("the parcel was late and I am upset") == "the parcel was late and you are upset"


def test_shouting_stays_shouting() -> None:
    assert flip("WHERE IS MY REFUND") == "WHERE IS YOUR REFUND"


def test_lowercased_text_from_forums() -> None:
    assert flip("i think i was right") == "you think you were right"


def test_sentence_start_is_capitalised_mid_text_is_not() -> None:
    assert flip("It broke. I want a refund and I want it now.") == (
        "It broke. You want a refund and you want it now."
    )


def test_the_customer_never_becomes_the_agent() -> None:
    # "you" is the company, so it becomes "we", never "I": the agent speaks for the team
    assert flip("you said you would call") == "we said we would call"


def test_text_without_words() -> None:
    assert flip("?!") == "?!"
