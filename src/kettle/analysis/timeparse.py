"""Due phrases of a promise ("by COB", "tomorrow at 3pm", "in 2 business days")
resolved to an absolute, aware datetime in the customer's time zone.

The rules (also in docs/promises_labelling.md):

* A bare day ("tomorrow", "on Monday", "5 March") is due at the playbook's
  ``end_of_day`` on that day; "today" too, unless that has passed, then 23:59.
* A bare time of day ("by 5 pm", "by noon") that has already passed today means
  the same time tomorrow; "end of day"/"COB" that has passed, or said on a
  non-business day, means the end of the next business day.
* Hours and minutes are elapsed time (a DST change moves the wall clock); days
  and weeks are calendar days at the same wall-clock time; business/working days
  end at ``end_of_day`` of the N-th business day after today.
* A weekday name is the next such day after today; "next Tuesday" is the Tuesday
  of the following (Monday-based) week. "End of the week" is the week's last
  business day, "next week" the end of next week.
* A numeric date "3/5" is month/day in US zones, day/month elsewhere.
* Vague words ("soon", "asap", "in a few days") give no due time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kettle.analysis import commit_calendar as cal
from kettle.analysis.commit_timewords import (
    HOUR_WORDS,
    JOINER,
    LEAD,
    MONTHS,
    NUMBERS,
    WEEKDAY_NAMES,
    ZONE_WORDS,
    time_regex,
)
from kettle.analysis.conversation import in_years
from kettle.analysis.playbook import Playbook, default_playbook
from kettle.errors import UnknownTimeZone

#: Zones whose numeric dates read month/day; everywhere else reads day/month.
_MONTH_FIRST = ("America/", "US/", "Pacific/Honolulu")
_NOT_MONTH_FIRST = (
    "America/Sao_Paulo", "America/Mexico_City", "America/Argentina", "America/Bogota",
    "America/Lima", "America/Santiago", "America/Caracas", "America/Montevideo",
)


@dataclass(frozen=True, slots=True)
class TimePhrase:
    """A due phrase found in a text: where, as written, and what it resolves to."""

    start: int
    end: int
    text: str
    due: datetime | None
    vague: bool


@lru_cache(maxsize=256)
def zone_of(tz: str | None) -> ZoneInfo:
    """The IANA zone ``tz`` (UTC when None), or :class:`UnknownTimeZone`."""
    name = tz or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownTimeZone(
            f"unknown time zone {name!r}; use an IANA name such as Europe/Berlin",
            field="tz",
        ) from None


def reference_time(now: datetime | None, zone: ZoneInfo) -> datetime:
    """``now`` in ``zone``: a naive time is read as wall time there; None is the clock."""
    if now is None:
        return datetime.now(zone)
    in_years(now, field="now")
    if now.tzinfo is None:
        return cal.normalise(now.replace(tzinfo=zone), zone)
    return now.astimezone(zone)


def find_times(
    text: str, start: int, end: int, *, now: datetime, zone: ZoneInfo, playbook: Playbook
) -> list[TimePhrase]:
    """Every due phrase in ``text[start:end]``, neighbouring tokens joined into one."""
    groups: list[list[re.Match[str]]] = []
    for match in time_regex(playbook).finditer(text, start, end):
        if groups and JOINER.fullmatch(text, groups[-1][-1].end(), match.start()):
            groups[-1].append(match)
        else:
            groups.append([match])
    phrases = []
    for group in groups:
        due, vague = _resolve(group, now, zone, playbook)
        first = group[0].start()
        lead = LEAD.search(text, max(start, first - 24), first)
        begin = lead.start() if lead else first
        stop = group[-1].end()
        phrases.append(TimePhrase(begin, stop, text[begin:stop], due, vague))
    # A window's start ("9am" in "between 9am and 1pm") lies inside the phrase
    # of its end: one phrase, due at the end.
    return [p for p in phrases
            if not any(q is not p and q.start <= p.start and p.end <= q.end for q in phrases)]


def resolve(
    phrase: str,
    *,
    now: datetime | None = None,
    tz: str | None = None,
    playbook: Playbook | None = None,
) -> datetime | None:
    """The due time one phrase means (None when vague or not a time phrase)."""
    book = playbook or default_playbook()
    zone = zone_of(tz)
    ref = reference_time(now, zone)
    for found in find_times(phrase, 0, len(phrase), now=ref, zone=zone, playbook=book):
        if found.due is not None:
            return found.due
    return None


def _kinds(group: list[re.Match[str]]) -> dict[str, re.Match[str]]:
    kinds: dict[str, re.Match[str]] = {}
    for match in group:
        kind = match.lastgroup or ""
        kinds.setdefault(kind, match)
    return kinds


def _resolve(
    group: list[re.Match[str]], now: datetime, zone: ZoneInfo, book: Playbook
) -> tuple[datetime | None, bool]:
    kinds = _kinds(group)
    named = _named_zone(kinds)
    if named is not None and named.key != zone.key:
        # "at 2pm Eastern": the day and the clock are read in that zone.
        due, vague = _resolve_kinds(kinds, now.astimezone(named), named, book)
        return (due.astimezone(zone) if due else None), vague
    return _resolve_kinds(kinds, now, zone, book)


def _named_zone(kinds: dict[str, re.Match[str]]) -> ZoneInfo | None:
    word = kinds["clock"].group("tzw") if "clock" in kinds else None
    if not word:
        return None
    return ZoneInfo(ZONE_WORDS[re.sub(r"\s+", " ", word.lower())])


def _resolve_kinds(
    kinds: dict[str, re.Match[str]], now: datetime, zone: ZoneInfo, book: Playbook
) -> tuple[datetime | None, bool]:
    if "same" in kinds:
        weeks = "week" in kinds["same"].group("samew").lower()
        return cal.after_days(now, 7 if weeks else 1, zone), False
    if "dur" in kinds:
        return _duration(kinds["dur"], now, zone, book), False
    if "durm" in kinds:
        minutes = _number(kinds["durm"].group("nm"))
        return cal.after_elapsed(now, timedelta(minutes=minutes), zone), False
    if "week" in kinds:
        return _week(kinds["week"], now, zone, book), False
    if "nbd" in kinds:
        target = cal.next_business_day(now.date(), book.business_hours, include=False)
        return cal.at(target, book.time_words.end_of_day, zone), False
    if "weekend" in kinds:
        return _weekend(kinds["weekend"], now, zone, book), False
    if "month" in kinds:
        return _month_end(kinds["month"], now, zone, book), False
    day = _day(kinds, now.date(), zone)
    clock = _clock(kinds, book)
    if day is None and clock is None:
        if "now" in kinds:
            return now, False
        return None, "vague" in kinds
    eod = book.time_words.end_of_day
    if day is None:
        return _time_today(kinds, clock or eod, now, zone, book), False
    if clock is None:
        if "day" in kinds and kinds["day"].group("dayw").lower() == "today":
            return _by_end_of(day, now, zone, book), False
        return cal.at(day, eod, zone), False
    return cal.at(day, clock, zone), False


def _number(word: str | None) -> float:
    if word is None:
        return 0.0
    key = re.sub(r"\s+", " ", word.lower())
    if key.startswith("half"):
        return 0.5
    return float(key) if key.isdigit() else float(NUMBERS.get(key, 1))


def _duration(match: re.Match[str], now: datetime, zone: ZoneInfo, book: Playbook) -> datetime:
    single = match.group("unit1")
    amount = 1.0 if single else _number(match.group("n2") or match.group("n1"))
    if match.group("andhalf"):
        amount += 0.5
    if match.group("n3"):
        amount = max(amount, _number(match.group("n3")))
    unit = (single or match.group("unit")).lower()
    if unit.startswith("f"):
        unit, amount = "days", amount * 14
    if unit.startswith("m"):
        return cal.after_elapsed(now, timedelta(minutes=amount), zone)
    if unit.startswith("h"):
        return cal.after_elapsed(now, timedelta(hours=amount), zone)
    days = amount * (7 if unit.startswith("w") else 1)
    if days != int(days):
        return cal.after_elapsed(now, timedelta(days=days), zone)
    if match.group("bd"):
        target = cal.add_business_days(now.date(), int(days), book.business_hours)
        return cal.at(target, book.time_words.end_of_day, zone)
    return cal.after_days(now, int(days), zone)


def _week(match: re.Match[str], now: datetime, zone: ZoneInfo, book: Playbook) -> datetime:
    which = (match.group("wk") or match.group("wk2") or match.group("wk3") or "this").lower()
    eod = book.time_words.end_of_day
    ahead = 1 if which == "next" else 0
    position = (match.group("wpos") or ("mid" if match.group().lower() == "midweek" else ""))
    position = position.lower().split()[0] if position else ""
    if position in ("early", "mid", "middle"):
        # "early next week": its Tuesday; "mid-week": Wednesday (of this week while ahead).
        weekday = 1 if position == "early" else 2
        today = now.date()
        target = today - timedelta(days=today.weekday()) + timedelta(days=weekday, weeks=ahead)
        if target <= today:
            target += timedelta(weeks=1)
        return cal.at(target, eod, zone)
    target = cal.end_of_week(now.date(), book.business_hours, weeks_ahead=ahead)
    if ahead == 0 and cal.at(target, eod, zone) <= now:
        target = cal.end_of_week(now.date(), book.business_hours, weeks_ahead=1)
    return cal.at(target, eod, zone)


def _weekend(match: re.Match[str], now: datetime, zone: ZoneInfo, book: Playbook) -> datetime:
    """"Over the weekend": by the end of the coming Sunday ("next weekend": a week on)."""
    ahead = 1 if (match.group("wemod") or "").lower() == "next" else 0
    today = now.date()
    sunday = today + timedelta(days=6 - today.weekday(), weeks=ahead)
    return _by_end_of(sunday, now, zone, book)


def _month_end(match: re.Match[str], now: datetime, zone: ZoneInfo, book: Playbook) -> datetime:
    """"By the end of the month" (or "of next month", "of the year"): its last day."""
    ahead = 1 if (match.group("mo") or "").lower() == "next" else 0
    today = now.date()
    if match.group("mounit").lower() == "year":
        return _by_end_of(date(today.year + ahead, 12, 31), now, zone, book)
    return _by_end_of(cal.last_day_of_month(today, months_ahead=ahead), now, zone, book)


def _by_end_of(day: date, now: datetime, zone: ZoneInfo, book: Playbook) -> datetime:
    """The end of the working day on ``day``, or its last minute once that has passed."""
    due = cal.at(day, book.time_words.end_of_day, zone)
    return due if due > now else cal.at(day, cal.LAST_MINUTE, zone)


def _day(kinds: dict[str, re.Match[str]], today: date, zone: ZoneInfo) -> date | None:
    if "weekon" in kinds and kinds["weekon"].group("wkday"):
        tomorrow = kinds["weekon"].group("wkday").lower() == "tomorrow"
        return today + timedelta(days=8 if tomorrow else 7)
    if "day" in kinds:
        word = re.sub(r"\s+", " ", kinds["day"].group("dayw").lower())
        offset = 1 if word in _TOMORROW else {"today": 0, "the next day": 1}.get(word, 2)
        return today + timedelta(days=offset)
    if "afterwe" in kinds:
        return cal.next_weekday(today, 0, next_week=False)
    if "weekon" in kinds and kinds["weekon"].group("wkon"):
        index = WEEKDAY_NAMES.index(kinds["weekon"].group("wkon").lower())
        return cal.next_weekday(today, index, next_week=False) + timedelta(weeks=1)
    if "wd" in kinds:
        match = kinds["wd"]
        index = _weekday_index(match.group("wdn") or match.group("wda"))
        modifier = (match.group("wdmod") or "").lower()
        return cal.next_weekday(today, index, next_week=modifier == "next"
                                or match.group("wdnext") is not None)
    return _calendar(kinds, today, zone)


_TOMORROW = frozenset({"tomorrow", "tmrw", "tmr", "tmrow", "tomoz", "2morrow", "2moro"})


def _weekday_index(name: str) -> int:
    """0 for "Monday" or "Mon", … 6 for "Sunday" or "Sun"."""
    short = name.lower().rstrip(".")[:3]
    return [w[:3] for w in WEEKDAY_NAMES].index(short)


def _calendar(kinds: dict[str, re.Match[str]], today: date, zone: ZoneInfo) -> date | None:
    if "mdate" in kinds:
        m = kinds["mdate"]
        return cal.calendar_date(MONTHS[m.group("mon1").lower()], int(m.group("md1")),
                                 _year(m.group("y1")), today)
    if "dmdate" in kinds:
        m = kinds["dmdate"]
        return cal.calendar_date(MONTHS[m.group("mon2").lower()], int(m.group("md2")),
                                 _year(m.group("y2")), today)
    if "isodate" in kinds:
        m = kinds["isodate"]
        return cal.calendar_date(int(m.group("im")), int(m.group("id")), int(m.group("iy")),
                                 today)
    if "nth" in kinds:
        later = 1 if kinds["nth"].group("nxm") else 0  # "the 3rd of next month"
        return cal.day_of_month(int(kinds["nth"].group("md3")), today, months_ahead=later)
    if "ndate" in kinds:
        m = kinds["ndate"]
        a, b = int(m.group("na")), int(m.group("nb"))
        month_first = _month_first(zone.key) if a <= 12 and b <= 12 else b > 12
        month, day = (a, b) if month_first else (b, a)
        return cal.calendar_date(month, day, _year(m.group("ny")), today)
    return None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _month_first(key: str) -> bool:
    if key.startswith(_NOT_MONTH_FIRST):
        return False
    return key.startswith(_MONTH_FIRST)


_PARTS_OF_DAY = {
    "morning": "morning", "afternoon": "afternoon", "evening": "evening", "tonight": "tonight",
    "night": "tonight", "noon": "noon", "midday": "noon", "lunchtime": "noon",
    "lunch time": "noon", "lunch": "noon",
}
#: "after lunch": early afternoon.
_AFTER_LUNCH = time(14, 0)
_LATE_PARTS = ("evening", "tonight", "night")


def _clock(kinds: dict[str, re.Match[str]], book: Playbook) -> time | None:
    words = book.time_words
    if "clock" in kinds or "window" in kinds:
        # "tomorrow morning at 7:30": the morning says which 7:30 (see _business_hour);
        # "at 9 tonight" is 21:00.
        part = kinds["part"].group("pn").lower() if "part" in kinds else ""
        if "window" in kinds:
            return _window_end(kinds["window"], morning=part == "morning")
        found = _clock_time(kinds["clock"], morning=part == "morning")
        if found is not None and part in _LATE_PARTS and found.hour < 12:
            return found.replace(hour=found.hour + 12)
        return found
    if "partend" in kinds:
        return words.noon if kinds["partend"].group("pe").lower() == "morning" \
            else words.end_of_day
    if "eod" in kinds:
        return words.end_of_day
    if "first" in kinds:
        return words.first_thing
    if "part" in kinds:
        name = _part_name(kinds)
        if name == "midnight":
            return cal.LAST_MINUTE
        if name == "lunch" and kinds["part"].group("afterl"):
            return _AFTER_LUNCH
        value: time = getattr(words, _PARTS_OF_DAY[name])
        return value
    return None


def _window_end(match: re.Match[str], *, morning: bool = False) -> time:
    """The end of "between 10 and 12" (12:00), "between 8 and 10 a.m." (10:00)."""
    if match.group("wnoon"):
        return time(12, 0)
    hour, minute = int(match.group("wb")), int(match.group("wbm") or 0)
    marker = (match.group("wap") or match.group("wap1") or "").lower()
    if marker:
        return time((hour % 12) + (12 if marker.startswith("p") else 0), minute)
    return time(_business_hour(hour, morning) % 24, minute)


def _clock_time(match: re.Match[str], *, morning: bool = False) -> time | None:
    written = match.group("h24") or match.group("hd")
    if written is not None:
        # "by 5:30" (or "by 5.30") in a reply is half past five in the afternoon;
        # "05:30" is not.
        hour = _business_hour(int(written), morning) if len(written) == 1 else int(written)
        return time(hour, int(match.group("m24") or match.group("md")))
    if match.group("hb") is not None:
        said = match.group("hb")
        if not said.isdigit() and not _WORD_HOUR_ENDS.match(match.string, match.end()):
            return None  # "I'll look at one, then call you" is no 1 pm (D29 review)
        return time(_business_hour(_hour_said(said), morning) % 24, 0)
    if match.group("hsu") is not None:
        return time(_business_hour(_hour_said(match.group("hsu")), morning) % 24, 30)
    if match.group("hoc") is not None:
        hour = _business_hour(int(match.group("hoc")), morning)
        return time(hour % 24, 0) if hour <= 24 else None
    if match.group("hs") is not None:
        return _spoken_time(match, morning)
    hour = int(match.group("h"))
    if not 1 <= hour <= 12:
        return None
    minute = int(match.group("m") or 0)
    pm = match.group("ap").lower().startswith("p")
    return time((hour % 12) + (12 if pm else 0), minute)


#: What follows an hour said as a word: the end of the sentence, a day, or a check-in
#: ("call you back by eleven, is that OK?", "by four today").
_WORD_HOUR_ENDS = re.compile(
    r"\s*(?:$|[.!?]|(?:today|tomorrow|tonight|this|on|o['’]?clock|sharp|at\s+the\s+latest)\b"
    r"|,\s*(?:is\s+that|does\s+that|would\s+that|ok|okay|alright|all\s+right|yeah|right|if\s+that"
    r"|at\s+the\s+latest|latest|yes)\b"
    # "around three, to go through it", "by five with an update".
    r"|,?\s*(?:to\s+(?:go|confirm|explain|discuss|talk|update|check|run|let|book|arrange|review"
    r"|finali[sz]e|see)|with\s+(?:an?\s+|the\s+|your\s+|some\s+|more\s+)?(?:update|news|answer"
    r"|details|quote|decision|reply))\b)", re.IGNORECASE)


def _business_hour(hour: int, morning: bool = False) -> int:
    """Business talk: "at 5" is 17:00, "at 9" is 09:00 (one to seven o'clock is
    afternoon), unless the phrase says morning ("at 7 tomorrow morning")."""
    return hour + 12 if 1 <= hour <= 7 and not morning else hour


def _hour_said(word: str) -> int:
    """4 for "4" or "four"."""
    word = word.lower()
    return int(word) if word.isdigit() else HOUR_WORDS.index(word) + 1


def _spoken_time(match: re.Match[str], morning: bool = False) -> time:
    """"half past four" is 16:30, "a quarter to nine" 08:45 (business hours as above)."""
    hour = _business_hour(_hour_said(match.group("hs")), morning)
    minutes = 30 if match.group("half") else 15
    if match.group("rel").lower() == "to":
        hour, minutes = hour - 1, 60 - minutes
    return time(hour % 24, minutes)


def _time_today(
    kinds: dict[str, re.Match[str]], clock: time, now: datetime, zone: ZoneInfo, book: Playbook
) -> datetime:
    today = now.date()
    hours = book.business_hours
    if "eod" in kinds or "first" in kinds:
        candidate = cal.at(today, clock, zone)
        if candidate > now and cal.is_business_day(today, hours):
            return candidate
        return cal.at(cal.next_business_day(today, hours, include=False), clock, zone)
    candidate = cal.at(today, clock, zone)
    explicit_today = "part" in kinds and (
        kinds["part"].group("this") or kinds["part"].group("pn").lower() == "tonight"
    )
    if candidate > now:
        return candidate
    if explicit_today:
        # "this afternoon" said at 15:10 is still this afternoon: due at its end.
        # Once the part is over ("this morning" at 15:30) the time stays as said.
        end = _part_end(kinds, book)
        later = cal.at(today, end, zone) if end is not None else candidate
        return later if later > now else candidate
    return cal.at(today + timedelta(days=1), clock, zone)


def _part_name(kinds: dict[str, re.Match[str]]) -> str:
    """The part of the day as written, lower-cased, one space between words."""
    return re.sub(r"\s+", " ", kinds["part"].group("pn").lower())


def _part_end(kinds: dict[str, re.Match[str]], book: Playbook) -> time | None:
    """When "this morning / afternoon / evening / tonight" is over; None for a clock time."""
    if "clock" in kinds or "window" in kinds:
        return None
    part = _PARTS_OF_DAY.get(_part_name(kinds))
    words = book.time_words
    if part == "morning":
        return words.noon
    if part == "afternoon":
        return max(words.end_of_day, words.afternoon)
    if part in ("evening", "tonight"):
        return cal.LAST_MINUTE
    return None
