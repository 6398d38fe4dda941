"""Normalise what callers pass in: texts, turns and conversations.

Wherever the engine takes a conversation it accepts a plain list of
``{"role", "text", "sent_at"?}`` dicts (the eval schema) as well as
:class:`~kettle.analysis.types.Turn` objects. This module is the one place that
checks and converts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, cast

from kettle.analysis.types import Role, Turn
from kettle.errors import EmptyText, InvalidConversation, InvalidTime, TextTooLong

MAX_TEXT_CHARS = 20_000
_ROLES: tuple[str, ...] = ("customer", "agent", "system", "other")

Conversation = Iterable[Turn | Mapping[str, Any]]


def clean_text(text: object, *, field: str = "text", max_chars: int = MAX_TEXT_CHARS) -> str:
    """Return ``text`` if it is a non-empty string of acceptable length, else raise."""
    if not isinstance(text, str):
        raise InvalidConversation(
            f"expected a string, got {type(text).__name__}", field=field
        )
    if not text.strip():
        raise EmptyText("the text is empty", field=field)
    _within_limit(text, "the text", field, max_chars)
    return text


def _within_limit(text: str, what: str, field: str, max_chars: int = MAX_TEXT_CHARS) -> None:
    """:class:`TextTooLong`, naming ``what`` and ``field``, for a text over ``max_chars``."""
    if len(text) > max_chars:
        raise TextTooLong(
            f"{what} has {len(text):,} characters; the limit is {max_chars:,}", field=field
        )


#: The years a time may fall in. Outside them, a due time a few days on, or a zone's
#: offset, overflows what ``datetime`` holds; no conversation is dated there.
YEARS = (1900, 9000)


def in_years(moment: datetime, *, field: str) -> datetime:
    """``moment`` if its year is within :data:`YEARS`, else :class:`InvalidTime`."""
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise InvalidTime(
            f"{moment.isoformat()} is outside the years {YEARS[0]} to {YEARS[1]}", field=field
        )
    return moment


def parse_time(value: object, *, field: str = "sent_at") -> datetime | None:
    """Parse an ISO 8601 timestamp (or pass a datetime through)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return in_years(value, field=field)
    if not isinstance(value, str):
        raise InvalidTime(f"expected an ISO 8601 time, got {type(value).__name__}", field=field)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidTime(f"not an ISO 8601 time: {value!r}", field=field) from None
    return in_years(moment, field=field)


def as_turn(item: Turn | Mapping[str, Any], *, index: int = 0) -> Turn:
    """Convert one turn (a :class:`Turn` or an eval-schema dict)."""
    if isinstance(item, Turn):
        return item
    if not isinstance(item, Mapping):
        raise InvalidConversation(
            f"turn {index} is a {type(item).__name__}, expected an object", field=f"turns[{index}]"
        )
    role = item.get("role")
    if role not in _ROLES:
        raise InvalidConversation(
            f"turn {index} has role {role!r}", field=f"turns[{index}].role", choices=_ROLES
        )
    text = item.get("text")
    if not isinstance(text, str):
        raise InvalidConversation(
            f"turn {index} has no text", field=f"turns[{index}].text"
        )
    _within_limit(text, f"turn {index}", f"turns[{index}].text")
    sent_at = parse_time(item.get("sent_at"), field=f"turns[{index}].sent_at")
    return Turn(role=cast(Role, role), text=text, sent_at=sent_at)


def as_turns(conversation: Conversation | None) -> tuple[Turn, ...]:
    """Convert a whole conversation; ``None`` is an empty conversation."""
    if conversation is None:
        return ()
    if isinstance(conversation, (str, bytes, Mapping)):
        raise InvalidConversation(
            "a conversation is a list of turns {role, text, sent_at?}", field="conversation"
        )
    return tuple(as_turn(item, index=i) for i, item in enumerate(conversation))


def last_customer_turn(turns: tuple[Turn, ...]) -> Turn | None:
    for turn in reversed(turns):
        if turn.role == "customer":
            return turn
    return None


#: Offsets off the whole hour that one zone without summer time keeps all year.
_HALF_HOUR_ZONES = {
    (5, 30): "Asia/Kolkata", (5, 45): "Asia/Kathmandu", (6, 30): "Asia/Yangon",
    (9, 30): "Australia/Darwin", (3, 30): "Asia/Tehran", (-9, -30): "Pacific/Marquesas",
}


def zone_hint(turns: Iterable[Turn]) -> str | None:
    """The zone the conversation's own times are written in, for when none is given.

    "14:05-05:00" says the customer's clock read 14:05, so "by 5pm today" is
    17:00 at -05:00, not in UTC. The offset of the latest customer turn that
    has one (else of the latest turn) becomes a fixed zone: ``Etc/GMT+5`` for
    -05:00 (the Etc names count the other way), one of the zones in
    :data:`_HALF_HOUR_ZONES` off the whole hour. None for UTC, naive times, an
    offset no such zone has, or no times at all: the caller's default (UTC)
    stands. A fixed offset does not follow summer time; the offset the
    timestamps carry is right for the days around them.
    """
    offsets = [(t.role, t.sent_at.utcoffset()) for t in turns if t.sent_at is not None]
    stamped = [(role, offset) for role, offset in offsets if offset is not None]
    if not stamped:
        return None
    customers = [offset for role, offset in stamped if role == "customer"]
    offset = (customers or [offset for _, offset in stamped])[-1]
    if not offset:
        return None
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    sign = 1 if minutes > 0 else -1
    if rest == 0 and hours <= 14:
        return f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
    return _HALF_HOUR_ZONES.get((sign * hours, sign * rest))


def straighten(text: str, marks: Iterable[str]) -> str:
    """``text`` with each of ``marks`` (curly apostrophes) made a straight one.

    One character for one, so every offset is kept. Faster than ``str.translate``,
    which walks every character even when there is nothing to change (2 µs for a
    tweet): most texts are ASCII, and most others hold none of the marks.
    """
    if text.isascii():
        return text
    for mark in marks:
        if mark in text:
            text = text.replace(mark, "'")
    return text
