"""False alarms on ordinary, calm traffic found by a blind probe of 200 items (D29, second
round): calm conversations left in "venting", kept promises read overdue, good news about a
policy blocked, calm replies asked for a plan, swearing and slips read hot."""

from __future__ import annotations

import pytest

from kettle.analysis import check, read, track

CALM_ENDINGS = [
    # A calm question from a vulnerable customer, answered and thanked.
    [("customer", "I use a wheelchair. Does the King Street store have step-free access?"),
     ("agent", "Yes, the King Street store has step-free access at the main entrance."),
     ("customer", "That's great to know, thank you.")],
    # What was asked, done, then thanks.
    [("customer", "Oh crap, I ordered two by mistake. Can I cancel one?"),
     ("agent", "Easily done! I've cancelled the second one, and the refund will show in 3 to 5 "
               "days."),
     ("customer", "Phew, thanks so much.")],
    # A plan carried out before the customer wrote again.
    [("customer", "Could you email me the invoice for order 3301?"),
     ("agent", "Sure, I'll email it to you within the next 15 minutes."),
     ("agent", "That's sent now - it should be in your inbox."),
     ("customer", "Got it, thank you!")],
    # An outbound check answered "all fine".
    [("agent", "Hello, following up on your boiler service yesterday. Is everything running as "
               "it should?"),
     ("customer", "Yes, all fine. The engineer was lovely.")],
    # Swearing for joy is no grievance.
    [("customer", "Damn, you lot are quick! Order arrived this morning. Can I order another "
                  "for my brother?"),
     ("agent", "Ha, glad it got there fast! Yes, just place a new order and add his address."),
     ("customer", "Done, thanks mate.")],
]


@pytest.mark.parametrize("story", CALM_ENDINGS)
def test_calm_conversations_that_end_well_are_closed(story: list[tuple[str, str]]) -> None:
    result = track([{"role": r, "text": t} for r, t in story])
    assert result.stage in ("resolved", "followed_up")
    assert result.risk < 0.2


def test_thanks_for_a_step_on_the_way_is_not_a_resolution() -> None:
    story = [{"role": "customer", "text": "The movers never showed up!"},
             {"role": "agent", "text": "I'm so sorry. I've escalated it to the depot manager."},
             {"role": "customer", "text": "Ok thanks."}]
    assert track(story).stage == "in_progress"


def test_a_return_sooner_than_ten_minutes_keeps_a_ten_minute_promise() -> None:
    story = [
        {"role": "customer", "text": "Hi, any update on my refund?",
         "sent_at": "2025-06-11T09:00:00+01:00"},
        {"role": "agent", "text": "Let me check. I'll come back to you within 10 minutes.",
         "sent_at": "2025-06-11T09:01:00+01:00"},
        {"role": "agent", "text": "Your refund of £24.50 was processed this morning.",
         "sent_at": "2025-06-11T09:07:00+01:00"},
        {"role": "customer", "text": "Great, thanks for checking!",
         "sent_at": "2025-06-11T09:08:00+01:00"},
    ]
    result = track(story, tz="Europe/London")
    assert all(p.action != "come back to you" for p in result.open_promises)


CALM = [{"role": "customer", "text": "Do you charge for returns?"}]


@pytest.mark.parametrize(("reply", "flagged"), [
    ("No, returns are free under our policy. Just use the prepaid label in the box.", False),
    ("Under our policy you're entitled to a full refund, so I've done it.", False),
    ("It's against our policy to refund opened items.", True),
    ("Under our policy we can't refund that.", True),
])
def test_good_news_under_a_policy_is_no_shield(reply: str, flagged: bool) -> None:
    found = {f.name for f in check(reply, conversation=CALM).anti_patterns}
    assert ("policy_shield" in found) is flagged


