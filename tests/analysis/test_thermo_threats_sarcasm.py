"""Threats lead with anger; sarcasm reads warm, hot about a harm; a serious harm reads hot;
"stranded" in a story is no service failure (helper branch thermo5).

Sentences written for these tests, not taken from the probe sets (the blind set
tests/analysis/data/heldout4_short_messages.jsonl is scored by the probe script only).
"""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.signals import detect
from kettle.analysis.thermo_feelings import SARCASM_HARM_C, mocked
from kettle.analysis.thermo_harm import HARMED_C, harmed
from kettle.analysis.thermo_heated import WARM_C, aimed


def _top(text: str) -> str:
    emotions = read(text).emotions
    return max(emotions, key=emotions.__getitem__)


def _kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text)}


@pytest.mark.parametrize("text", [
    "Get the engine light sorted by Thursday or I'm going to the motor ombudsman.",
    "One more missed bin collection and I'm writing to my MP and the local paper.",
    "If my deposit isn't back this week I'll be taking you to the small claims court.",
    "Restore my line by tonight or I'm cancelling the contract.",
    "Sort the bill out, otherwise I'm cancelling my subscription.",
    "Unless the refund lands today I am cancelling every policy I hold with you.",
])
def test_a_threat_aimed_at_us_leads_with_anger(text: str) -> None:
    assert read(text).temperature >= WARM_C, text  # a legal or public one: 72 °C (D25)
    assert _top(text) == "anger", text


@pytest.mark.parametrize(("text", "emotion"), [
    # Said with thanks, a threat is put coldly (D25's polite threat).
    ("Thanks for your reply. I will now be taking this to the Financial Ombudsman.",
     "frustration"),
    # A named feeling leads (D27).
    ("I'm so frustrated, I'll be reporting this to Ofcom.", "frustration"),
])
def test_a_threat_does_not_override_thanks_or_a_named_feeling(text: str, emotion: str) -> None:
    assert _top(text) == emotion, text


@pytest.mark.parametrize("text", [
    "Please close my account, I'm moving abroad.",
    "I'd like to cancel my subscription from next month.",
    "I'm cancelling my gym membership because I've moved house.",
])
def test_a_plain_cancel_is_no_threat_aimed_at_us(text: str) -> None:
    assert not aimed(text, detect(text)), text


def test_cancelling_every_account_is_a_cancel_threat() -> None:
    assert "cancel_threat" in _kinds("Fix it or I'm cancelling all of my accounts with you.")
    assert "cancel_threat" in _kinds("We are cancelling every policy we have with you.")


@pytest.mark.parametrize("text", [
    "Congratulations, you've just lost my business.",
    "Well done, you've now lost a loyal customer.",
    "Congrats, you have officially lost our custom.",
])
def test_praise_for_losing_the_customer_is_sarcasm_and_hot(text: str) -> None:
    assert "sarcasm" in _kinds(text), text
    reading = read(text)
    assert reading.temperature >= SARCASM_HARM_C, text
    assert _top(text) == "anger", text


@pytest.mark.parametrize("text", [
    "Congratulations on the new store opening!",
    "Congratulations, you've just won a customer for life!",
    "I lost my business card, can you send the code by text instead?",
])
def test_praise_without_a_lost_customer_is_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in _kinds(text), text


def test_you_lost_my_business_is_no_service_failure() -> None:
    assert "service_failure" not in _kinds("You've lost my business, goodbye.")
    assert "service_failure" in _kinds("You've lost my parcel again.")


@pytest.mark.parametrize("text", [
    "Oh great, another 'system upgrade' this weekend.",
    "Oh wonderful, another price change letter.",
    "Thanks for nothing.",
])
def test_mild_sarcasm_reads_warm_not_boiling(text: str) -> None:
    reading = read(text)
    assert "sarcasm" in {s.kind for s in reading.signals}, text
    assert WARM_C <= reading.temperature <= 70.0, text  # not boiling (they read 72-85 °C)


