"""Suggestions (D36): the plan's object when the customer names several things, a
pushback on our last answer said back instead of the complaint it answers, and no
misspelt words said back. Each rule is tested both ways, with sentences of its own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kettle.analysis import suggest
from kettle.analysis.conversation import as_turns
from kettle.analysis.suggest_plan import plan_action
from kettle.analysis.suggest_pushback import pushback
from kettle.analysis.suggest_spelling import misspelt, typos
from kettle.analysis.suggestions import topic

NOW = datetime(2026, 12, 8, 10, tzinfo=UTC)  # a Tuesday


def _kinds(turns: list[dict[str, str]]) -> dict[str, str]:
    return {s.kind: s.text for s in suggest(turns, now=NOW, tz="UTC")}


# --- several things named: a bill put right is about the charge they name -----------------

@pytest.mark.parametrize(("said", "action"), [
    ("The engineer came a day late and then you billed me a £60 call-out fee for it.",
     "get the £60 call-out fee put right"),
    ("My parcel was late again and I was charged twice for the delivery.",
     "get the double charge put right"),
    ("The tickets were for the wrong date, and you took the booking fee anyway.",
     "get the booking fee put right"),
])
def test_a_bill_put_right_names_the_charge(said: str, action: str) -> None:
    assert plan_action(said, topic(as_turns([{"role": "customer", "text": said}])), said) == action


def test_a_charge_not_named_leaves_the_topic() -> None:
    said = "You overcharged me for my broadband this month."
    assert plan_action(said, "your broadband", said) == "get your broadband put right"


@pytest.mark.parametrize("said", [
    "The flight was delayed six hours and the seats were broken. I'd like a partial refund.",
    "The van turned up late and scratched my floor. I want the delivery charge refunded.",
])
def test_a_refund_asked_for_is_the_plan_and_keeps_the_case_open(said: str) -> None:
    got = _kinds([{"role": "customer", "text": said}])
    assert "refund" in got["plan"]
    assert "closing" not in got


def test_a_plain_question_about_refunds_is_no_refund_request() -> None:
    got = _kinds([{"role": "customer", "text": "What is your refund policy for sale items?"}])
    assert "refund request" not in got.get("plan", "")


# --- pushback on our last answer -------------------------------------------------------------

ANSWERED = [{"role": "customer", "text": "I was charged twice for my phone bill in March."},
            {"role": "agent", "text": "I'm sorry. I've refunded the second payment; it will "
                                      "reach you in 3 to 5 days."}]


@pytest.mark.parametrize(("said", "kept"), [
    ("No, the refund still hasn't come through and it's been ten days.",
     "the refund still hasn't come through"),
    ("That's not what I asked. I want to know why it happened.", "I want to know why"),
    ("That is not good enough! I need the money back by Friday.", "I need the money back"),
    ("I don't want a voucher, I want my money back.", "I want my money back"),
    ("The bill isn't the point. Your staff were rude to me on the phone.",
     "Your staff were rude"),
])
def test_the_pushback_is_what_is_kept(said: str, kept: str) -> None:
    rest = pushback(as_turns([*ANSWERED, {"role": "customer", "text": said}]))
    assert rest.startswith(kept)


@pytest.mark.parametrize("said", [
    "No problem, thanks for sorting it.",
    "Thanks, that's great.",
    "Nope.",
])
def test_thanks_and_bare_words_are_no_pushback(said: str) -> None:
    assert pushback(as_turns([*ANSWERED, {"role": "customer", "text": said}])) == ""


def test_a_first_message_is_no_pushback() -> None:
    assert pushback(as_turns([{"role": "customer", "text": "No, the app still crashes."}])) == ""


def test_the_reflection_and_plan_follow_the_pushback() -> None:
    got = _kinds([*ANSWERED, {"role": "customer",
                              "text": "No, the refund still hasn't come through and it's been "
                                      "ten days."}])
    assert "refund still hasn't come through" in got["reflection"]
    assert "charged twice" not in got["reflection"]
    assert "the refund" in got["plan"]


def test_without_pushback_the_opening_complaint_is_still_the_topic() -> None:
    turns = [*ANSWERED, {"role": "customer", "text": "It's been ten days and I still have "
                                                    "nothing back."}]
    assert topic(as_turns(turns)) != "this"


# --- misspelt words are not said back --------------------------------------------------------

@pytest.mark.parametrize("word", ["teh", "parcle", "delivred", "acount", "recieved", "yestarday",
                                  "cant", "didnt"])
def test_slips_look_misspelt(word: str) -> None:
    assert misspelt(word)


@pytest.mark.parametrize("word", ["parcel", "delivered", "refunded", "radiator", "thermostat",
                                  "router", "chargers", "unblocked", "replies", "Tesco", "LHR"])
def test_real_words_and_names_do_not(word: str) -> None:
    assert not misspelt(word)


def test_typos_are_the_words_as_written() -> None:
    assert typos("my pakage was delivred to LHR yesterday") == {"pakage", "delivred"}


def test_a_typo_heavy_message_is_not_echoed() -> None:
    said = "i payed for nxt day delivry and my pakage still hasnt come, its a birthday present"
    got = _kinds([{"role": "customer", "text": said}])
    for word in ("delivry", "pakage", "hasnt", "nxt"):
        assert word not in got["reflection"] and word not in got["plan"]
    assert got["reflection"].startswith("It sounds like")


def test_a_clean_message_is_still_said_back() -> None:
    said = "My package still hasn't arrived and it's a birthday present for tomorrow."
    got = _kinds([{"role": "customer", "text": said}])
    assert "package still hasn't arrived" in got["reflection"]


# --- held-out misses, fixed generally ----------------------------------------------------

def test_an_explanation_of_why_is_a_why_question() -> None:
    said = "I would like an explanation of why my gas supply was switched off without notice."
    got = _kinds([{"role": "customer", "text": said}])
    assert "why your gas supply was switched off" in got["plan"]
    assert "explain" in got["plan"]


@pytest.mark.parametrize(("said", "expected"), [
    ("I cancelled two months ago and I still have no refund.", "your refund"),
    ("We've had no heating since Friday.", "your heating"),
    ("I have no idea what is going on.", "this"),
    ("I had no choice but to pay it.", "this"),
])
def test_a_thing_they_have_none_of_is_the_topic(said: str, expected: str) -> None:
    assert topic(as_turns([{"role": "customer", "text": said}])) == expected


@pytest.mark.parametrize(("latest", "about", "plan"), [
    ("Thanks, the curtains came. Sadly one of them is the wrong size.", "the curtains",
     "the curtains exchanged for the right one"),
    ("Thanks, the curtains came. But the curtain rail is missing.", "the curtain rail",
     "track down the curtain rail"),
])
def test_a_new_problem_after_what_just_came(latest: str, about: str, plan: str) -> None:
    turns = [{"role": "customer", "text": "My curtains never arrived."},
             {"role": "agent", "text": "Sorry about that, they are on their way today."},
             {"role": "customer", "text": latest}]
    assert topic(as_turns(turns)) == about
    assert plan in _kinds(turns)["plan"]


# --- what they ask to have done is the plan ---------------------------------------------

@pytest.mark.parametrize(("said", "plan"), [
    ("The plumber turned up late, made a mess and the tap still drips. I just want the tap "
     "fixed.", "I will get the tap fixed"),
    ("My flight was delayed eight hours and my suitcase is missing. Where is my suitcase?",
     "I will track down your suitcase"),
    ("The fitter was rude and left dust everywhere. I'd like my old carpet collected.",
     "I will get your old carpet collected"),
])
def test_what_they_ask_to_have_done_is_the_plan(said: str, plan: str) -> None:
    assert _kinds([{"role": "customer", "text": said}])["plan"].startswith(plan)


@pytest.mark.parametrize("said", [
    "the courier was late and i want my pakage delivered today",
    "I want the engineer's name, that's all.",
    "Where is your nearest branch?",
    "I need the tap to stop dripping before the weekend.",
])
def test_no_thing_asked_done_leaves_the_plan_to_the_rest(said: str) -> None:
    plan = _kinds([{"role": "customer", "text": said}])["plan"]
    assert not plan.startswith(("I will get the engineer", "I will track down your nearest",
                                "I will get the tap to", "I will get your pakage"))


# --- 2026-12-08: what was promised is the topic; the bank they turn to is not ----------------

def test_a_promised_thing_is_the_topic_not_the_bank_the_customer_turns_to() -> None:
    turns = [
        {"role": "customer", "text": "I was promised a refund by Friday. It's Tuesday. "
                                     "Where is my money?"},
        {"role": "agent", "text": "Our records show the refund was processed."},
        {"role": "customer", "text": "That's not what I was told. Forget it, I'll dispute it "
                                     "with my bank."},
    ]
    assert topic(as_turns(turns)) == "your refund"
    kinds = _kinds(turns)
    assert "your refund" in kinds["plan"] and "bank" not in kinds["plan"]
    # The clause said back starts in lower case after "because" ("That's" -> "that's").
    assert "because that's not what you were told" in kinds["reflection"]


@pytest.mark.parametrize(("said", "expected"), [
    ("My bank account was charged twice for one order.", "your bank account"),
    ("We were promised a replacement boiler last month and nothing has happened.",
     "your replacement"),
])
def test_the_bank_account_and_a_promised_thing_stay_topics(said: str, expected: str) -> None:
    assert topic(as_turns([{"role": "customer", "text": said}])) == expected


@pytest.mark.parametrize("said", [
    "Forget it, I'll dispute it with my bank.",
    "I was promised a call back yesterday and nobody rang.",
])
def test_the_bank_alone_and_a_promised_call_are_not_topics(said: str) -> None:
    assert topic(as_turns([{"role": "customer", "text": said}])) not in (
        "your bank", "your call")