@pytest.mark.parametrize(("customer", "reply"), [
    ("Hi, I'm calling about my direct debit.",
     "Thanks for calling, you're through to Anna. Bear with me one second while I pull up "
     "your account."),
    ("I need to change my address and also ask about a bill.",
     "No problem, let's do the address first and then the bill. What's the new address?"),
    ("Sorry for all the questions!", "Not at all, ask as many as you like."),
    ("That's all sorted now, thanks!",
     "Great, glad that's sorted. Is there anything else I can help with today?"),
])
def test_calm_replies_are_sent(customer: str, reply: str) -> None:
    assert check(reply, conversation=[{"role": "customer", "text": customer}]).verdict == "send"


def test_a_problem_still_asks_for_a_plan() -> None:
    review = check("Let me look.", conversation=[
        {"role": "customer", "text": "My parcel hasn't arrived, it was due yesterday."}])
    assert review.verdict == "improve"


@pytest.mark.parametrize("text", [
    "Oh crap, I've just realised I ordered two. My fault entirely! Can I send one back?",
    "Hell of a week here, lol. Anyway, can you remind me when my contract ends?",
    "Sorry, typo - I meant order 1187, not 1178!",
    "Ignore my last message, wrong email address. It's jo.smith@example.com.",
    "Thanks for the quick reply, but I think I might have given you the wrong postcode.",
    "Hello?? Sorry, not sure if this is working. Do you deliver on Sundays?",
])
def test_calm_messages_read_at_most_warm(text: str) -> None:
    assert read(text).temperature <= 55.0


def test_a_pet_that_died_is_a_bereavement() -> None:
    reading = read("Our family dog died last week, so we won't need the monthly food delivery "
                   "any more. Can you stop it please?")
    assert "vulnerability" in {s.kind for s in reading.signals}
    assert reading.temperature < 70.0


# The D29 review: rules that misfired on ordinary text, each checked both ways.
@pytest.mark.parametrize("text", [
    "Really impressed how you managed to get it here in a day, thank you!",
    "Excellent customer service - never had a problem with you lot.",
    "Loving being back with you guys, never going anywhere else again!",
])
def test_praise_is_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in {s.kind for s in read(text).signals}
    assert read(text).temperature < 55.0


@pytest.mark.parametrize("text", [
    "You lot are bloody useless with refunds. Six weeks and counting.",
    "This has been one hell of a nightmare, three weeks without heating.",
    "Correction: you charged me 90 pounds, not 9. I'm furious.",
])
def test_complaints_with_an_idiom_or_a_correction_stay_hot(text: str) -> None:
    assert read(text).temperature >= 70.0


@pytest.mark.parametrize("text", [
    "My son passed his driving test, so please add him to the policy.",
    "I'm 72 hours without internet.",
    "I'm 80 in the queue.",
    "Can I invest in a fixed income fund with you?",
])
def test_no_vulnerability_in_numbers_and_passing(text: str) -> None:
    assert "vulnerability" not in {s.kind for s in read(text).signals}


@pytest.mark.parametrize("text", [
    "My flight is tomorrow, can I add a bag? Thanks for your help",
    "Could you help me move my payment date to Friday?",
])
def test_a_routine_question_about_an_event_is_not_at_stake(text: str) -> None:
    assert read(text).dominant_emotion != "anxiety"


def test_a_settled_point_after_thanks_is_not_a_grievance() -> None:
    text = "Thanks so much, but I've already sorted it myself - no need to call!"
    assert read(text).temperature < 60.0


@pytest.mark.parametrize("reply", [
    "that isn't covered under our policy",
    "You're not entitled to a refund under our policy.",
])
def test_a_refusal_under_a_policy_is_still_a_shield(reply: str) -> None:
    found = {f.name for f in check(reply, conversation=CALM).anti_patterns}
    assert "policy_shield" in found


@pytest.mark.parametrize("answer", ["Yes I'm home all day Friday, thanks",
                                    "The router is working but the TV box is dead",
                                    "Yes, all fine apart from the bill"])
def test_a_partial_answer_does_not_close_the_case(answer: str) -> None:
    story = [{"role": "customer", "text": "My broadband and TV box have been down since "
                                          "yesterday and I work from home!"},
             {"role": "agent", "text": "I'm sorry. I've reset the line. Is everything working "
                                       "now?"},
             {"role": "customer", "text": answer}]
    assert track(story).stage not in ("resolved", "followed_up")
