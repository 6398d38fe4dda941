"""Whole conversations from a blind probe by a support lead (2026-12-06, evening).

Each test is one finding of the probe: a conversation that read wrong, now read
as a lead reads it, beside the near miss that must stay as it was.
"""

from __future__ import annotations

from datetime import datetime

from kettle.analysis import check, track
from kettle.analysis.conversation import as_turns, zone_hint
from kettle.analysis.suggestions import suggest, topic


def _talk(*texts: str) -> list[dict[str, str]]:
    """Turns that alternate customer, agent, customer, … (no times)."""
    return [{"role": ("customer", "agent")[i % 2], "text": t} for i, t in enumerate(texts)]


def _reflection(turns: list[dict[str, str]]) -> str:
    return next(s.text for s in suggest(turns) if s.kind == "reflection")


def test_times_are_read_in_the_zone_the_turns_were_written_in() -> None:
    turns = [
        {"role": "customer", "text": "My internet has been down all day.",
         "sent_at": "2024-05-10T13:50:00-05:00"},
        {"role": "agent", "text": "I'm sorry. I will update you by 5pm today.",
         "sent_at": "2024-05-10T14:05:00-05:00"},
    ]
    (promise,) = track(turns, now=None).open_promises
    assert promise.due is not None
    assert (promise.due.hour, promise.due.utcoffset().total_seconds()) == (17, -5 * 3600)
    # The reply that makes the promise is not told that its time has passed, as it
    # was when "5pm" was read in UTC (19:05 UTC when it was sent).
    sent = datetime.fromisoformat(turns[1]["sent_at"])
    assert check(turns[1]["text"], conversation=turns[:1], now=sent).verdict == "send"
    assert check(turns[1]["text"], conversation=turns[:1], now=sent, tz="UTC").verdict == \
        "improve"
    # An explicit zone still wins.
    (there,) = track(turns, tz="Europe/London").open_promises
    assert there.due is not None and there.due.tzinfo is not None
    assert str(there.due.tzinfo) == "Europe/London"


def test_zone_hint_prefers_the_customers_offset_and_knows_half_hours() -> None:
    turns = as_turns([
        {"role": "customer", "text": "a", "sent_at": "2024-05-10T09:00:00+05:30"},
        {"role": "agent", "text": "b", "sent_at": "2024-05-10T04:00:00+00:00"},
    ])
    assert zone_hint(turns) == "Asia/Kolkata"
    assert zone_hint(as_turns([{"role": "agent", "text": "b",
                                "sent_at": "2024-05-10T04:00:00+02:00"}])) == "Etc/GMT-2"
    assert zone_hint(as_turns([{"role": "customer", "text": "a",
                                "sent_at": "2024-05-10T04:00:00Z"}])) is None
    assert zone_hint(as_turns([{"role": "customer", "text": "a"}])) is None


def test_sorry_about_that_acknowledges_and_the_story_reaches_followed_up() -> None:
    turns = _talk(
        "Our dashboard keeps crashing every time I export a report. It's really annoying.",
        "Sorry about that, crashes on export are really disruptive. Which browser are you using?",
        "Chrome, latest version.",
        "Thanks. We found a bug with Chrome exports and have just deployed a fix. Could you "
        "try exporting again?",
        "Just tried it, works now. Thanks!",
        "Great to hear. Just checking in a week later: is the export still working fine for you?",
    )
    assert track(turns[:2]).stage == "acknowledged"
    assert track(turns).stage == "followed_up"


def test_a_promise_reported_kept_in_the_passive_is_kept() -> None:
    turns = _talk(
        "I have been overcharged £140 on my March bill. I would like this refunded please.",
        "I'm sorry about the overcharge. I will refund the £140 to your card by Friday.",
        "Thank you, I'll look out for it.",
        "Just to let you know the £140 refund has now been processed to your card ending 4471.",
        "It's arrived, thank you so much for sorting that out.",
    )
    tracked = track(turns)
    assert tracked.open_promises == ()
    assert tracked.stage == "resolved"
    assert track(turns[:3]).open_promises  # before the report it was open


def test_cheers_is_thanks() -> None:
    base = [
        {"role": "customer", "text": "The app logs me out every hour, it's driving me mad."},
        {"role": "agent", "text": "I'm sorry about that. We have fixed the session bug; it "
         "should work fine now."},
    ]
    assert track([*base, {"role": "customer", "text": "Got it, cheers."}]).stage == "resolved"
    assert track([*base, {"role": "customer", "text": "Got it."}]).stage != "resolved"


def test_a_plain_question_answered_and_thanked_is_resolved() -> None:
    turns = [
        {"role": "customer", "text": "Hi, could you tell me what the daily limit is for "
         "contactless payments on my debit card?"},
        {"role": "agent", "text": "The contactless limit is £100 per transaction, and there's "
         "no separate daily limit."},
        {"role": "customer", "text": "Great, thanks for your help."},
    ]
    assert track(turns).stage == "resolved"
    # A grievance is not resolved by thanks alone (the movers never came).
    moved = [
        {"role": "customer", "text": "The movers never showed up!"},
        {"role": "agent", "text": "I'm so sorry. I called the depot: the crew is on its way "
         "and will be with you at 12:15."},
        {"role": "customer", "text": "Ok thanks."},
    ]
    assert track(moved).stage == "in_progress"


