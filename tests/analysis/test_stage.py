"""The stage tracker plays the method's stories turn by turn."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kettle.analysis.stage import MOVES, can_move, move, track
from kettle.analysis.stage_evidence import agent_evidence, customer_evidence, works_now
from kettle.analysis.types import STAGES, Turn
from kettle.errors import InvalidInput

MOVERS = [
    ("customer", "Your movers are two hours late! I needed the truck here by 1 pm because "
     "the inspection is at 4 and now I can't finish cleaning. This is a disaster!"),
    ("agent", "I'm really sorry. That must be so stressful."),
    ("customer", "It is! I have been waiting since noon and nobody answers the phone."),
    ("agent", "It sounds like that was extremely stressful, because you needed the truck there "
     "by 1 pm to finish cleaning before the inspection. Is that right?"),
    ("customer", "Yes, exactly."),
    ("agent", "I will call the driver now and call you back by 1:30 pm with an exact arrival "
     "time."),
    ("customer", "OK, thank you."),
    ("agent", "I've spoken with the driver: the truck is on its way and will be with you by "
     "2 pm."),
    ("customer", "The truck arrived, thanks."),
    ("agent", "I'm glad it arrived. Thank you for your patience and for giving us the chance "
     "to put this right."),
]
MOVERS_STAGES = [
    "venting", "acknowledged", "acknowledged", "acknowledged", "facts_confirmed",
    "facts_confirmed", "plan_agreed", "in_progress", "resolved", "followed_up",
]

COURIER = [
    ("customer", "I paid for EXPRESS shipping and my parcel is still not here!! It was "
     "supposed to arrive yesterday. What a joke."),
    ("agent", "I can understand your frustration. Let me be the one to help you."),
    ("customer", "I need those documents for a meeting on Friday morning."),
    ("agent", "So the express parcel with your documents should have arrived yesterday, and "
     "you need it before your meeting on Friday morning. Did I get that right?"),
    ("customer", "Yes, that's right."),
    ("agent", "I will call the depot now and call you back by 5 pm today."),
    ("customer", "Fine, please do."),
    ("agent", "I have called the depot: your parcel is on the van and will be with you by "
     "noon tomorrow."),
    ("customer", "Still not here and it's noon. This is the third time I'm chasing you. I "
     "want to speak to a manager!"),
    ("agent", "I'm so sorry, you shouldn't have to chase us. I have escalated it to our "
     "courier manager and I will call you back within the hour."),
    ("customer", "Ok. I'll wait."),
    ("agent", "Your parcel has been delivered to your reception at 12:40, and we have "
     "refunded the express fee."),
    ("customer", "Got it, thank you. That's great."),
    ("agent", "Just checking in: did everything arrive OK? Thank you for giving us the "
     "chance to put this right."),
]
COURIER_STAGES = [
    "venting", "acknowledged", "acknowledged", "acknowledged", "facts_confirmed",
    "facts_confirmed", "plan_agreed", "in_progress", "venting", "in_progress",
    "plan_agreed", "in_progress", "resolved", "followed_up",
]

SHOE = [
    ("customer", "You refused my return just because I threw away the shoe box? That's "
     "ridiculous, the shoes are unworn!"),
    ("agent", "I'm sorry to hear that. I can help you with that."),
    ("customer", "I just want my money back."),
    ("agent", "Just to confirm: you returned unworn shoes without the original box, and the "
     "return was refused?"),
    ("customer", "Correct."),
    ("agent", "I will make an exception and process your refund today; you'll get an email "
     "by 6 pm."),
    ("customer", "Thanks."),
    ("agent", "Your refund has been processed."),
    ("customer", "No, the money is still not in my account."),
]
SHOE_STAGES = [
    "venting", "acknowledged", "acknowledged", "acknowledged", "facts_confirmed",
    "facts_confirmed", "plan_agreed", "in_progress", "in_progress",
]


def _turns(story: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"role": role, "text": text} for role, text in story]


@pytest.mark.parametrize(
    ("story", "expected"),
    [(MOVERS, MOVERS_STAGES), (COURIER, COURIER_STAGES), (SHOE, SHOE_STAGES)],
    ids=["movers", "courier", "shoe"],
)
def test_stories_move_through_the_method_turn_by_turn(
    story: list[tuple[str, str]], expected: list[str]
) -> None:
    result = track(_turns(story))
    assert list(result.stages) == expected
    assert result.stage == expected[-1]


@pytest.mark.parametrize(
    ("story", "expected"),
    [(MOVERS, MOVERS_STAGES), (COURIER, COURIER_STAGES)],
    ids=["movers", "courier"],
)
def test_every_prefix_gives_the_same_stage_as_the_full_walk(
    story: list[tuple[str, str]], expected: list[str]
) -> None:
    for n in (1, 4, 7):
        assert track(_turns(story[:n])).stage == expected[n - 1]


def test_temperatures_one_per_customer_turn_and_cooling_in_the_movers_story() -> None:
    result = track(_turns(MOVERS))
    assert len(result.temperatures) == len(result.readings) == 5
    assert all(30.0 <= t <= 100.0 for t in result.temperatures)
    assert result.temperatures[0] > result.temperatures[-1] + 10


def test_next_move_follows_the_stage() -> None:
    assert "vent" in track(_turns(MOVERS[:1])).next_move.lower()
    assert "what you will do" in track(_turns(MOVERS[:5])).next_move.lower()
    assert "follow up" in track(_turns(MOVERS[:9])).next_move.lower()
    assert "feeling guess" in track(_turns(MOVERS[:2])).next_move.lower()


def test_hang_up_calls_for_a_call_back() -> None:
    turns = [*_turns(COURIER[:8]), {"role": "customer", "text": "Forget it, I'm hanging up."}]
    result = track(turns)
    assert "call them back" in result.next_move.lower()


def test_open_promise_until_reported_kept() -> None:
    sent = "2026-03-02T10:00:00+01:00"
    turns = [
        {"role": "customer", "text": "My heating is broken and it's freezing in here!"},
        {"role": "agent", "text": "I'm so sorry. I will book an engineer for you by 5 pm "
         "today.", "sent_at": sent},
        {"role": "customer", "text": "Ok, thanks."},
    ]
    result = track(turns, tz="Europe/Berlin")
    assert len(result.open_promises) == 1
    promise = result.open_promises[0]
    assert promise.due is not None
    assert promise.due.hour == 17
    kept = [*turns, {"role": "agent", "text": "I have booked an engineer: they will be with "
                     "you at 3 pm."}]
    assert track(kept, tz="Europe/Berlin").open_promises == ()


def test_overdue_promise_becomes_the_next_move() -> None:
    turns = [
        {"role": "customer", "text": "My heating is broken!"},
        {"role": "agent", "text": "I will book an engineer for you by 5 pm today.",
         "sent_at": "2026-03-02T10:00:00+00:00"},
    ]
    late = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    result = track(turns, tz="UTC", now=late)
    assert "overdue" in result.next_move


def test_risk_is_a_probability_and_higher_for_a_hotter_conversation() -> None:
    calm = track([{"role": "customer", "text": "Hi, could you tell me when my order ships?"}])
    hot = track(_turns(COURIER[:9]))
    assert 0.0 <= calm.risk < hot.risk <= 1.0


def test_the_move_table_covers_every_stage_and_rejects_bad_moves() -> None:
    assert set(MOVES) == set(STAGES)
    assert all(to in STAGES for targets in MOVES.values() for to in targets)
    assert can_move("venting", "acknowledged")
    assert not can_move("followed_up", "plan_agreed")
    assert move("resolved", "followed_up") == "followed_up"
    with pytest.raises(InvalidInput, match="cannot move"):
        move("followed_up", "facts_confirmed")
    with pytest.raises(InvalidInput, match="unknown stage"):
        move("boiling", "venting")


def test_every_stage_can_be_reheated_back_to_venting() -> None:
    assert all(can_move(stage, "venting") for stage in STAGES if stage != "venting")


def test_empty_and_bad_conversations() -> None:
    empty = track([])
    assert empty.stage == "venting" and empty.temperatures == () and empty.stages == ()
    with pytest.raises(InvalidInput):
        track([{"role": "robot", "text": "hi"}])
    with pytest.raises(InvalidInput):
        track("just a string")  # type: ignore[arg-type]


def test_track_serialises() -> None:
    data = track(_turns(SHOE)).to_dict()
    assert data["stage"] == "in_progress"
    assert len(data["stages"]) == len(SHOE)


# --- evidence detectors, one positive and one negative sentence each ------------------

@pytest.mark.parametrize(
    ("field", "yes", "no"),
    [
        ("acknowledges", "I'm really sorry to hear that.", "Please send your order number."),
        ("acknowledges", "I can understand your frustration.", "Our office opens at 9."),
        ("asks_confirmation", "So the parcel never arrived, is that right?",
         "Can you send me a photo?"),
        ("asks_confirmation", "Just to confirm: you were charged twice?", "We were charged."),
        ("plans", "I will call the depot and call you back by 5 pm today.",
         "I will look into it."),
        ("plans", "We'll send a replacement within 2 business days.",
         "Replacements usually take 2 business days."),
        ("reports_action", "I've spoken with the driver and he is on his way.",
         "I will speak with the driver."),
        ("reports_action", "The replacement has been dispatched.", "Shall I dispatch it?"),
        ("claims_resolved", "Your refund has been processed.", "I will process your refund."),
        ("claims_resolved", "We have fixed the line; it should work again now.",
         "Is the line still down?"),
        ("follows_up", "Just checking in: is everything working now?",
         "Your engineer comes at 3 pm."),
        ("follows_up", "Thank you for giving us the chance to put this right.",
         "Thank you for your order number."),
    ],
)
def test_agent_evidence(field: str, yes: str, no: str) -> None:
    assert getattr(agent_evidence(Turn("agent", yes)), field) is True
    assert getattr(agent_evidence(Turn("agent", no)), field) is False


@pytest.mark.parametrize(
    ("field", "yes", "no"),
    [
        ("confirms", "Yes, exactly.", "No, that's not what happened."),
        ("confirms", "That's right.", "Not really."),
        ("accepts", "OK, thank you.", "No, that's not good enough."),
        ("accepts", "That works for me.", "Why does it take so long?"),
        ("satisfied", "Great, thanks so much!", "Thanks? It still doesn't work."),
        ("satisfied", "It arrived this morning.", "It never arrived."),
        ("rejects", "It still doesn't work.", "It works now."),
    ],
)
def test_customer_evidence(field: str, yes: str, no: str) -> None:
    assert getattr(customer_evidence(Turn("customer", yes)), field) is True
    assert getattr(customer_evidence(Turn("customer", no)), field) is False


def test_works_now() -> None:
    assert works_now("The internet is working again, finally.")
    assert works_now("I received my refund.")
    assert not works_now("It still doesn't work.")
    assert not works_now("When will it work?")


def test_customer_words_alone_do_not_resolve_a_fresh_complaint() -> None:
    first = [{"role": "customer", "text": "I received the phone call from your depot asking "
              "me to pay RMB 200 more. This is not what we agreed!"}]
    assert track(first).stage == "venting"
    after_action = [
        *_turns(SHOE[:8]),
        {"role": "customer", "text": "I got my refund this morning, thanks."},
    ]
    assert track(after_action).stage == "resolved"


def test_system_turn_reporting_the_refund_counts_as_action() -> None:
    turns = [
        {"role": "customer", "text": "Where is my refund? I returned the shoes a month ago!"},
        {"role": "system", "text": "Refund processed: EUR 89.00 to your card."},
        {"role": "customer", "text": "Great, thanks."},
    ]
    assert track(turns).stages == ("venting", "in_progress", "resolved")


def test_unknown_time_zone_is_rejected() -> None:
    from kettle.errors import UnknownTimeZone

    with pytest.raises(UnknownTimeZone):
        track([{"role": "customer", "text": "Hello?"}], tz="Nowhere/Zone")


def test_customer_pleased_with_the_action_counts_as_resolved_but_thanks_alone_does_not() -> None:
    base = [
        {"role": "customer", "text": "The movers never showed up!"},
        {"role": "agent", "text": "I'm so sorry. I called the depot: the crew is on its way "
         "and will be with you at 12:15."},
    ]
    pleased = [*base, {"role": "customer", "text": "Thank you, that's a relief."}]
    assert track(pleased).stage == "resolved"
    polite = [*base, {"role": "customer", "text": "Ok thanks."}]
    assert track(polite).stage == "in_progress"


FIXED_THEN_ANYTHING_ELSE = [
    {"role": "customer", "text": "My broadband has been down since this morning and I work "
     "from home."},
    {"role": "agent", "text": "I'm sorry, that must be stressful when you work from home. I've "
     "reset the line from our side, can you check now?"},
    {"role": "customer", "text": "Yes it's working again."},
    {"role": "agent", "text": "Great! Is there anything else I can help with?"},
]


@pytest.mark.parametrize("goodbye", ["No, that's everything, thanks for being so quick", "no",
                                     "Nope, all good."])
def test_no_to_anything_else_is_a_goodbye_not_a_rejection(goodbye: str) -> None:
    # 2026-12-07 probe: the closing "no" had put a solved conversation back in progress.
    done = track([*FIXED_THEN_ANYTHING_ELSE, {"role": "customer", "text": goodbye}])
    assert done.stage in ("resolved", "followed_up")
    again = track([*FIXED_THEN_ANYTHING_ELSE,
                   {"role": "customer", "text": "No, it stopped working again."}])
    assert again.stage not in ("resolved", "followed_up")


CALLBACK = [
    {"role": "customer", "text": "My heating is broken again.", "sent_at": "2026-12-07T10:00:00Z"},
    {"role": "agent", "text": "I'll book an engineer and call you back by 5pm today.",
     "sent_at": "2026-12-07T10:02:00Z"},
    {"role": "customer", "text": "ok", "sent_at": "2026-12-07T10:03:00Z"},
]


def test_a_later_question_does_not_keep_a_promise_to_get_back() -> None:
    # 2026-12-07 probe: "Anything else?" a minute later had closed the 5pm callback.
    asked = [*CALLBACK, {"role": "agent", "text": "Is there anything else I can help with today?",
                         "sent_at": "2026-12-07T10:03:30Z"}]
    evening = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)
    result = track(asked, now=evening)
    assert [p.action for p in result.open_promises] == ["book an engineer and call you back"]
    assert "overdue" in result.next_move and "apologise" in result.next_move
    news = [*CALLBACK, {"role": "agent", "text": "Good news: the engineer is booked for 9am "
                        "tomorrow.", "sent_at": "2026-12-07T15:00:00Z"}]
    assert track(news, now=evening).open_promises == ()


def test_a_broken_promise_to_a_warm_customer_is_high_risk() -> None:
    late = [*CALLBACK, {"role": "customer", "text": "It's 6pm. Nobody called. The house is "
                        "freezing and the baby is crying. You PROMISED.",
                        "sent_at": "2026-12-07T18:02:00Z"}]
    result = track(late)  # no clock: the last message's time
    assert result.risk >= 0.6 and "overdue" in result.next_move
    early = [*CALLBACK, {"role": "customer", "text": "Any news yet?",
                         "sent_at": "2026-12-07T12:00:00Z"}]
    assert track(early).risk < 0.6


def test_a_promise_due_now_is_not_chased_within_the_hour() -> None:
    now_said = [{"role": "customer", "text": "Please close my ticket."},
                {"role": "agent", "text": "I'll close this ticket now.",
                 "sent_at": "2026-12-07T10:00:00Z"}]
    assert "overdue" not in track(now_said, now=datetime(2026, 12, 7, 10, 20, tzinfo=UTC)
                                  ).next_move
    assert "overdue" in track(now_said, now=datetime(2026, 12, 7, 11, 30, tzinfo=UTC)).next_move


def test_thanks_for_a_timed_plan_agrees_to_it_and_does_not_close_the_case() -> None:
    # 2026-12-07 probe: "Ok, thank you" to "By 10am your time" had read as resolved.
    story = [
        {"role": "customer", "text": "Someone ported my number out without my permission!"},
        {"role": "agent", "text": "I'm so sorry, that's really worrying. I've raised an urgent "
         "case and I'll call you tomorrow morning to confirm your number is back."},
        {"role": "customer", "text": "What time?"},
        {"role": "agent", "text": "By 10am your time at the latest."},
        {"role": "customer", "text": "Ok, thank you."},
    ]
    assert track(story).stage == "plan_agreed"
    wait = [
        {"role": "customer", "text": "My order hasn't arrived and it's been 3 weeks."},
        {"role": "agent", "text": "I'm sorry about the wait. I'll chase the courier and email "
         "you the new delivery date by 5pm today."},
        {"role": "customer", "text": "I will wait for it. Thank you."},
    ]
    assert track(wait).stage == "plan_agreed"


def test_a_promise_kept_and_confirmed_is_not_overdue() -> None:
    # 2026-12-07 probe of ordinary traffic: kept promises had been reported overdue.
    sent = [
        {"role": "customer", "text": "Could you email me my tax invoice?",
         "sent_at": "2026-12-07T10:00:00+05:30"},
        {"role": "agent", "text": "Sure, I'll email it to you within 10 minutes.",
         "sent_at": "2026-12-07T10:01:00+05:30"},
        {"role": "agent", "text": "I have sent it now.", "sent_at": "2026-12-07T10:06:00+05:30"},
        {"role": "customer", "text": "Received, thank you very much.",
         "sent_at": "2026-12-07T10:07:00+05:30"},
    ]
    result = track(sent, now=datetime(2026, 12, 9, 10, 0, tzinfo=UTC))
    assert result.open_promises == () and result.stage == "resolved"
    assert "overdue" not in result.next_move
    courier = [
        {"role": "customer", "text": "Where's my parcel? It was due yesterday.",
         "sent_at": "2026-12-07T10:00:00Z"},
        {"role": "agent", "text": "Sorry about that. I'll check with the courier and get back "
         "to you within the hour.", "sent_at": "2026-12-07T10:02:00Z"},
        {"role": "agent", "text": "The courier says it's out for delivery today.",
         "sent_at": "2026-12-07T10:35:00Z"},
    ]
    assert track(courier, now=datetime(2026, 12, 7, 13, 0, tzinfo=UTC)).open_promises == ()


def test_times_without_an_offset_are_wall_time_in_the_customers_zone() -> None:
    # A conversation whose sent_at carry no offset had crashed the overdue check
    # (naive against aware datetimes) once track() judged by the last message's time.
    turns = [
        {"role": "customer", "text": "My heating is broken again.",
         "sent_at": "2026-12-07T10:00:00"},
        {"role": "agent", "text": "I'll book an engineer and call you back by 5pm today.",
         "sent_at": "2026-12-07T10:02:00"},
        {"role": "agent", "text": "Good news: the engineer is booked.",
         "sent_at": "2026-12-07T10:30:00+00:00"},
        {"role": "customer", "text": "It's 6pm. Nobody called. You PROMISED. I'm furious.",
         "sent_at": "2026-12-07T18:02:00"},
    ]
    for tz in (None, "Europe/London"):
        result = track([turns[0], turns[1], turns[3]], tz=tz)
        assert "overdue" in result.next_move and result.risk >= 0.6
    assert track(turns).open_promises == ()  # mixed offsets: the news alone decides