@pytest.mark.parametrize("text", [
    "Brilliant. The engineer didn't turn up again.",
    "Oh lovely, my delivery is late and nobody answers the phone.",
    "Great job losing my parcel. The refund still hasn't been processed.",
])
def test_sarcasm_about_a_harm_reads_hot(text: str) -> None:
    reading = read(text)
    assert "sarcasm" in {s.kind for s in reading.signals}, text
    assert reading.temperature >= SARCASM_HARM_C, text


def test_the_sarcasm_floor() -> None:
    assert mocked({"sarcasm", "service_failure"}) == SARCASM_HARM_C
    assert mocked({"sarcasm", "vulnerability"}) == SARCASM_HARM_C
    assert mocked({"sarcasm"}) == 30.0
    assert mocked({"sarcasm", "profanity", "shouting"}) == 30.0
    assert mocked({"service_failure"}) == 30.0


def test_a_hot_message_with_a_jibe_stays_hot() -> None:
    # The models read it hot on their own; the damped flip takes away only the jibe's part.
    text = "Are you kidding me? This is the worst company I have ever dealt with."
    assert read(text).temperature > 85


@pytest.mark.parametrize("text", [
    "Always liked your company, but your plumber flooded our bathroom and nobody has rung.",
    "Your fitters cracked the new basin and still haven't come back to replace it.",
    "The engineer left without fixing the boiler and I've lost three days' pay waiting in.",
    "We love the app, however the system went down and I was charged twice; my ceiling "
    "has come down from the leak your contractor never fixed.",
])
def test_a_serious_harm_told_reads_hot(text: str) -> None:
    assert harmed(text, _kinds(text)), text
    assert read(text).temperature >= HARMED_C, text


@pytest.mark.parametrize("text", [
    # Put right and thanked for: no grievance.
    "Your engineer flooded the kitchen floor a bit but mopped it up and fixed it, all good now.",
    # Not through us.
    "My brother was taken to hospital after the crash, I'm so worried.",
    "The storm flooded our garage last night, can I move my delivery to Friday?",
])
def test_a_harm_not_held_against_us_sets_no_floor(text: str) -> None:
    assert not harmed(text, _kinds(text)), text


def test_a_letter_with_praise_then_a_serious_harm_reads_hot() -> None:
    letter = ("Dear Sir or Madam,\n\nWe have had our boiler serviced by you for years and have "
              "always found your staff polite and on time.\n\nHowever, on Tuesday your engineer "
              "damaged the gas pipe and there was a gas leak in our hallway. Nobody has called "
              "us back about it.\n\nPlease contact me.\n\nYours faithfully,\nR. Hale")
    assert read(letter).temperature >= HARMED_C


@pytest.mark.parametrize("text", [
    "We got stranded at Schiphol back in 2015, what a trip that was!",
    "This reminds me of the time I was stranded in Rome, ha.",
    "What would you do if you were stranded on a desert island?",
    "Just watched a documentary about sailors stranded at sea, fascinating.",
])
def test_stranded_in_a_story_is_no_service_failure(text: str) -> None:
    kinds = _kinds(text)
    assert "service_failure" not in kinds and "vulnerability" not in kinds, text


@pytest.mark.parametrize("text", [
    "Your bus never came and we're stranded in Leeds tonight.",
    "stranded at the airport, flight cancelled, no one at the desk",
    "Thanks to your cancellation I am stranded at Euston with my elderly mum.",
])
def test_stranded_now_is_a_service_failure(text: str) -> None:
    assert "service_failure" in _kinds(text), text


def test_a_sneer_sets_the_boil_floor_only_when_hot() -> None:
    # Sarcasm reads cooler in a chat, so the forecast's floor for scorn said only as sarcasm
    # is forecast.SNEERING_C (66 °C) rather than 80 °C.
    from kettle.analysis.forecast import SEETHING, SNEERING_C, boiled_floor

    hot = read("Brilliant. The engineer didn't turn up again.")
    assert hot.temperature >= SNEERING_C
    assert boiled_floor([hot]) == SEETHING
    mild = read("Oh wonderful, another price change letter.")
    assert mild.temperature < SNEERING_C
    assert boiled_floor([mild]) == 0.0
    assert boiled_floor([hot], served=False) == 0.0  # a peer debate (D29)
