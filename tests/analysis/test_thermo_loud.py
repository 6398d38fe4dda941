"""The lead's probe, second pass (D43): service failures said in everyday words, a message
shouted throughout against one stressed word, and calm asks ("no rush", "just checking").

The sentences are new, not the blind set's; each rule has negatives that use its words.
"""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.signals import detect
from kettle.analysis.thermo_calm import ENQUIRY_C
from kettle.analysis.thermo_loud import calm_ask, shouted, shouted_throughout


def _kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text)}


def _top(text: str) -> str:
    emotions = read(text).emotions
    return max(emotions, key=emotions.__getitem__)


@pytest.mark.parametrize("text", [
    "You've taken £52 from my account twice this week, put it back please",
    "the app has charged us 4 times for one parking session",
    "Our internet is still down after your engineer visit yesterday",
    "The website was down all evening so I couldn't renew in time",
    "still no engineer and it's gone 5pm",
    "We've had no hot water for three days now",
    "no heating since Sunday and the kids are freezing",
    "Stranded in Dublin, your ferry never left",
    "We're stuck at the station with no replacement bus",
    "last train's gone and there's no way home from here",
    "The lamp arrived with the shade ripped and the base dented",
    "They cancelled my delivery slot without any notice",
    "Your airline cancelled our flight and nobody will rebook us",
    "My appointment was cancelled again, no one told me",
    "The update bricked my phone",
    "that's the second outage this week on our road",
    "The fitter left without finishing the kitchen",
])
def test_service_failures_in_everyday_words_are_found(text: str) -> None:
    assert "service_failure" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "Can I take £50 out of my account at the branch?",
    "Is the site still down for maintenance tonight or is it back?",  # a question, see below
    "still no rush on the refund, whenever suits",
    "We have no heating oil deliveries in our area, do you cover us?",
    "Is there no way to pay by card at home?",
    "I was stranded deep in thought, sorry for the slow reply!",
    "What happens if my flight is cancelled?",
    "If the train is cancelled do I get my money back?",
    "The council have no power to change the bin days, apparently",
    "the regulator has no power or influence over pricing",
    "Can I cancel my booking and rebook for May?",
    "The parcel arrived safe and sound, thank you",
    "I'd like my order cancelled please, I found it cheaper",
])
def test_the_same_words_without_a_failure_are_no_service_failure(text: str) -> None:
    kinds = _kinds(text)
    if text.startswith("Is the site still down"):
        # A service "still down" is a failure even asked about; what matters is the heat.
        assert read(text).temperature < 60.0
        return
    assert "service_failure" not in kinds, text


@pytest.mark.parametrize("text", [
    "WHY IS MY INTERNET STILL DOWN",
    "WHERE IS MY REFUND",
    "I HAVE ASKED YOU THREE TIMES TO CLOSE THIS ACCOUNT",
    "STOP SENDING ME THESE EMAILS. I UNSUBSCRIBED MONTHS AGO",
    "DO NOT CALL THIS NUMBER AGAIN",
])
def test_a_message_shouted_throughout_reads_hot_and_angry(text: str) -> None:
    assert shouted_throughout(text), text
    assert shouted(text, detect(text)) is not None, text
    reading = read(text)
    assert reading.temperature >= 60.0, text
    assert _top(text) == "anger", text
    assert "shouting" in {s.kind for s in reading.signals}, text


@pytest.mark.parametrize("text", [
    "THANK YOU SO MUCH, MY GRANDSON GOT HIS BIKE IN TIME FOR CHRISTMAS",
    "MERRY CHRISTMAS TO ALL THE STAFF AT THE KINGSTON BRANCH",
    "YES!!! IT WORKS, THANKS GUYS",
])
def test_joy_in_capitals_is_no_anger(text: str) -> None:
    assert shouted(text) is None, text
    assert read(text).temperature < 60.0, text
    assert _top(text) != "anger", text


@pytest.mark.parametrize("text", [
    "MY HUSBAND PASSED AWAY IN MARCH",
    "YES WE LIVE IN THE SAME TOWN",
    "I AM WRITING ON BEHALF OF MY MOTHER WHO IS 90",
])
def test_capitals_as_a_habit_with_nothing_at_us_are_no_anger(text: str) -> None:
    assert shouted_throughout(text), text
    assert shouted(text, detect(text)) is None, text
    assert _top(text) != "anger", text


@pytest.mark.parametrize("text", [
    "OK",
    "Is the NHS app down or is it my phone?",
    "can I use my EE SIM in the USA",
    "ASAP please",
    "Booked via BA, does my ATOL cover this?",
])
def test_acronyms_and_short_capitals_are_not_shouted_throughout(text: str) -> None:
    assert not shouted_throughout(text), text
    assert shouted(text) is None, text


@pytest.mark.parametrize("text", [
    "You charged me TWICE for the same haircut booking",
    "I paid for NEXT DAY and it came on Friday",  # two words: a run, still shouting
    "Please can you call me back TODAY",
    "I am so ANGRY about the bill",
])
def test_one_stressed_word_is_no_shouting_but_a_run_is(text: str) -> None:
    kinds = {s.kind for s in read(text).signals}
    assert ("shouting" in kinds) == ("NEXT DAY" in text), text


def test_three_stressed_words_in_one_message_are_a_raised_voice() -> None:
    text = "I am FURIOUS. You billed me TWICE again and I want it back TODAY."
    assert "shouting" in {s.kind for s in read(text).signals}


def test_a_stressed_word_still_adds_a_little_heat() -> None:
    stressed = read("Please can you call me back TODAY").temperature
    plain = read("Please can you call me back today").temperature
    assert stressed > plain


@pytest.mark.parametrize("text", [
    "No rush, but could you send me a copy of my last bill?",
    "just checking you received the photos I sent over",
    "Hi, I'm a little confused by the pro-rata bit on my invoice, can you explain?",
    "Not urgent - can you change the name on the account when you have a moment?",
    "whenever suits you, I'm in all week",
    "Slightly confused which router I should plug the cable into",
])
def test_a_calm_ask_with_nothing_wrong_reads_calm(text: str) -> None:
    assert calm_ask(text, detect(text)), text
    assert read(text).temperature <= ENQUIRY_C, text


@pytest.mark.parametrize("text", [
    "No rush?! I've been waiting 3 weeks for this refund",
    "just checking why I was charged twice this month",
    "a bit confused why nobody has called me back, this is the third time I've asked",
    "Not urgent but the boiler's still broken",
    "Just checking in AGAIN. Still no reply.",
    "I'm feeling a bit confused and anxious about the whole thing",
    ("I understand there may be a delay and I am not in a hurry, but you must explain to "
     "customers why the money was taken before the installation date was even agreed."),
])
def test_a_calm_word_beside_a_grievance_is_no_calm_ask(text: str) -> None:
    assert not calm_ask(text, detect(text)), text
