"""The lead's blind probe (2026-12-07): calm messages that read hot, and the families
behind its other misses (mock praise after a harm, scare quotes, "whoever is in charge",
a count of contacts without "I", money locked away with rent due, "let me get this
straight", a wait counted like a diary).

The sentences are new, not the probe's; each rule has negatives that use its words.
"""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.signals import detect
from kettle.analysis.thermo_calm import ENQUIRY_C, asks_about_fault, praised_in_slang
from kettle.analysis.thermo_fed_up import SCORNED, fed_up
from kettle.analysis.thermo_situations import at_stake
from kettle.analysis.waits import wait_strain


def _kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text)}


@pytest.mark.parametrize("text", [
    "The new app is sick, love the widgets!",
    "your website's new layout looks sick ngl",
    "Just grabbed a killer deal on the air fryer, cheers!",
    "The camera on this phone is fire 🔥🔥",
])
def test_slang_praise_of_a_thing_reads_calm(text: str) -> None:
    assert praised_in_slang(text, detect(text)), text
    assert read(text).temperature < 45.0, text


@pytest.mark.parametrize("text", [
    "My son is sick and I can't get to the pharmacy, where is my delivery?",
    "It was sick, what your driver said to my wife.",
    "The app is sick again, won't even open. Third day running.",
    "I'm sick of this app crashing.",
    "The prices are insane.",
])
def test_sick_and_killer_said_of_illness_disgust_or_a_grievance_are_no_praise(text: str) -> None:
    assert not praised_in_slang(text, detect(text)), text


@pytest.mark.parametrize("text", [
    "Morning, my broadband light is blinking red - is there a fault in my area?",
    "Is there an outage in Bristol at the moment? TV won't load.",
    "is the app down? can't log in",
])
def test_a_question_whether_there_is_a_fault_reads_calm(text: str) -> None:
    assert asks_about_fault(text, _kinds(text)), text
    assert read(text).temperature <= ENQUIRY_C, text


@pytest.mark.parametrize("text", [
    "Is there a fault in my area? This is the third day without internet.",
    "Is the app down AGAIN?? I've lost a whole morning's work.",
    "Is there a problem with your website? I've been trying for 3 hours.",
    "Is there a problem with my account? I'm furious, you charged me twice.",
    "My router is flashing red.",  # no question
])
def test_a_fault_question_that_presses_is_no_enquiry(text: str) -> None:
    assert not asks_about_fault(text, _kinds(text)), text


@pytest.mark.parametrize("text", [
    "Ordered a laptop, it arrived with a cracked screen, and the 'replacement service' took "
    "a fortnight.",
    "your 'technician' switched it off and on again and left",
    "Thanks for the so-called 'support', I sorted it myself in the end.",
    "The courier left without a word and dumped it in the rain. Stellar work, lads.",
    "You've lost my passport renewal form. Brilliant. 👏",
    "They charged me twice for one room. Great job, team!",
])
def test_mock_praise_and_scare_quotes_are_sarcasm(text: str) -> None:
    assert "sarcasm" in _kinds(text), text
    assert read(text).temperature >= 45.0, text


@pytest.mark.parametrize("text", [
    "It says 'out for delivery' but nobody has come yet.",
    "I chose 'express' at checkout, when will it come?",
    "I picked the 'Next Day Delivery' option, when will it come?",
    "I'm grateful to your staff, who showed me the benefits brought by the \"service\".",
    "My phone broke and you replaced it in a day. Brilliant!",
    "The parcel was lost but you refunded me straight away. Great job!",
    "They deleted their spam account. Good.",
    "The engineer fixed the boiler in ten minutes. Brilliant work, lads.",
])
def test_quotes_and_praise_with_nothing_mocked_are_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in _kinds(text), text


@pytest.mark.parametrize(("kind", "text", "found"), [
    ("manager_demand", "Put me through to whoever's in charge please.", True),
    ("manager_demand", "I need to talk to whoever is responsible for this mess.", True),
    ("repeat_contact", "Called you twice, nothing.", True),
    ("repeat_contact", "Rang 4 times yesterday and got cut off every time.", True),
    # The same words with no escalation.
    ("manager_demand", "Whoever is in charge of your hold music deserves a medal.", False),
    ("manager_demand", "Who is in charge of deliveries in my area?", False),
    ("repeat_contact", "The package was called in for inspection at customs.", False),
    ("repeat_contact", "Several times a year I order from you and it's always great.", False),
])
def test_escalations_said_without_the_usual_words(kind: str, text: str, found: bool) -> None:
    assert (kind in _kinds(text)) is found, text


def test_money_locked_away_with_rent_due_is_at_stake() -> None:
    text = "Your bank has locked me out of my account and my rent is due tomorrow."
    assert at_stake(text)
    reading = read(text)
    assert reading.temperature >= 60.0 and reading.dominant_emotion == "anxiety"
    assert not at_stake("I was locked out of online banking last month, all fine now. Can I pay "
                        "my rent by card?")
    assert not at_stake("You've blocked my card, fine, I'll use cash.")


@pytest.mark.parametrize(("text", "scorned"), [
    ("So let me get this straight: you charge me for a missed delivery you never attempted?",
     True),
    ("let me get this straight, I pay extra for next day and get it in a week", True),
    ("You billed me for a month I'd already cancelled. Make it make sense.", True),
    # The same words without contempt.
    ("Let me get this straight in my head before I order: the blue one is the larger?", False),
    ("Let me get this straight... the senator said what?", False),
    ("That doesn't make sense to me, can you explain the pro-rata bit?", False),
])
def test_let_me_get_this_straight_is_contempt(text: str, scorned: bool) -> None:
    assert (fed_up(text) is SCORNED) is scorned, text
    assert (read(text).temperature >= 60.0) is scorned, text


@pytest.mark.parametrize(("text", "strain"), [
    ("Day 6 of no hot water.", 0.30),
    ("Week 3 without my refund and still nobody calls back.", 0.45),
    ("Still no engineer. Day 4.", 0.30),
    # A day count that is no wait.
    ("Day 1 of my new contract, all good!", 0.0),
    ("We're on day 3 of our holiday and the hotel is lovely.", 0.0),
    ("Day 9799 of being alive.", 0.0),
])
def test_a_wait_counted_like_a_diary_strains(text: str, strain: float) -> None:
    assert wait_strain(text) == strain
