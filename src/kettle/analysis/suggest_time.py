"""A concrete time to promise, inside the organisation's business hours.

Suggestions never say "soon": they name a time ("by 3 pm today", "by 10 am
tomorrow", "by 10 am on Monday") that is about two working hours ahead in the
customer's time zone.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kettle.analysis.conversation import in_years
from kettle.analysis.playbook import WEEKDAYS, Playbook
from kettle.errors import UnknownTimeZone

LEAD = timedelta(hours=2)
#: A customer in danger or distress (a vulnerable person, an emergency, stranded now)
#: is called back within this, whatever the business hours: the agent is there now.
EMERGENCY = timedelta(minutes=30)
#: A customer who is still hot, or whose own deadline is today, within this.
URGENT = timedelta(hours=1)
#: Words of a situation that cannot wait for the next business day.
_EMERGENCY = re.compile(
    r"\b(?:emergency|urgent(?:ly)?|asap|immediately|right\s+now|stranded|standing\s+(?:at|here|in)"
    r"|stuck\s+(?:at|in|on|here|outside)|locked\s+out|tonight|overnight|no\s+(?:heating|heat|power"
    r"|electricity|water|hot\s+water|gas)|(?:power|electricity|water|heating)\s+(?:is\s+|has\s+"
    r"been\s+)?(?:off|out|cut)|hospital|safe\?|unsafe|dangerous)\b",
    re.IGNORECASE)
#: No money left for essentials ("I have £3 left until payday and two kids to feed").
_HARDSHIP = re.compile(
    r"(?:[£$€]\s?\d+(?:\.\d\d)?\s+left\b|\b(?:kids|children|family)\s+to\s+feed\b"
    r"|\bno\s+money\s+(?:left|for\s+(?:food|rent|gas|electric\w*|nappies))"
    r"|\bcan['’]?t\s+(?:buy|afford)\s+(?:food|nappies|formula|medicine|my\s+rent))", re.IGNORECASE)
#: The customer's own deadline is today ("we have to be out by 1", "by end of day").
_TODAY = re.compile(
    r"\b(?:by|before)\s+(?:end\s+of\s+(?:the\s+)?day|eod|cob|close\s+of\s+business|lunch(?:time)?"
    r"|\d{1,2}(?::\d\d)?\s*(?:am|pm|o['’]?clock)?\b)|\b(?:need|needed|have\s+to|has\s+to|must)\b"
    r"[^.!?]{0,40}?\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b|\bin\s+an?\s+hour\b",
    re.IGNORECASE)


def zone(tz: str | None) -> ZoneInfo | None:
    if tz is None:
        return None
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownTimeZone(f"unknown time zone {tz!r}", field="tz") from None


def local_now(now: datetime | None, tz: str | None) -> datetime:
    """``now`` (or the clock) in the customer's zone; naive times are taken as UTC."""
    moment = in_years(now, field="now") if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    where = zone(tz)
    return moment.astimezone(where) if where is not None else moment


def _hour_phrase(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    if moment.minute:
        return f"{hour}:{moment.minute:02d} {suffix}"
    return f"{hour} {suffix}"


def _next_open(moment: datetime, playbook: Playbook) -> datetime:
    """The next business-day opening strictly after ``moment``'s day."""
    hours = playbook.business_hours
    day = moment
    for _ in range(8):
        day = day + timedelta(days=1)
        if WEEKDAYS[day.weekday()] in hours.days:
            break
    opening = day.replace(hour=hours.start.hour, minute=hours.start.minute, second=0,
                          microsecond=0)
    return opening + timedelta(hours=1)


def promise_time(moment: datetime, playbook: Playbook) -> tuple[datetime, str]:
    """A due time about two working hours after ``moment``, and how to say it."""
    hours = playbook.business_hours
    due = (moment + LEAD).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    closing = moment.replace(hour=hours.end.hour, minute=hours.end.minute, second=0,
                             microsecond=0)
    opening = moment.replace(hour=hours.start.hour, minute=hours.start.minute, second=0,
                             microsecond=0)
    open_today = WEEKDAYS[moment.weekday()] in hours.days
    if open_today and moment < opening:
        due = opening + timedelta(hours=1)
    elif not open_today or due > closing:
        due = _next_open(moment, playbook)
    return due, say_time(moment, due)


def urgent_time(moment: datetime, said: str, *, vulnerable: bool,
                hot: bool) -> tuple[datetime, str] | None:
    """A callback sooner than business hours allow, when the customer cannot wait.

    Within 30 minutes for an emergency or a vulnerable customer ("My dad is on
    oxygen and the power is off"); within the hour for a customer who is still hot
    or whose own deadline is today ("We have to be out by 1"). ``said`` is the
    customer's recent words. None: the usual business-hours promise will do.
    """
    if vulnerable or _EMERGENCY.search(said) or _HARDSHIP.search(said):
        return moment + EMERGENCY, "within 30 minutes"
    if hot or _TODAY.search(said):
        return moment + URGENT, "within the hour"
    return None


def before_deadline(moment: datetime, due: datetime, said: str, tz: str | None,
                    playbook: Playbook) -> tuple[datetime, str] | None:
    """A sooner time when ``due`` would come after the customer's own deadline (D29: "I
    have a university exam online tomorrow at 9am", said at 20:32, had been promised "by
    10 am tomorrow"; "I needed the truck here by 1 pm", at 12:07, "within the hour").

    The deadline is the earliest time the customer names that is still ahead. None when
    there is none, or ``due`` already comes before it.
    """
    from kettle.analysis.timeparse import find_times

    where = zone(tz) or ZoneInfo("UTC")
    times = find_times(said, 0, len(said), now=moment, zone=where, playbook=playbook)
    ahead = [t.due for t in times if t.due is not None and t.due > moment]
    if not ahead or due < min(ahead):
        return None
    deadline = min(ahead)
    for wait, phrase in ((URGENT, "within the hour"), (EMERGENCY, "within 30 minutes")):
        if moment + wait <= deadline - timedelta(minutes=15):
            return moment + wait, phrase
    return moment + timedelta(minutes=10), "in the next 10 minutes"


def say_time(moment: datetime, due: datetime) -> str:
    """How to say ``due`` to a customer at ``moment`` ("by 3 pm today", "by 10 am on Monday")."""
    due = due.astimezone(moment.tzinfo) if moment.tzinfo is not None else due
    days = (due.date() - moment.date()).days
    if days == 0:
        return f"by {_hour_phrase(due)} today"
    if days == 1:
        return f"by {_hour_phrase(due)} tomorrow"
    return f"by {_hour_phrase(due)} on {due.strftime('%A')}"
