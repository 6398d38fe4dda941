"""Calendar arithmetic for due times: wall clocks, business days, weeks.

Every function takes and returns aware datetimes in the customer's zone. Wall
times are built on local dates and then normalised through UTC, so a wall time
that does not exist (the spring-forward gap) moves forward to a real instant
and every result carries the zone's true offset at that instant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kettle.analysis.playbook import WEEKDAYS, BusinessHours

LAST_MINUTE = time(23, 59)


def at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The instant a wall clock in ``zone`` shows ``clock`` on ``day``."""
    naive = datetime.combine(day, clock)
    return normalise(naive.replace(tzinfo=zone), zone)


def normalise(value: datetime, zone: ZoneInfo) -> datetime:
    return value.astimezone(UTC).astimezone(zone)


def after_elapsed(now: datetime, delta: timedelta, zone: ZoneInfo) -> datetime:
    """``now`` plus real elapsed time (hours and minutes ignore wall-clock jumps)."""
    return normalise(now.astimezone(UTC) + delta, zone)


def after_days(now: datetime, days: int, zone: ZoneInfo) -> datetime:
    """Same wall-clock time ``days`` calendar days later (a DST change keeps the clock)."""
    return at(now.date() + timedelta(days=days), now.time().replace(tzinfo=None), zone)


def is_business_day(day: date, hours: BusinessHours) -> bool:
    return WEEKDAYS[day.weekday()] in hours.days


def add_business_days(day: date, count: int, hours: BusinessHours) -> date:
    """The ``count``-th business day after ``day`` (``day`` itself never counts)."""
    current = day
    left = max(count, 0)
    while left > 0:
        current += timedelta(days=1)
        if is_business_day(current, hours):
            left -= 1
    return current


def next_business_day(day: date, hours: BusinessHours, *, include: bool) -> date:
    """``day`` itself when ``include`` and it is a business day, else the next one."""
    if include and is_business_day(day, hours):
        return day
    return add_business_days(day, 1, hours)


def next_weekday(today: date, weekday: int, *, next_week: bool) -> date:
    """The next day named ``weekday`` (0 = Monday) after ``today``.

    ``next_week`` ("next Tuesday") means that day in the following Monday-based
    week; a bare name ("on Tuesday", "by Friday") means the first such day after
    today, never today itself.
    """
    if next_week:
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday + timedelta(days=weekday)
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead or 7)


def end_of_week(today: date, hours: BusinessHours, *, weeks_ahead: int) -> date:
    """The last business day of this week (0) or a later week, Monday-based."""
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * weeks_ahead)
    days = [monday + timedelta(days=i) for i in range(7)]
    business = [d for d in days if is_business_day(d, hours)]
    return business[-1] if business else days[-1]


def calendar_date(month: int, day: int, year: int | None, today: date) -> date | None:
    """A month/day (and optional year) as a date; without a year, the next such date."""
    try:
        if year is not None:
            return date(year if year > 99 else 2000 + year, month, day)
        candidate = date(today.year, month, day)
        if candidate < today:
            candidate = date(today.year + 1, month, day)
        return candidate
    except ValueError:
        return None


def day_of_month(day: int, today: date, *, months_ahead: int = 0) -> date | None:
    """The next date on this day of the month ("by the 15th"), today included; in a
    later month with ``months_ahead`` ("the 3rd of next month": 1)."""
    ahead = max(months_ahead, 0 if day >= today.day else 1)
    for step in range(ahead, ahead + 3):  # a 31st may skip a short month or two
        try:
            return _first_of_month(today, step).replace(day=day)
        except ValueError:
            continue
    return None


def last_day_of_month(today: date, *, months_ahead: int) -> date:
    """The last day of the month ``months_ahead`` after the one ``today`` is in."""
    return _first_of_month(today, months_ahead + 1) - timedelta(days=1)


def _first_of_month(today: date, months_ahead: int) -> date:
    """The first day of the month ``months_ahead`` after the one ``today`` is in."""
    year, month = divmod(today.year * 12 + today.month - 1 + months_ahead, 12)
    return date(year, month + 1, 1)
