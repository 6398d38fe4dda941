"""What a message's situation says that its words alone do not (D29), from a blind probe
of 150 messages of the kinds support teams get."""

from __future__ import annotations

import pytest

from kettle.analysis import read
from kettle.analysis.thermo_situations import (
    at_stake,
    chaser_feeling,
    contrast_tail,
    demanded,
    joyful,
)
from kettle.analysis.types import Tier


@pytest.mark.parametrize("text", ["still nothing", "hello??", "hello???? anyone????",
                                  "is anyone there", "Anyone there?", "still waiting"])
def test_a_chaser_is_frustrated_and_warm(text: str) -> None:
    reading = read(text)
    assert reading.dominant_emotion == "frustration"
    assert 54.0 <= reading.temperature <= 70.0


def test_a_polite_chaser_is_only_warm() -> None:
    reading = read("any update?")
    assert 44.0 <= reading.temperature < 54.0


@pytest.mark.parametrize("text", ["hello", "Hi there, I have a question about my bill.",
                                  "ok", "Anyone know if the shop opens on Sunday? My friend "
                                  "said it does."])
def test_no_chaser(text: str) -> None:
    assert chaser_feeling(text) is None


@pytest.mark.parametrize("tier", ["fast", "accurate"])
@pytest.mark.parametrize("text", [
    "My flight is in 5 hours and I still haven't received my boarding pass. Please help!",
    "I've got a tax deadline at midnight and your software keeps crashing when I try to submit.",
    "I have a job interview on video call tomorrow morning and my internet is down.",
])
def test_something_at_stake_soon_is_worrying(text: str, tier: Tier) -> None:
    reading = read(text, tier=tier)
    assert reading.dominant_emotion == "anxiety"
    assert reading.temperature >= 60.0


@pytest.mark.parametrize("text", [
    "My flight is tomorrow, can I add a bag?",  # nothing wrong
    "The interview went well, thanks for the tips.",
    "My internet is down.",  # nothing at stake
])
def test_nothing_at_stake(text: str) -> None:
    assert not at_stake(text)


@pytest.mark.parametrize(("text", "tail"), [
    ("I appreciate the apology, I really do, but an apology doesn't pay my overdraft fee.",
     "but an apology doesn't pay my overdraft fee."),
    ("Thank you for your reply. Unfortunately it does not address a single point I raised.",
     "Unfortunately it does not address a single point I raised."),
])
def test_the_point_after_a_polite_opening(text: str, tail: str) -> None:
    assert contrast_tail(text) == tail


@pytest.mark.parametrize("text", [
    "[NAME] thanks. I hope it works but i have a suspicious feeling",  # "but" a sentence later
    "I love the show but the ending was weak.",  # no thanks or apology to answer
    "Thanks!",
])
def test_no_polite_opening_with_a_point(text: str) -> None:
    assert contrast_tail(text) is None


def test_the_point_after_thanks_reads_hotter_than_the_thanks() -> None:
    text = ("Thanks for finally sorting the refund, but honestly it shouldn't have taken three "
            "weeks and four phone calls.")
    reading = read(text)
    assert reading.temperature > read("Thanks for finally sorting the refund.").temperature
    assert "repeat_contact" in {s.kind for s in reading.signals}


@pytest.mark.parametrize("text", [
    "holy shit that was fast, thanks",
    "damn you guys are good, fixed in 10 minutes",
    "hell yes, refund landed this morning. cheers mate",
    "no fucking way, you actually found my lost parcel?? thank you!!",
])
def test_swearing_for_joy_is_no_escalation(text: str) -> None:
    reading = read(text)
    assert reading.dominant_emotion == "relief"
    assert reading.temperature <= 52.0
    assert "profanity" in {s.kind for s in reading.signals}  # still found, and masked


@pytest.mark.parametrize("text", [
    "yeah fuck you too okay",
    "Thank you for downloading #iTunes So, where's the download?! #frustrated",
    "What the hell is a dm 5-10 days to get money back bank account now overdrawn thanks guys",
])
def test_swearing_at_someone_or_beside_a_grievance_is_no_joy(text: str) -> None:
    assert not joyful(text)


