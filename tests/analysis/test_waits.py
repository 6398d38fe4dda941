"""A stated wait strains the thermometer by its length (D25), with real sentences."""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.waits import WAIT_WEIGHTS, wait_strain


@pytest.mark.parametrize(("text", "unit"), [
    ("I have been waiting three weeks for a refund.", "week"),
    ("I've been waiting 45 minutes on hold.", "minute"),
    ("I've been on hold for two hours.", "hour"),
    ("It's been two months and still no refund.", "month"),
    ("We have been without heating for five days.", "day"),
    ("The Internet has been disconnected for over a week.", "week"),
    ("I have waited for more than a month.", "month"),
    ("It has been four days and the ticket hasn't been issued.", "day"),
    ("3 weeks and still nothing.", "week"),
    ("Two hours on hold!", "hour"),
    ("I've been chasing this for a couple of weeks.", "week"),
    ("its been 8 hours. My subscription is not activated.", "hour"),
])
def test_a_stated_wait_strains_by_its_unit(text: str, unit: str) -> None:
    assert wait_strain(text) == WAIT_WEIGHTS[unit]


@pytest.mark.parametrize("text", [
    "I've been waiting 5 minutes, is anyone there?",  # under half an hour
    "I bought it 2 weeks ago and love it.",
    "I have to wait 30 days to create a subreddit.",  # a wait to come
    "They suggest to wait for a few months.",
    "It's been two years since I moved out.",  # a story, not a wait on us
    "I've been on Premium for 5 years and still going strong.",
    "I work once or twice a week and not during the day.",
    "I have been unemployed for 6 months.",
])
def test_no_wait_no_strain(text: str) -> None:
    assert wait_strain(text) == 0.0


def test_the_longest_wait_counts() -> None:
    text = "I waited 40 minutes on the phone, and it's been three weeks now."
    assert wait_strain(text) == WAIT_WEIGHTS["week"]


def test_a_longer_wait_reads_hotter() -> None:
    minutes = read("I have been waiting 40 minutes for a refund.").temperature
    weeks = read("I have been waiting three weeks for a refund.").temperature
    months = read("I have been waiting three months for a refund.").temperature
    plain = read("I have been waiting for a refund.").temperature
    assert plain < minutes < weeks < months