def test_the_reflection_leaves_out_thanks_greetings_and_fillers() -> None:
    thanks = [{"role": "customer", "text": "Thank you, I'll look out for it."}]
    assert "Thank us" not in _reflection(thanks)
    hello = [{"role": "customer", "text": "Hi, my parcel went to the wrong address and "
              "nobody has told me where it is."}]
    assert "Hi," not in _reflection(hello)
    assert "your parcel went to the wrong address" in _reflection(hello)
    filler = [{"role": "customer", "text": "Yeah well, I just want my parcel, it was due "
               "on Monday."}]
    assert "Yeah" not in _reflection(filler)


def test_a_subjectless_complaint_gets_its_subject_back() -> None:
    turns = [
        {"role": "customer", "text": "You said the refund was issued on Monday."},
        {"role": "agent", "text": "Yes, it was issued on Monday."},
        {"role": "customer", "text": "Still not in my account. This is taking forever."},
    ]
    assert "because it's still not in your account" in _reflection(turns)


def test_the_topic_is_the_thing_not_a_person_a_month_or_my_bad() -> None:
    def about(text: str) -> str:
        return topic(as_turns([{"role": "customer", "text": text}]))

    assert about("My bad, I ordered the wrong size.") == "this"
    assert about("My solicitor says my bank account was frozen.") == "your bank account"
    assert about("My bag's gone to Denver and I'm in Miami.") == "your bag"
    assert about("My smart meter has stopped sending readings.") == "your smart meter"
    assert about("I have been overcharged on my March bill.") == "your March bill"
    assert about("You charged me twice for my annual subscription.") == \
        "your annual subscription"
    assert about("My grandmother's dresser arrived scratched.") == \
        "your grandmother's dresser"


def test_the_topic_comes_from_the_first_complaint_not_the_argument_after_it() -> None:
    turns = as_turns([
        {"role": "customer", "text": "My flight to Rome was cancelled and nobody told me."},
        {"role": "agent", "text": "We sent an email to the address on your booking."},
        {"role": "customer", "text": "I checked my emails this morning and there was nothing!"},
    ])
    assert topic(turns) == "your flight"


def test_coach_reads_the_probes_replies() -> None:
    conv = [{"role": "customer", "text": "You put my bill up by $30 with no warning after 8 "
             "years. I am leaving."}]

    def found(reply: str) -> tuple[set[str], set[str]]:
        review = check(reply, conversation=conv)
        return ({t.name for t in review.techniques}, {a.name for a in review.anti_patterns})

    assert "empathy" in found("I completely understand, a $30 increase with no warning after "
                              "8 years is frustrating.")[0]
    assert "empathy" in found("I completely understand.")[0]
    assert "scolding" in found("Please stop shouting.")[1]
    assert "scolding" not in found("Stop by the shop and we will sort it.")[1]
    # A canned line, not a policy shield since the e-mail probe (canned_phrase: improve).
    assert "canned_phrase" in found("Thank you for contacting us. Your query is important "
                                    "to us.")[1]


def test_no_problem_is_no_rejection_and_the_time_has_come_is_no_delivery() -> None:
    from kettle.analysis.stage_evidence import customer_evidence, works_now
    from kettle.analysis.types import Turn

    def said(text: str) -> Turn:
        return Turn(role="customer", text=text, sent_at=None)

    assert not customer_evidence(said("No problem. I will give my evaluation.")).rejects
    assert customer_evidence(said("No, it still doesn't work.")).rejects
    assert not works_now("The time has come? Have you sent me the bill?")
    assert works_now("My parcel has finally arrived, thanks.")


def test_a_plain_question_answered_has_nothing_to_follow_up() -> None:
    from kettle.analysis.scorecard import score

    asked = [
        {"role": "customer", "text": "Hi, could you tell me what the daily limit is for "
         "contactless payments on my debit card?"},
        {"role": "agent", "text": "The contactless limit is £100 per transaction."},
        {"role": "customer", "text": "Great, thanks for your help."},
    ]
    assert score(asked).step("follow_up").score is None
    fixed = [
        {"role": "customer", "text": "The app logs me out every hour, it's driving me mad."},
        {"role": "agent", "text": "I'm sorry about that. We have fixed the session bug; it "
         "should work fine now."},
        {"role": "customer", "text": "It works now, thanks."},
    ]
    assert score(fixed).step("follow_up").score == 0.0  # fixed, and nobody checked back


def test_an_update_is_promised_before_the_time_already_promised() -> None:
    turns = [
        {"role": "customer", "text": "My broadband is really slow, can barely stream anything.",
         "sent_at": "2024-03-01T20:00:00+00:00"},
        {"role": "agent", "text": "Sorry about that. I've run a line test and found a fault. "
         "An engineer will fix it remotely by 10pm tonight.",
         "sent_at": "2024-03-01T20:05:00+00:00"},
        {"role": "customer", "text": "OK thanks.", "sent_at": "2024-03-01T20:06:00+00:00"},
    ]
    progress = next(s.text for s in suggest(turns) if s.kind == "progress")
    # Not "by 10 am on Monday", the next business morning after a Friday evening.
    assert "by 10 pm today" in progress


def test_resolved_with_a_promise_still_open_says_keep_it() -> None:
    turns = _talk(
        "I put the wrong postcode on my order. Sorry about that! Can it be redirected?",
        "No problem at all! I've updated the postcode and the courier will deliver it "
        "tomorrow by 5pm.",
        "Brilliant, thank you.",
    )
    tracked = track(turns, now=None)
    assert tracked.stage == "resolved"
    assert tracked.open_promises
    assert tracked.next_move.startswith("Keep your promise to deliver")
