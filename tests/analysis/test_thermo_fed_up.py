"""Customers out of patience who name no feeling read hot (2026-12-07 probe).

The positives are the probe's messages; the negatives use the same words without the
customer's patience running out.
"""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.thermo_fed_up import ON_HOLD, OUT_OF_PATIENCE, SCORNED, fed_up


def _top(text: str) -> str:
    emotions = read(text).emotions
    return max(emotions, key=emotions.__getitem__)


@pytest.mark.parametrize("text", [
    "My patience is wearing very thin.", "I'm at the end of my tether with this.",
    "My patience has completely run out.", "I'm running out of patience with your company.",
    "This is the last straw.", "It's getting beyond a joke now.",
    "I've had it with you people.", "Honestly, I've lost all patience.",
])
def test_patience_run_out_reads_hot_and_frustrated(text: str) -> None:
    assert fed_up(text) is OUT_OF_PATIENCE, text
    assert read(text).temperature >= 65.0, text
    assert _top(text) == "frustration", text


@pytest.mark.parametrize("text", [
    "Do you even read these messages?", "Does anyone there actually read what I write?",
    "Why is it so hard to get a straight answer from you people?",
    "Is it really too much to ask for a working phone?",
    "How hard is it to issue a refund??",
    "I was promised a callback on Tuesday. It's Friday.",
    "You said the engineer would come on Monday. It's now Thursday and no one has shown up.",
    "I was told I'd get a call back within 24 hours. That was last week.",
    "I demand a full refund and an explanation.",
])
def test_contempt_a_promise_broken_by_the_calendar_or_a_demand_reads_warm(text: str) -> None:
    assert fed_up(text) is SCORNED, text
    assert read(text).temperature >= 60.0, text
    assert _top(text) == "frustration", text


@pytest.mark.parametrize("text", [
    "Thanks for your patience with me yesterday, the new router is great.",
    "Patience is a virtue, I'll wait for the engineer.",
    "Do you know if the store opens on Sunday?",
    "Did you manage to read my last e-mail?",
    "You said the refund would come on Monday, and it did, thanks.",
    "I was told to ring back on Friday, so here I am.",
    "We offer streaming on demand.",
    "I've had it for two years and it has never let me down.",
])
def test_the_same_words_without_the_patience_gone(text: str) -> None:
    assert fed_up(text) is None, text
    assert read(text).temperature < 50.0, text


@pytest.mark.parametrize("text", [
    "You've lost my business.", "Congratulations, you've just lost my business.",
    "You have lost my custom.",
])
def test_you_lost_my_business_is_a_threat_to_leave(text: str) -> None:
    assert "cancel_threat" in {s.kind for s in read(text).signals}, text


@pytest.mark.parametrize("text", [
    "I'm losing my business because of your outage.", "You lost my business card at the desk.",
])
def test_the_customers_own_business_is_no_threat(text: str) -> None:
    assert "cancel_threat" not in {s.kind for s in read(text).signals}, text


@pytest.mark.parametrize("text", [
    "I've been on hold for 45 minutes. 45!", "I've been stuck in your phone queue for 50 minutes.",
    "An hour on hold and still nobody.",
])
def test_half_an_hour_on_hold_reads_warm_and_frustrated(text: str) -> None:
    assert fed_up(text) is ON_HOLD, text
    assert read(text).temperature >= 60.0, text
    assert _top(text) == "frustration", text


@pytest.mark.parametrize("text", [
    "I was only on hold for 2 minutes, great service.",
    "The queue was only five minutes today, nice one.",
    "Please hold the line for 30 minutes while we check.",
])
def test_a_short_hold_or_a_request_to_hold_is_no_strain(text: str) -> None:
    assert fed_up(text) is None, text
