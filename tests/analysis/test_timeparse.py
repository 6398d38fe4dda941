"""Due phrases resolved to absolute times: business hours, weekends, DST, zones."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from kettle.analysis.playbook import load_playbook
from kettle.analysis.timeparse import find_times, reference_time, resolve, zone_of
from kettle.errors import UnknownTimeZone

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
MONDAY_MORNING = datetime(2026, 3, 2, 10, 15)  # Monday, CET
FRIDAY_EVENING = datetime(2026, 3, 6, 17, 40)  # Friday, after 5 pm
SATURDAY = datetime(2026, 3, 7, 11, 0)


def iso(phrase: str, now: datetime, tz: str = BERLIN) -> str | None:
    due = resolve(phrase, now=now, tz=tz)
    return due.isoformat() if due else None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by end of day", "2026-03-02T17:00:00+01:00"),
        ("EOD", "2026-03-02T17:00:00+01:00"),
        ("by COB", "2026-03-02T17:00:00+01:00"),
        ("before close of business", "2026-03-02T17:00:00+01:00"),
        ("tomorrow at 3pm", "2026-03-03T15:00:00+01:00"),
        ("tomorrow morning", "2026-03-03T09:00:00+01:00"),
        ("today", "2026-03-02T17:00:00+01:00"),
        ("tonight", "2026-03-02T20:00:00+01:00"),
        ("by 5 pm today", "2026-03-02T17:00:00+01:00"),
        ("by 5 p.m.", "2026-03-02T17:00:00+01:00"),
        ("within 48 hours", "2026-03-04T10:15:00+01:00"),
        ("within 24 hours", "2026-03-03T10:15:00+01:00"),
        ("in 2 hours", "2026-03-02T12:15:00+01:00"),
        ("in 30 minutes", "2026-03-02T10:45:00+01:00"),
        ("in half an hour", "2026-03-02T10:45:00+01:00"),
        ("within the hour", "2026-03-02T11:15:00+01:00"),
        ("in 2 business days", "2026-03-04T17:00:00+01:00"),
        ("within 3 working days", "2026-03-05T17:00:00+01:00"),
        ("first thing tomorrow", "2026-03-03T09:00:00+01:00"),
        ("first thing Monday", "2026-03-09T09:00:00+01:00"),
        ("on Monday", "2026-03-09T17:00:00+01:00"),
        ("by Friday", "2026-03-06T17:00:00+01:00"),
        ("next Tuesday", "2026-03-10T17:00:00+01:00"),
        ("this afternoon", "2026-03-02T15:00:00+01:00"),
        ("by noon", "2026-03-02T12:00:00+01:00"),
        ("on March 5th", "2026-03-05T17:00:00+01:00"),
        ("5 March", "2026-03-05T17:00:00+01:00"),
        ("by the end of the week", "2026-03-06T17:00:00+01:00"),
        ("next week", "2026-03-13T17:00:00+01:00"),
        ("within 2 weeks", "2026-03-16T10:15:00+01:00"),
        ("right now", "2026-03-02T10:15:00+01:00"),
        ("at 10 o'clock on Wednesday", "2026-03-04T10:00:00+01:00"),
        ("by end of play", "2026-03-02T17:00:00+01:00"),
        ("by the end of the month", "2026-03-31T17:00:00+02:00"),
        ("by end of month", "2026-03-31T17:00:00+02:00"),
        ("by the end of next month", "2026-04-30T17:00:00+02:00"),
        ("by the end of the year", "2026-12-31T17:00:00+01:00"),
        ("over the weekend", "2026-03-08T17:00:00+01:00"),
        ("next weekend", "2026-03-15T17:00:00+01:00"),
        ("at half past four", "2026-03-02T16:30:00+01:00"),
        ("at a quarter past 3", "2026-03-02T15:15:00+01:00"),
        ("at quarter to eleven", "2026-03-02T10:45:00+01:00"),
        ("at a quarter to one", "2026-03-02T12:45:00+01:00"),
        ("by 5:30", "2026-03-02T17:30:00+01:00"),
        ("by 05:30 tomorrow", "2026-03-03T05:30:00+01:00"),
        ("at 9:45", "2026-03-03T09:45:00+01:00"),
        ("tomorrow morning at 7:30", "2026-03-03T07:30:00+01:00"),
        ("at half past seven tomorrow morning", "2026-03-03T07:30:00+01:00"),
        ("at 7 o'clock tomorrow morning", "2026-03-03T07:00:00+01:00"),
        ("tomorrow evening at 7:30", "2026-03-03T19:30:00+01:00"),
        # 2026-12-03, night: forms a probe of 410 agent replies found unread.
        ("at 4", "2026-03-02T16:00:00+01:00"),
        ("by 5.", "2026-03-02T17:00:00+01:00"),
        ("at 11", "2026-03-02T11:00:00+01:00"),
        ("at 3 tomorrow", "2026-03-03T15:00:00+01:00"),
        ("at 10 tomorrow morning", "2026-03-03T10:00:00+01:00"),
        ("at 9 tonight", "2026-03-02T21:00:00+01:00"),
        ("by Wednesday at 9 your time", "2026-03-04T09:00:00+01:00"),
        ("tomorrow between 10 and 12", "2026-03-03T12:00:00+01:00"),
        ("tomorrow between 8 and 10 a.m.", "2026-03-03T10:00:00+01:00"),
        ("before lunch", "2026-03-02T12:00:00+01:00"),
        ("before lunch tomorrow", "2026-03-03T12:00:00+01:00"),
        ("after lunch", "2026-03-02T14:00:00+01:00"),
        ("on Tues", "2026-03-03T17:00:00+01:00"),
        ("by Fri", "2026-03-06T17:00:00+01:00"),
        ("tmrw", "2026-03-03T17:00:00+01:00"),
        ("by EOB", "2026-03-02T17:00:00+01:00"),
        ("by end of week", "2026-03-06T17:00:00+01:00"),
        ("by 17.00", "2026-03-02T17:00:00+01:00"),
        ("by half five", "2026-03-02T17:30:00+01:00"),
        ("within a fortnight", "2026-03-16T10:15:00+01:00"),
        ("by the next business day", "2026-03-03T17:00:00+01:00"),
        ("in under an hour", "2026-03-02T11:15:00+01:00"),
        ("in a couple hours", "2026-03-02T12:15:00+01:00"),
        ("by Thursday next week", "2026-03-12T17:00:00+01:00"),
        ("early next week", "2026-03-10T17:00:00+01:00"),
        ("by the middle of next week", "2026-03-11T17:00:00+01:00"),
        ("later in the week", "2026-03-06T17:00:00+01:00"),
        ("in a day or two", "2026-03-04T10:15:00+01:00"),
        ("later this morning", "2026-03-02T12:00:00+01:00"),
        ("by the end of the morning", "2026-03-02T12:00:00+01:00"),
        ("by the end of the afternoon", "2026-03-02T17:00:00+01:00"),
        ("by this time tomorrow", "2026-03-03T10:15:00+01:00"),
        ("by the same time next week", "2026-03-09T10:15:00+01:00"),
        ("a week on Monday", "2026-03-16T17:00:00+01:00"),
        # A clock of another zone, named by the agent (Berlin is UTC+1 in March).
        ("at 2pm GMT", "2026-03-02T15:00:00+01:00"),
        ("at 9am Eastern tomorrow", "2026-03-03T15:00:00+01:00"),
        ("at 3pm your time", "2026-03-02T15:00:00+01:00"),
    ],
)
def test_phrases_on_a_monday_morning(phrase: str, expected: str) -> None:
    assert iso(phrase, MONDAY_MORNING) == expected


@pytest.mark.parametrize(
    "phrase", ["soon", "asap", "ASAP", "as soon as possible", "shortly", "in a bit",
               "in a few days", "later", "in the near future", "in the next few hours",
               "in a few minutes", "within the next few days", "momentarily", "in a minute"],
)
def test_vague_words_have_no_due_time(phrase: str) -> None:
    assert resolve(phrase, now=MONDAY_MORNING, tz=BERLIN) is None


def test_a_clock_time_that_has_passed_means_tomorrow() -> None:
    assert iso("by 5 pm", FRIDAY_EVENING, NEW_YORK) == "2026-03-07T17:00:00-05:00"
    assert iso("by 6 pm", FRIDAY_EVENING, NEW_YORK) == "2026-03-06T18:00:00-05:00"


def test_end_of_day_after_hours_is_the_next_business_day() -> None:
    # Friday 17:40: the next business day is Monday, already in US summer time.
    assert iso("by end of day", FRIDAY_EVENING, NEW_YORK) == "2026-03-09T17:00:00-04:00"
    # Said on a Saturday: Monday too.
    assert iso("by COB", SATURDAY, "Asia/Shanghai") == "2026-03-09T17:00:00+08:00"


def test_today_after_the_end_of_day_is_the_last_minute() -> None:
    assert iso("today", FRIDAY_EVENING, NEW_YORK) == "2026-03-06T23:59:00-05:00"


@pytest.mark.parametrize(("phrase", "hour", "minute", "expected"), [
    # Still in that part of the day: due at its end.
    ("this afternoon", 15, 10, "2026-03-02T17:00:00+01:00"),
    ("this morning", 10, 0, "2026-03-02T12:00:00+01:00"),
    ("this evening", 20, 0, "2026-03-02T23:59:00+01:00"),
    ("tonight", 21, 30, "2026-03-02T23:59:00+01:00"),
    # Over: the time stays as said (the reply coach flags it as past).
    ("this morning", 15, 30, "2026-03-02T09:00:00+01:00"),
    ("this afternoon", 18, 30, "2026-03-02T15:00:00+01:00"),
    # A clock time said with the part is kept as said.
    ("at 3 this afternoon", 15, 10, "2026-03-02T15:00:00+01:00"),
])
def test_a_part_of_the_day_said_during_it_is_due_at_its_end(
    phrase: str, hour: int, minute: int, expected: str
) -> None:
    assert iso(phrase, datetime(2026, 3, 2, hour, minute)) == expected


def test_the_end_of_a_month_or_weekend_already_reached_is_its_last_minute() -> None:
    last_evening = datetime(2026, 3, 31, 18, 0)
    assert iso("by the end of the month", last_evening) == "2026-03-31T23:59:00+02:00"
    sunday = datetime(2026, 3, 8, 18, 0)
    assert iso("over the weekend", sunday) == "2026-03-08T23:59:00+01:00"
    # A weekend named on its Saturday is the next day, not a week on.
    assert iso("over the weekend", SATURDAY) == "2026-03-08T17:00:00+01:00"


def test_business_days_skip_the_weekend() -> None:
    assert iso("in 2 business days", FRIDAY_EVENING, NEW_YORK) == "2026-03-10T17:00:00-04:00"
    assert iso("within 1 working day", SATURDAY, "Asia/Shanghai") == "2026-03-09T17:00:00+08:00"
    assert iso("in 1-2 working days", FRIDAY_EVENING, NEW_YORK) == "2026-03-10T17:00:00-04:00"


def test_hours_are_elapsed_time_across_spring_forward() -> None:
    # 48 real hours from Friday 17:40 EST cross the US change on Sunday 8 March.
    assert iso("within 48 hours", FRIDAY_EVENING, NEW_YORK) == "2026-03-08T18:40:00-04:00"


def test_days_keep_the_wall_clock_across_a_dst_change() -> None:
    friday = datetime(2026, 3, 27, 16, 20)  # EU clocks go forward on Sunday 29 March
    assert iso("within 3 days", friday) == "2026-03-30T16:20:00+02:00"
    assert iso("within 48 hours", friday) == "2026-03-29T17:20:00+02:00"


def test_fall_back_week_in_london() -> None:
    friday = datetime(2026, 10, 23, 18, 10)  # BST ends on Sunday 25 October
    assert iso("by close of business", friday, "Europe/London") == "2026-10-26T17:00:00+00:00"
    assert iso("within 48 hours", friday, "Europe/London") == "2026-10-25T17:10:00+00:00"


def test_a_wall_time_in_the_spring_gap_moves_to_a_real_instant() -> None:
    saturday = datetime(2026, 3, 28, 12, 0)
    due = resolve("on Sunday at 2:30 am", now=saturday, tz=BERLIN)
    assert due is not None
    assert due.isoformat() == "2026-03-29T03:30:00+02:00"


def test_numeric_dates_follow_the_zone() -> None:
    assert iso("on 3/5", MONDAY_MORNING, NEW_YORK) == "2026-03-05T17:00:00-05:00"
    assert iso("on 3/5", MONDAY_MORNING, BERLIN) == "2026-05-03T17:00:00+02:00"
    # A number above 12 decides the order by itself.
    assert iso("by 8/15", MONDAY_MORNING, BERLIN) == "2026-08-15T17:00:00+02:00"


def test_a_past_date_without_a_year_is_next_year() -> None:
    new_years_eve = datetime(2026, 12, 31, 16, 0)
    assert iso("on 5 January", new_years_eve, "Europe/Paris") == "2027-01-05T17:00:00+01:00"


def test_half_hour_offset_zone() -> None:
    assert iso("by 4pm", datetime(2026, 6, 10, 14, 30), "Asia/Kolkata") == (
        "2026-06-10T16:00:00+05:30"
    )


def test_playbook_time_words_change_the_answer() -> None:
    book = load_playbook({"time_words": {"end_of_day": "18:30", "first_thing": "08:00"},
                          "business_hours": {"days": ["mon", "tue", "wed", "thu", "fri", "sat"]}})
    assert book.time_words.end_of_day == time(18, 30)
    due = resolve("by end of day", now=MONDAY_MORNING, tz=BERLIN, playbook=book)
    assert due is not None and due.isoformat() == "2026-03-02T18:30:00+01:00"
    due = resolve("first thing tomorrow", now=MONDAY_MORNING, tz=BERLIN, playbook=book)
    assert due is not None and due.isoformat() == "2026-03-03T08:00:00+01:00"
    # Saturday is a business day in this organisation.
    due = resolve("in 1 business day", now=FRIDAY_EVENING, tz=BERLIN, playbook=book)
    assert due is not None and due.isoformat() == "2026-03-07T18:30:00+01:00"


def test_playbook_vague_words_are_added() -> None:
    book = load_playbook({"time_words": {"vague": ["by and by"]}})
    assert resolve("by and by", now=MONDAY_MORNING, tz=BERLIN, playbook=book) is None


@pytest.mark.parametrize("bad", ["Mars/Olympus", "Europe/Berlinn", "", "../etc/passwd", "America"])
def test_unknown_zone_is_a_one_line_error(bad: str) -> None:
    zone_of.cache_clear()
    with pytest.raises(UnknownTimeZone) as info:
        resolve("tomorrow", now=MONDAY_MORNING, tz=bad or "nowhere")
    assert "\n" not in str(info.value)
    assert info.value.code == "E104"


def test_reference_time_reads_naive_as_local_and_converts_aware() -> None:
    zone = zone_of(BERLIN)
    assert reference_time(MONDAY_MORNING, zone).isoformat() == "2026-03-02T10:15:00+01:00"
    aware = datetime.fromisoformat("2026-03-02T09:15:00+00:00")
    assert reference_time(aware, zone).isoformat() == "2026-03-02T10:15:00+01:00"
    assert reference_time(None, zone).tzinfo is zone


def test_shipped_time_words_load_into_the_default_playbook() -> None:
    from kettle.analysis.playbook import default_playbook

    words = default_playbook().time_words
    assert words.end_of_day == time(17, 0) and words.first_thing == time(9, 0)
    assert "before long" in words.vague
    assert resolve("before long", now=MONDAY_MORNING, tz=BERLIN) is None


def test_a_window_is_one_phrase_due_at_its_end() -> None:
    now = reference_time(datetime(2026, 3, 2, 10, 15), zone_of("Europe/Berlin"))
    book = load_playbook({})
    text = "We will deliver between 9am and 1pm on Monday, or by 5 pm."
    found = find_times(text, 0, len(text), now=now, zone=zone_of("Europe/Berlin"),
                       playbook=book)
    assert [p.text for p in found] == ["between 9am and 1pm on Monday", "by 5 pm"]
    assert found[0].due is not None and found[0].due.isoformat() == "2026-03-09T13:00:00+01:00"
    # Without "between" / "from", two times stay two phrases.
    text = "I will call at 9am and email at 1pm."
    found = find_times(text, 0, len(text), now=now, zone=zone_of("Europe/Berlin"),
                       playbook=book)
    assert [p.text for p in found] == ["at 9am", "at 1pm"]