@pytest.mark.parametrize("text", [
    "shit, sorry, I gave you the wrong order number, it's 88213 not 88231",
    "damn, I forgot to attach the receipt, here it is",
])
def test_swearing_at_ones_own_slip_is_mild(text: str) -> None:
    assert read(text).temperature <= 52.0


@pytest.mark.parametrize("text", [
    "Hmm, I entered the code but nothing happened. Am I doing something wrong?",
    "The app says 'error 0x80070005'. No idea what that means, can you help?",
    "My husband died in January and the account is in his name. What documents do you need "
    "to transfer it to me?",
])
def test_a_confused_customer_is_at_most_warm(text: str) -> None:
    assert read(text).temperature <= 55.0


def test_a_confused_complaint_is_not_capped() -> None:
    # Angry "why" questions read confusion on top; they are complaints, not confusion.
    text = ("I really can't figure out why you charged a Unicom online fee. I didn't use it at "
            "all. I didn't receive any short message.")
    assert read(text).temperature > 55.0


@pytest.mark.parametrize("text", [
    "My husband died in January and the account is in his name.",
    "I'm deaf, so please reply by text or email rather than calling.",
    "I use a wheelchair, so please make sure the engineer knows the entrance is round the back.",
])
def test_vulnerability_is_reported_in_a_calm_message_without_making_it_hot(text: str) -> None:
    reading = read(text)
    assert "vulnerability" in {s.kind for s in reading.signals}
    assert reading.temperature < 58.0


def test_a_vulnerable_customer_with_a_problem_is_worried() -> None:
    reading = read("You've double-booked my holiday cottage, we've got nowhere to stay!")
    assert reading.dominant_emotion == "anxiety"
    assert reading.temperature >= 58.0


@pytest.mark.parametrize(("text", "emotion", "at_least"), [
    ("I've had enough of this company!", "anger", 65.0),
    ("I've got a newborn and the heating is off, I'm a bit panicked", "anxiety", 65.0),
])
def test_more_named_feelings(text: str, emotion: str, at_least: float) -> None:
    reading = read(text)
    assert reading.dominant_emotion == emotion and reading.temperature >= at_least


@pytest.mark.parametrize("text", ["I've had it for two years and it's fine.",
                                  "I have enough storage, thanks."])
def test_no_named_feeling(text: str) -> None:
    assert read(text).temperature < 50.0


@pytest.mark.parametrize("text", [
    "Sort it out NOW", "I want my money back NOW.", "Fix it. Today.",
    "I want a refund immediately", "Give me my money back today", "Send me the code now",
])
def test_an_order_to_put_it_right_at_once_reads_hot_and_frustrated(text: str) -> None:
    reading = read(text)
    assert reading.temperature >= 60.0, text
    assert max(reading.emotions, key=reading.emotions.__getitem__) == "frustration", text


@pytest.mark.parametrize("text", [
    "Could you sort it out today please?", "Please fix it today, thanks",
    "I want it delivered today if possible", "Can you send me the invoice today?",
    "I fixed it myself today", "I want to go home now", "We sorted it out now, thanks",
])
def test_a_request_or_a_report_is_no_order(text: str) -> None:
    assert demanded(text) is None, text
    assert read(text).temperature < 45.0, text


@pytest.mark.parametrize("text", [
    "Fine, but they'd better turn up this time.", "This better be fixed by Friday.",
    "You'd better not let me down again.", "It better arrive tomorrow.",
    "Ok, but this is your last chance.", "I'd better get a refund for this.",
    "Sort this out or else.", "@SpotifyCares You better not be late!",
])
def test_an_ultimatum_reads_warm_and_frustrated(text: str) -> None:
    reading = read(text)
    assert reading.temperature >= 60.0, text
    assert max(reading.emotions, key=reading.emotions.__getitem__) == "frustration", text


@pytest.mark.parametrize("text", [
    "You better believe it, best service ever!", "I'd better go now, thanks for the help.",
    "I'd better get going, thanks.", "It's better to call in the morning, isn't it?",
    "Thanks, that's much better now.",
    "The last chance to buy was yesterday, so I missed the sale.",
])
def test_better_and_last_chance_without_an_ultimatum(text: str) -> None:
    assert demanded(text) is None, text
    assert read(text).temperature < 45.0, text
