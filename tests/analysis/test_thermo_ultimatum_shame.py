"""Cancel ultimatums read hot; more cancel, public and sarcastic threats; "absolute joke" is
derision; shame in public, a damaged thing sent twice and damage left by our people read
hot (helper branch thermo6).

Sentences written for these tests, not taken from the probe sets (the blind set
tests/analysis/data/heldout5_short_messages.jsonl is scored by the probe script only).
"""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.signals import detect
from kettle.analysis.thermo_harm import HARMED_C, harmed
from kettle.analysis.thermo_heated import ULTIMATUM_C, ultimatum


def _kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text)}


@pytest.mark.parametrize("text", [
    "Reinstate my account by Friday or I'm cancelling the contract.",
    "Get the engineer out tomorrow, otherwise I'm cancelling my membership.",
    "Unless my refund arrives today I'm cancelling every policy I hold with you.",
])
def test_a_cancel_ultimatum_reads_hot(text: str) -> None:
    assert ultimatum(text, detect(text)), text
    assert read(text).temperature >= ULTIMATUM_C, text


@pytest.mark.parametrize("text", [
    "Please close my account, I'm moving abroad.",  # a plain request
    "Thanks for the help. If it's not fixed by Monday I'll cancel my contract.",  # polite (D25)
    "How do I cancel my contract or switch plans?",
])
def test_no_ultimatum_without_a_condition_or_with_thanks(text: str) -> None:
    assert not ultimatum(text, detect(text)), text
    assert read(text).temperature < ULTIMATUM_C, text


@pytest.mark.parametrize(("text", "kind"), [
    ("Honestly, that's my last order with you.", "cancel_threat"),
    ("This was our final booking with your company.", "cancel_threat"),
    ("I'm closing all four of my accounts with you on Monday.", "cancel_threat"),
    ("We are closing both of our accounts with your bank.", "cancel_threat"),
    ("Sort it or I'm cancelling everything with you.", "cancel_threat"),
    ("Brilliant, you've managed to lose a customer of ten years.", "cancel_threat"),
    ("You've just lost another loyal customer.", "cancel_threat"),
    ("Nice one, you've managed to lose another customer.", "sarcasm"),
    ("This is going straight on Twitter.", "public_threat"),
    ("It goes on Facebook tonight with the photos.", "public_threat"),
    ("Expect a thread with your CEO tagged.", "public_threat"),
    ("I'll be tagging your chief executive in every post.", "public_threat"),
    ("Absolute joke. Still no refund.", "sarcasm"),
    ("A complete shambles from start to finish.", "sarcasm"),
    ("Your broadband service is a total joke.", "sarcasm"),
])
def test_threats_and_derision_are_found(text: str, kind: str) -> None:
    assert kind in _kinds(text), text


@pytest.mark.parametrize("text", [
    "When's the last order date for delivery before New Year?",
    "Was that my last order with you that went missing, or the one before?",
    "I'm closing my old account and opening a joint one with you.",
    "How do I close my account with you?",
    "I tagged you in a picture of the cake, it was perfect!",
    "My son's going on Facebook to find the group.",
    "The joke on your Christmas card was brilliant.",
    "Is it a joke or a genuine offer?",
    "Your store was a complete mess today but the staff were lovely.",
])
def test_near_misses_hold_no_threat_nor_derision(text: str) -> None:
    assert not _kinds(text) & {"cancel_threat", "public_threat", "sarcasm"}, text


@pytest.mark.parametrize("text", [
    "Your card system refused my payment at the checkout in front of the whole queue.",
    "You blocked my card at the restaurant. In front of my in-laws.",
    "The bank declined my card at the chemist. Utterly humiliating.",
    "The kettle arrived cracked again. That's two now.",
    "The replacement lamp arrived broken, same as the first.",
    "Second chair delivered with a snapped leg.",
    "Your engineer left a huge dent in my radiator and walked off.",
    "There's a crack in my worktop where your fitters dropped the sink.",
    "The removal men scratched my piano and didn't say a word.",
])
def test_shame_repeated_damage_and_our_damage_read_hot(text: str) -> None:
    assert harmed(text, _kinds(text)), text
    assert read(text).temperature >= HARMED_C, text


@pytest.mark.parametrize("text", [
    "My card was declined at the shop, could you tell me why?",
    "Is my card blocked? It didn't work at the till in front of me.",
    "The second parcel came fine, thanks for sorting the first one.",
    "The replacement arrived broken again, could you send another please?",
    "Your fitter drilled the holes for the blinds beautifully, thank you.",
    "Your engineer left a small scratch on the door but fixed it straight away, all good.",
    "I was so embarrassed when I forgot my PIN, ha.",
    # Shared-data false positives of a draft (TWCS, CGA-CMV): no arrival, no damaged thing.
    "The music cuts off for a split second then continues then cuts off again and again",
    "They had broken no law back then and they will never again hold power.",
])
def test_calm_or_put_right_is_no_harm(text: str) -> None:
    assert not harmed(text, _kinds(text)), text


# --- a harm is a grievance: the heated emotion leads, not neutral (D44 with D48) -----------

@pytest.mark.parametrize("text", [
    "You declined my card at the supermarket in front of everyone",
    "The delivery men scraped the whole hallway and just drove off.",
])
def test_a_harm_told_puts_a_heated_emotion_on_top(text: str) -> None:
    reading = read(text)
    top = max(reading.emotions, key=reading.emotions.get)
    assert top in ("anger", "frustration", "disappointment"), (top, reading.emotions)


def test_a_question_about_a_declined_card_is_no_harm() -> None:
    text = "My card was declined at the shop, can you tell me why?"
    assert not harmed(text, _kinds(text))
