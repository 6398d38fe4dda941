"""FastVader gives VADER's scores exactly: every rule VADER applies, and real messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from kettle.analysis import features
from kettle.analysis.vader_fast import FastVader

#: One sentence (at least) per rule of VADER's scorer.
RULES = [
    "The delivery was great.",  # a lexicon word
    "The delivery was not great.",  # negation one word before
    "The delivery isn't really great.",  # "n't", two words before
    "It was never so bad.",  # "never so" boosts
    "It was never this good.",
    "Without doubt the best support I've had.",  # "without doubt"
    "This is the least helpful answer.",  # "least"
    "It is at least helpful.",
    "The app is kind of good.",  # "kind of"
    "The app is sort of broken.",
    "The staff were helpful but the refund is terrible.",  # contrastive "but"
    "The refund is terrible but the staff were helpful but slow.",
    "The service is EXTREMELY bad and I am ANGRY.",  # capitals among lower case
    "ALL CAPS WITH NO LOWER CASE IS ANGRY",
    "Great!!! Thanks!!!!!!",  # exclamation marks
    "Why is it broken??? Really???",  # question marks
    "No problem at all.",  # "no" before a lexicon word
    "There is no good reason.",
    "It's not good, no.",
    "I have no, or nor, love for this.",
    "That movie was the shit.",  # special idioms
    "Yeah right, like that will work.",
    "This is the kiss of death for my account.",
    "The cake was to die for.",
    "I was waiting at the bus stop.",
    "My badass new phone broke.",
    "Thanks 😊 but the box was 💩",  # emoji
    "😡😡😡",
    "I love it :) but hate the wait :(",  # emoticons
    "",  # nothing at all
    "   ",
    "ok",
    "a b c d e f g h terrible",
    "terrible",
    "so so so terrible",
    "very very very happy customer",
]


@pytest.fixture(scope="module")
def pair() -> tuple[SentimentIntensityAnalyzer, FastVader]:
    return SentimentIntensityAnalyzer(), FastVader()


@pytest.mark.parametrize("text", RULES)
def test_same_scores_as_vader(pair: tuple[SentimentIntensityAnalyzer, FastVader],
                              text: str) -> None:
    stock, fast = pair
    assert fast.polarity_scores(text) == stock.polarity_scores(text)


def test_the_rules_are_exercised(pair: tuple[SentimentIntensityAnalyzer, FastVader]) -> None:
    # The sentences above are not all neutral: the comparison can fail.
    stock, _ = pair
    compounds = {stock.polarity_scores(t)["compound"] for t in RULES}
    assert len(compounds) > 25


def test_the_thermometer_uses_it() -> None:
    stock = SentimentIntensityAnalyzer().polarity_scores("This is NOT good at all!!")
    assert features.vader_scores("This is NOT good at all!!") == (
        stock["compound"], stock["neg"], stock["pos"])
    assert isinstance(features._vader(), FastVader)


def test_same_scores_on_real_messages(shared_data: Path,
                                      pair: tuple[SentimentIntensityAnalyzer, FastVader]) -> None:
    stock, fast = pair
    folder = shared_data / "eval" / "temperature"
    texts = []
    for name in ("complaints.jsonl", "semeval_anger_dev.jsonl", "goemotions_dev.jsonl"):
        with (folder / name).open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    differ = [t for t in texts if fast.polarity_scores(t) != stock.polarity_scores(t)]
    assert len(texts) > 9000
    assert differ == []
