"""The date range a dashboard covers, and its periods (days, weeks or months).

A period is a range of whole calendar days in a time zone (UTC unless told),
``start`` and ``end`` both included. Queries use the half-open instant range
``[start_at, end_at)``. Ranges up to 31 days are bucketed by day, up to 26
weeks by ISO week (starting Monday), longer ones by calendar month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kettle.errors import InvalidInput

DEFAULT_DAYS = 30
MAX_DAYS = 731


class AnalyticsInputError(InvalidInput):
    """A request the analytics cannot answer (API: 422)."""

    code = "E900"


class InvalidPeriod(AnalyticsInputError):
    """A date range the dashboard cannot use (API: 422)."""

    code = "E901"


@dataclass(frozen=True)
class Bucket:
    """One period of a time series: its label and instant range ``[start_at, end_at)``."""

    label: str
    start_at: datetime
    end_at: datetime


@dataclass(frozen=True)
class Period:
    """Calendar days ``start``..``end`` (both included) in zone ``tz``."""

    start: date
    end: date
    tz: str = "UTC"

    @property
    def start_at(self) -> datetime:
        return _midnight(self.start, self.tz)

    @property
    def end_at(self) -> datetime:
        return _midnight(self.end + timedelta(days=1), self.tz)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def granularity(self) -> str:
        if self.days <= 31:
            return "day"
        return "week" if self.days <= 182 else "month"

    def buckets(self) -> list[Bucket]:
        """The consecutive periods covering the range (the first and last may be partial)."""
        out: list[Bucket] = []
        day = self.start
        while day <= self.end:
            following = _next_start(day, self.granularity)
            last = min(following - timedelta(days=1), self.end)
            out.append(Bucket(_label(day, self.granularity), _midnight(day, self.tz),
                              _midnight(last + timedelta(days=1), self.tz)))
            day = following
        return out

    def to_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "tz": self.tz,
                "granularity": self.granularity}


def parse_period(
    start: str | None, end: str | None, *, now: datetime, tz: str | None = None,
    default_days: int = DEFAULT_DAYS,
) -> Period:
    """The period ``start``..``end`` (ISO dates; defaults: the last ``default_days`` days
    up to today in ``tz``). Raises :class:`InvalidPeriod` naming the field (``from``,
    ``to`` or ``tz``).
    """
    zone = tz or "UTC"
    try:
        today = now.astimezone(ZoneInfo(zone)).date()
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise InvalidPeriod(f"unknown time zone {zone!r}", field="tz") from exc
    last = _date(end, "to") if end else today
    first = _date(start, "from") if start else last - timedelta(days=default_days - 1)
    if first > last:
        raise InvalidPeriod(f"'from' ({first}) is after 'to' ({last})", field="from")
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidPeriod(f"a range covers at most {MAX_DAYS} days", field="from")
    return Period(first, last, zone)


def _date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidPeriod(f"{field!r} must be a date like 2024-05-31, not {value!r}",
                            field=field) from exc


def _midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(), ZoneInfo(tz)).astimezone(UTC)


def _next_start(day: date, granularity: str) -> date:
    if granularity == "day":
        return day + timedelta(days=1)
    if granularity == "week":
        return day + timedelta(days=7 - day.weekday())
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _label(day: date, granularity: str) -> str:
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        return f"week of {monday.isoformat()}"
    return f"{day.year:04d}-{day.month:02d}"
