"""The reply coach as a whole: spans, acts, verdicts, advice, missing techniques, errors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kettle.analysis.advice import apply_rewrites
from kettle.analysis.coach import check
from kettle.analysis.types import ACTS, ANTI_PATTERNS, TECHNIQUES, Turn
from kettle.errors import EmptyText, InvalidConversation, TextTooLong

HOT = [
    {
        "role": "customer",
        "text": "This is the THIRD time I'm calling about this!!! Your company is useless "
        "and I am absolutely furious!",
    }
]
CALM = [{"role": "customer", "text": "Hi, I'd like to check on the status of my delivery."}]
RESOLVED = [
    {"role": "customer", "text": "My sofa arrived with a torn cushion."},
    {"role": "agent", "text": "I'm so sorry. I will send a new cushion by Friday."},
    {"role": "customer", "text": "It came this morning and it's perfect, thanks for sorting it."},
]

REPLIES = [
    "I'm really sorry to hear that. Can you tell me exactly what happened?",
    "I can understand your frustration. Let me be the one to help you.",
    "That's strange, that has never happened before. Are you sure that's what happened?",
    "Calm down. It's not our policy to refund opened items, whose fault is this?",
    "OK, I see.\n\nI will call the depot now and call you back by 5 pm today. Thanks!",
    "You people never read the RMA instructions... as I already explained.",
    "  Leading spaces, then a question: what happened?  ",
    "I\u2019m really sorry to hear that. That\u2019s strange, it\u2019s never happened before.",
]


@pytest.mark.parametrize("reply", REPLIES)
def test_every_span_points_at_the_exact_characters(reply: str) -> None:
    review = check(reply, conversation=HOT)
    findings = review.techniques + review.anti_patterns
    assert findings
    for finding in findings:
        span = finding.span
        assert reply[span.start : span.end] == span.text, finding
        assert span.text.strip() == span.text and span.text
    for commitment in review.commitments:
        assert reply[commitment.span.start : commitment.span.end] == commitment.span.text


@pytest.mark.parametrize("reply", REPLIES)
def test_names_come_from_the_shared_vocabularies(reply: str) -> None:
    review = check(reply, conversation=HOT)
    assert {f.name for f in review.techniques} <= set(TECHNIQUES)
    assert {f.name for f in review.anti_patterns} <= set(ANTI_PATTERNS)
    assert review.acts and set(review.acts) <= set(ACTS)


def test_curly_apostrophes_match_like_straight_ones() -> None:
    review = check("I\u2019m sorry. That\u2019s strange, are you sure?")
    assert {"apology"} <= {f.name for f in review.techniques}
    (doubt, *_) = review.anti_patterns
    assert doubt.name == "doubt" and doubt.span.text == "That\u2019s strange"


def test_step_two_anti_pattern_means_dont_send() -> None:
    review = check("That's strange, that has never happened before.", conversation=HOT)
    assert review.verdict == "dont_send"
    assert "doubt" in review.reason
    assert "I'm sorry this happened" in review.advice


def test_calm_down_is_dont_send_even_with_empathy() -> None:
    review = check("I understand your frustration, but please calm down.", conversation=HOT)
    assert review.verdict == "dont_send"
    assert "calm down" in review.reason


def test_milder_anti_pattern_means_improve() -> None:
    review = check("That's not my department.", conversation=CALM)
    assert review.verdict == "improve"
    assert "passing the buck" in review.reason


def test_good_reply_to_hot_customer_is_sent() -> None:
    review = check(
        "I can understand your frustration. Let me be the one to help you.", conversation=HOT
    )
    assert review.verdict == "send"
    assert review.anti_patterns == ()
    assert review.missing == ()


def test_hot_customer_without_empathy_is_missing_empathy() -> None:
    review = check("The parcel is at the depot.", conversation=HOT)
    assert review.verdict == "improve"
    assert "empathy" in review.missing
    assert "still hot" in review.advice
    assert "vent" in review.advice


def test_calmer_customer_gets_plan_advice() -> None:
    review = check("I can help you with that.", conversation=CALM)
    assert "calmer" in review.advice
    assert "by when" in review.advice


def test_plan_without_time_is_missing_a_concrete_time() -> None:
    review = check("I will call the depot and get back to you.", conversation=CALM)
    assert "concrete_time" in review.missing
    assert review.verdict == "improve"
    timed = check("I will call the depot now and call you back by 5 pm today.", conversation=CALM)
    assert "concrete_time" not in timed.missing
    assert timed.verdict == "send"


def test_a_calm_question_answered_needs_no_plan() -> None:
    asked = [{"role": "customer",
              "text": "Hi, what time does your Leeds store close on Saturdays?"}]
    answer = check("Our Leeds store closes at 6pm on Saturdays.", conversation=asked)
    assert answer.missing == () and answer.verdict == "send"
    complaint = [{"role": "customer", "text": "My parcel still hasn't arrived."}]
    bare = check("Our Leeds store closes at 6pm on Saturdays.", conversation=complaint)
    assert "plan" in bare.missing


def test_a_question_after_thanks_is_not_resolved() -> None:
    conversation = [*HOT, {"role": "agent", "text": "I'm so sorry, that must be infuriating."},
                    {"role": "customer", "text": "OK. Thank you. What do you need from me?"}]
    # Sent in the morning: "by 1pm today" is still ahead (the test had read the wall clock).
    review = check("Just your order number, please, and I'll ring you back by 1pm today.",
                   conversation=conversation, now=datetime(2026, 3, 4, 10, 0, tzinfo=UTC))
    assert "thanks" not in review.missing and "resolved" not in review.advice
    assert review.verdict == "send"


def test_welcome_answers_thanks() -> None:
    review = check("You're welcome – have a lovely day too!", conversation=RESOLVED)
    assert "thanks" not in review.missing and review.verdict == "send"


def test_resolved_customer_gets_follow_up_advice_and_thanks() -> None:
    without = check("Great, glad it arrived.", conversation=RESOLVED)
    assert "resolved" in without.advice
    assert "thanks" in without.missing
    thanked = check("Thank you for letting us know, I'm glad it arrived.", conversation=RESOLVED)
    assert "thanks" not in thanked.missing


def test_acts_follow_the_strongest_technique() -> None:
    assert check("What happened when the driver arrived?").acts == ("question",)
    assert check("You could try restarting the router first.").acts == ("suggestion",)
    assert check("I'm so sorry about the mix-up.").acts == ("affirmation",)
    assert check("I'm so sorry, that must be really hard.").acts[0] == "reflection"
    assert check("You sound really worried about the inspection.").acts == ("reflection",)
    assert check("ok").acts == ("other",)
    mirrored = check(
        "So you're saying the driver left the fridge outside?",
        conversation=[{"role": "customer", "text": "The driver left the fridge outside."}],
    )
    assert mirrored.acts == ("restatement",)


def test_conversation_accepts_turn_objects() -> None:
    turns = [Turn(role="customer", text=HOT[0]["text"])]
    review = check("What is your order number?", conversation=turns)
    assert "premature_info_request" in {f.name for f in review.anti_patterns}


def test_apply_rewrites_replaces_offending_sentences_only() -> None:
    reply = "Thanks for waiting. Are you sure that's what happened? I will check now."
    review = check(reply)
    fixed = apply_rewrites(reply, review.anti_patterns)
    assert fixed.startswith("Thanks for waiting. ")
    assert fixed.endswith(" I will check now.")
    assert "Are you sure" not in fixed
    assert check(fixed).anti_patterns == ()


def test_commitments_are_reported_with_due_times() -> None:
    now = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    reply = "I will call you back by 5 pm today."
    review = check(reply, now=now, tz="Europe/Berlin")
    assert review.commitments
    (commitment,) = review.commitments
    assert commitment.due is not None
    assert commitment.due.hour == 17
    assert reply[commitment.span.start : commitment.span.end] == commitment.span.text
    assert "concrete_time" not in review.missing


def test_vague_promise_asks_for_a_concrete_time() -> None:
    now = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    review = check("I'll look into it soon.", now=now, tz="Europe/Berlin", conversation=CALM)
    assert any(c.due is None for c in review.commitments)
    assert "concrete_time" in review.missing
    assert review.verdict == "improve"
    assert "has no time" in review.advice


@pytest.mark.parametrize("reply, phrase", [
    ("I'll call you back by 3 pm today.", "by 3 pm today"),
    ("I will email you the label this morning.", "this morning"),
])
def test_a_promised_time_already_past_asks_for_a_time_ahead(reply: str, phrase: str) -> None:
    late = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    review = check(reply, now=late, tz="Europe/London", conversation=CALM)
    assert review.commitments[0].due is not None and review.commitments[0].due < late
    assert "concrete_time" not in review.missing  # said, but wrongly
    assert review.verdict == "improve"
    assert review.reason == f"the promised time has passed: \u201c{phrase}\u201d"
    assert "is already past" in review.advice and "Give a concrete time" not in review.advice


def test_an_action_already_done_needs_no_time() -> None:
    done = check("I've refunded the full order to your card just now.", conversation=CALM)
    assert "plan" in {f.name for f in done.techniques}
    assert "concrete_time" not in done.missing and done.verdict == "send"
    later = check("I will look into it and get back to you.", conversation=CALM)
    assert "concrete_time" in later.missing


@pytest.mark.parametrize("reply", [
    "I've added your reading to the account.",
    "I can send a replacement out today if you like.",
    "Would you like me to rebook you on the 6pm?",
])
def test_a_finished_action_or_an_offer_is_a_plan_that_needs_no_time(reply: str) -> None:
    calmer = [*HOT, {"role": "agent", "text": "I'm so sorry, that must be infuriating."},
              {"role": "customer", "text": "It is. So what are you going to do about it?"}]
    review = check(reply, conversation=calmer)
    assert "plan" in {f.name for f in review.techniques}
    assert review.missing == () and review.verdict == "send"
    vague = check("I can help you with that.", conversation=calmer)
    assert "plan" not in {f.name for f in vague.techniques}


def test_a_part_of_the_day_said_during_it_is_not_past() -> None:
    review = check("I'll call you back this afternoon.", conversation=CALM,
                   now=datetime(2026, 3, 27, 15, 10, tzinfo=UTC), tz="Europe/London")
    assert review.verdict == "send" and review.commitments[0].due is not None
    assert review.commitments[0].due.hour == 17


def test_the_same_promise_before_its_time_is_sent() -> None:
    early = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    review = check("I'll call you back by 3 pm today.", now=early, tz="Europe/London",
                   conversation=CALM)
    assert (review.verdict, review.missing) == ("send", ())
    assert "already past" not in review.advice


def test_to_dict_is_json_ready() -> None:
    data = check("Whose fault is this?", conversation=HOT).to_dict()
    assert data["verdict"] == "dont_send"
    assert data["anti_patterns"][0]["span"]["text"] == "Whose fault"
    assert data["anti_patterns"][0]["rewrite"]


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        ("", EmptyText),
        ("   \n ", EmptyText),
        ("x" * 30_000, TextTooLong),
        (42, InvalidConversation),
    ],
)
def test_bad_reply_is_a_kettle_error(reply: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        check(reply)  # type: ignore[arg-type]


def test_bad_conversation_is_a_kettle_error() -> None:
    with pytest.raises(InvalidConversation):
        check("Hello", conversation=[{"role": "robot", "text": "hi"}])
    with pytest.raises(InvalidConversation):
        check("Hello", conversation="customer: hi")  # type: ignore[arg-type]


@pytest.mark.parametrize(("said", "reply"), [
    ("How do I change my direct debit date?",
     "We'll cancel the old direct debit and set up the new one automatically."),
    ("How do I change my direct debit date?", "You'll get a confirmation text shortly."),
    ("Thanks so much, that's sorted it!", "No worries at all, have a good one!"),
    ("Please cancel my free trial.",
     "All done - your trial is cancelled and you won't be charged. Thanks for giving us a try!"),
])
def test_good_replies_to_calm_customers_are_sent(said: str, reply: str) -> None:
    # 2026-12-07 probe: ordinary replies had been nagged for a time, thanks or a plan.
    review = check(reply, conversation=[{"role": "customer", "text": said}])
    assert review.verdict == "send" and review.missing == ()


def test_a_callback_still_needs_a_time_after_a_calm_question() -> None:
    asked = [{"role": "customer", "text": "Can you check where my order is?"}]
    review = check("Sure, I'll check and get back to you.", conversation=asked)
    assert "concrete_time" in review.missing
