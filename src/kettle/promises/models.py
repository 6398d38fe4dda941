"""ORM models of promises and follow-ups."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kettle.db.base import Base, UTCDateTime, utcnow

PROMISE_STATES: tuple[str, ...] = ("open", "kept", "late", "broken", "cancelled")
FOLLOW_UP_KINDS: tuple[str, ...] = ("callback", "progress", "satisfaction")
FOLLOW_UP_STATES: tuple[str, ...] = ("open", "sent", "done", "cancelled")


class ReminderLease:
    """Columns of a reminder the worker sends: a lease, attempts, backoff, failure.

    ``claimed_by``/``claimed_until``: the worker holding the reminder and until
    when (an expired lease can be claimed again). ``attempts`` counts claims;
    ``retry_at`` delays the next one after a failed send; ``failed_at`` is set
    when ``attempts`` reached the maximum (``last_error`` says why).
    """

    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)


class Promise(ReminderLease, Base):
    __tablename__ = "promises"
    __table_args__ = (Index("ix_promises_state_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    due_phrase: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16), default="manual")
    state: Mapped[str] = mapped_column(String(16), default="open")
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FollowUp(ReminderLease, Base):
    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_state_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(16), default="open")
    context: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
