"""The reply coach on short chat replies to a hot customer (2026-12-08): brush-offs, the
failure made ordinary, blame put outward, and a conversation closed before there is a plan.

Each rule is tested both ways, with sentences other than the blind set's
(tests/analysis/data/heldout_chat_replies.jsonl).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kettle.analysis import check
from tests.analysis.test_probe_email_replies import _probe_script

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Monday
HOT = [{"role": "customer", "text": "Your engineer didn't show up AGAIN. I took a day off "
        "work for this. Third time now!"}]


def _review(reply: str, conversation: list[dict[str, str]] | None = None):  # type: ignore[no-untyped-def]
    return check(reply, conversation=HOT if conversation is None else conversation,
                 now=NOW, tz="Europe/London")


def _names(reply: str) -> set[str]:
    return {f.name for f in _review(reply).anti_patterns}


# The three replies of the task, each with the verdict it must get.
def test_a_brush_off_is_a_runaround_and_not_sent() -> None:
    review = _review("I'm not sure what you want me to do about it.")
    assert review.verdict == "dont_send"
    assert "policy_shield" in {f.name for f in review.anti_patterns}


def test_mistakes_happen_out_of_our_control_is_a_brush_off() -> None:
    review = _review("Mistakes happen. These things are out of our control.")
    assert review.verdict == "dont_send"
    assert review.reason.startswith("brush-off: ")
    assert {"minimising", "defensiveness"} <= {f.name for f in review.anti_patterns}


def test_sorry_and_anything_else_with_no_plan_is_a_premature_close() -> None:
    review = _review("Sorry about that. Is there anything else I can help with?")
    assert review.verdict == "improve"
    assert "plan" in review.missing
    assert review.reason == "missing plan"


FLAGGED = [
    # The brush-off: "not my problem", with nothing offered.
    ("policy_shield", "Honestly, I don't really know what you expect us to do."),
    ("policy_shield", "Not sure what else you'd like me to do here."),
    ("policy_shield", "What do you want me to do about it?"),
    ("policy_shield", "There's nothing anyone can do about it."),
    ("policy_shield", "Cancellations take 10 days, as it says in the booking terms."),
    ("policy_shield", "Please allow 72 hours before chasing us."),
    ("policy_shield", "That's simply how our booking systems operate."),
    # Blame put outward, the system defended.
    ("defensiveness", "The strikes were completely out of our hands."),
    ("defensiveness", "It was the driver's fault, not ours."),
    ("defensiveness", "That will be the warehouse's fault."),
    ("defensiveness", "The fraud filter was just doing its job."),
    ("defensiveness", "They're only there to protect you."),
    # Buck passed in chat words.
    ("passing_the_buck", "Not my department, I'm afraid."),
    ("passing_the_buck", "You'll need to phone the billing line."),
    # The failure made ordinary.
    ("minimising", "Errors do happen."),
    ("minimising", "Deliveries get delayed from time to time."),
    ("minimising", "Oh, it happens."),
    ("minimising", "Cancellations are part and parcel of air travel."),
    ("minimising", "These outages are pretty common in winter."),
    ("minimising", "Other customers were also affected, so you're not the only one."),
    ("minimising", "You're not the only customer affected."),
]


@pytest.mark.parametrize(("name", "sentence"), FLAGGED)
def test_chat_anti_patterns_are_found(name: str, sentence: str) -> None:
    assert name in _names(sentence)


NOT_FLAGGED = [
    "I'm sorry, I'm not sure what you'd like me to do first: would you prefer a refund or a "
    "new date?",
    "What would you like me to do first, the refund or the new booking?",
    "Nothing anyone can do about the weather, but I've rebooked you on the 6pm flight.",
    "As it says in our terms, you're entitled to a full refund, so I've issued it.",
    "Please allow 48 hours for the trace, and I'll message you by 5pm Wednesday.",
    "These delays are out of your control, so I'll waive the fee.",
    "I know it feels completely out of your control.",
    "It's not out of our hands at all: I'll sort it myself.",
    "It was our driver's fault and I'm sorry.",
    "The block is there to protect you, but it shouldn't have stopped you and I've lifted it.",
    "A mistake like this should never happen, and I'm sorry it did.",
    "I'll make sure mistakes like this don't happen again.",
    "If mistakes happen on our side, we put them right.",
    "Mistakes happen, but that's no excuse and I'm sorry.",
    "Parcels shouldn't go missing, and I'm sorry this one did.",
    "Tell me what happens when you restart it.",
    "You're not the only one who feels this way about it, and you're right to.",
    "Checking your ID is part of the process for new accounts.",
    # Real supportive turns the first draft flagged (scripts/detections.py compare).
    "Mistakes happen, they are unavoidable, and your manager should know this.",
    "Both of these problems are very common for new mothers.",
    "Not my area of practice, but I think the court would look at the evidence.",
    "Delays like this are not normal, and I've escalated it.",
    "You'll need to call the number on the back of your card to unblock it, and I'll call "
    "you back in ten minutes to check it worked.",
]


@pytest.mark.parametrize("sentence", NOT_FLAGGED)
def test_near_misses_are_not_flagged(sentence: str) -> None:
    assert not _names(sentence) & {"policy_shield", "defensiveness", "passing_the_buck",
                                   "minimising"}


@pytest.mark.parametrize("reply", [
    "Outages happen.",
    "Not really my department, sorry. You'll have to ring the emergency line.",
    "These things happen with trains, it's out of our hands.",
    "Lots of customers were also affected, so you're not the only one.",
])
def test_nothing_but_a_dismissal_is_not_sent(reply: str) -> None:
    review = _review(reply)
    assert review.verdict == "dont_send"
    assert review.reason.startswith("brush-off: ")


@pytest.mark.parametrize("reply", [
    # Something on the customer's side, or something done, beside the dismissal (D32).
    "I'm so sorry you lost another day. Delays do happen, but I've booked the first slot "
    "tomorrow.",
    "I'm really sorry about this. These things happen, and I'll call you by 4pm today with a "
    "new date.",
    "That must be so frustrating. It's out of our hands, the engineers are contractors, so "
    "I'll chase them myself and message you by 3pm.",
    "I'm sorry we let you down again. Accidents happen, but I want to put this right.",
    # A sorry before the dismissal, a question or a suggestion engages the customer.
    "Sorry, these things happen. Just try again later.",
    "I am sorry to hear that, but failing one class is not the end of the world.",
    "To be fair, it is a lot. What do you think your husband will say?",
    # The agent's own story is not a brush-off (an ESConv supporter's).
    "I had the same issue with my friends as well.",
])
def test_a_dismissal_beside_help_only_asks_to_improve(reply: str) -> None:
    assert _review(reply).verdict != "dont_send"


def test_no_brush_off_without_a_conversation() -> None:
    # Alone (no customer turn), the reply is judged by its findings as before.
    assert check("Outages happen.").verdict == "improve"


@pytest.mark.parametrize("reply", [
    "Sorry to hear that! Have a great day.",
    "Thanks for letting us know. Hope the rest of your day goes better.",
    "OK. Anything else?",
    "I understand. Is there anything else I can help you with today?",
])
def test_closing_on_an_open_problem_misses_the_plan(reply: str) -> None:
    # The customer is hot here; a goodbye to a customer who has calmed down is let be
    # (ESConv supporters close so after a long talk).
    review = _review(reply)
    assert "plan" in review.missing
    assert review.verdict == "improve"


@pytest.mark.parametrize(("reply", "conversation"), [
    ("I'm really sorry. I've rebooked the engineer for 8am tomorrow. Is there anything else "
     "I can help with?", None),
    ("Is there anything else I can help with while I book the engineer for 8am tomorrow?", None),
    ("I'm sorry. I'll call you by 5pm today with a new date. Have a good evening.", None),
    ("You're welcome, have a lovely evening!",
     [{"role": "customer", "text": "No, that's all, thanks. Bye."}]),
    ("Our Leeds store closes at 6pm on Saturdays. Anything else I can help with?",
     [{"role": "customer", "text": "What time does the Leeds store close on Saturday?"}]),
    ("Is there anything else I can help you with today?",
     [{"role": "customer", "text": "I think I'll reach out to HR tomorrow for some help."}]),
])
def test_closing_after_a_plan_or_a_goodbye_is_fine(
        reply: str, conversation: list[dict[str, str]] | None) -> None:
    review = _review(reply, conversation)
    assert "plan" not in review.missing


def test_a_feeling_guess_about_a_shock_is_empathy() -> None:
    review = _review("That must have been a horrible shock. I'll call you by 2pm today.")
    assert "empathy" in {f.name for f in review.techniques}


#: The blind set's figures at the end of the change (before it: 33, 13, 2 of 53, 27, 26).
FINAL = {"verdict_right": 46, "flawed_caught": 22, "good_flagged": 1}


def test_the_blind_chat_set_scores_at_least_what_it_ended_with() -> None:
    figures = _probe_script().measure(ROOT / "tests" / "analysis" / "data"
                                      / "heldout_chat_replies.jsonl")
    assert figures["items"] == 53
    assert figures["verdict_right"] >= FINAL["verdict_right"]
    assert figures["flawed_caught"] >= FINAL["flawed_caught"]
    assert figures["good_flagged"] <= FINAL["good_flagged"]
