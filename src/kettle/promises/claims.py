"""Reminder leases: what the worker claims, marks sent after delivery, or hands back.

A claim is a lease: ``claimed_by`` (a token per claim) and ``claimed_until``,
stamped and committed before anything is sent, so no other worker takes the
reminder while the lease runs. PostgreSQL picks the rows with ``SELECT … FOR
UPDATE SKIP LOCKED``; SQLite with one conditional ``UPDATE`` (one writer at a
time). Every claim counts one attempt.

Only after the notifiers report success is the reminder marked
(``reminded_at`` / ``sent_at``, follow-ups move to ``sent``), in its own short
transaction and only while this claim still holds it. A failed send hands the
reminder back with a backoff (``retry_at``); the attempt that reaches
``max_attempts`` records it as failed (``failed_at``, ``last_error``) and it
waits in the failed queue (:func:`get_failed`, ``kettle promises failed``).
A lease that expires unmarked (the worker died) can be claimed again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import ColumnElement, CursorResult, Select, and_, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from kettle.audit import service as audit
from kettle.cases.settings import WorkflowSettings
from kettle.db.engine import is_postgres
from kettle.promises.flows import transition_follow_up
from kettle.promises.models import FollowUp, Promise

_Row = TypeVar("_Row", Promise, FollowUp)
Reminder = Promise | FollowUp


@dataclass(frozen=True, slots=True)
class Policy:
    """Lease length, attempts and backoff of the worker's claims."""

    lease: timedelta = timedelta(minutes=5)
    max_attempts: int = 5
    backoff: timedelta = timedelta(minutes=1)
    backoff_cap: timedelta = timedelta(hours=1)

    @classmethod
    def from_settings(cls, settings: WorkflowSettings) -> Policy:
        return cls(
            lease=timedelta(seconds=settings.worker_lease_s),
            max_attempts=settings.worker_max_attempts,
            backoff=timedelta(seconds=settings.worker_retry_backoff_s),
        )

    def retry_delay(self, attempts: int) -> timedelta:
        """``backoff * 2**(attempts-1)``, at most ``backoff_cap``."""
        doublings = min(max(attempts - 1, 0), 30)
        return min(self.backoff * (1 << doublings), self.backoff_cap)


@dataclass(frozen=True, slots=True)
class Claim(Generic[_Row]):
    """Rows claimed together under one token, leased until ``until``."""

    token: str
    until: datetime
    rows: list[_Row]


def _stamp(model: type[Reminder]) -> InstrumentedAttribute[datetime | None]:
    return Promise.reminded_at if model is Promise else FollowUp.sent_at


def _pending(model: type[Reminder]) -> ColumnElement[bool]:
    """Not yet delivered and still worth delivering (not failed, state still pending)."""
    state = Promise.state.in_(("open", "late")) if model is Promise else FollowUp.state == "open"
    return and_(state, _stamp(model).is_(None), model.failed_at.is_(None))


def _claimable(model: type[Reminder], when: datetime, policy: Policy) -> ColumnElement[bool]:
    return and_(
        _pending(model),
        or_(model.claimed_until.is_(None), model.claimed_until < when),
        or_(model.retry_at.is_(None), model.retry_at <= when),
        model.attempts < policy.max_attempts,
    )


def claim_promise_reminders(
    *,
    session: Session,
    now: datetime,
    lead_minutes: int = 30,
    limit: int = 100,
    policy: Policy | None = None,
) -> Claim[Promise]:
    """Lease promises due within ``lead_minutes`` (or past due) not yet reminded; commits."""
    due = and_(
        Promise.due_at.is_not(None),
        Promise.due_at <= now + timedelta(minutes=lead_minutes),
    )
    return _claim(session, Promise, due, now, limit, policy or Policy())


def claim_follow_ups(
    *, session: Session, now: datetime, limit: int = 100, policy: Policy | None = None
) -> Claim[FollowUp]:
    """Lease open follow-ups that are due and not yet sent; commits."""
    return _claim(session, FollowUp, FollowUp.due_at <= now, now, limit, policy or Policy())


def _claim(
    session: Session,
    model: type[_Row],
    due: ColumnElement[bool],
    when: datetime,
    limit: int,
    policy: Policy,
) -> Claim[_Row]:
    token = uuid.uuid4().hex
    until = when + policy.lease
    ready = and_(due, _claimable(model, when, policy))
    values = {"claimed_by": token, "claimed_until": until, "attempts": model.attempts + 1}
    pick: Select[int] = (
        select(model.id).where(ready).order_by(model.due_at, model.id).limit(limit)
    )
    if is_postgres(session):
        ids = [*session.scalars(pick.with_for_update(skip_locked=True))]
        if ids:
            session.execute(update(model).where(model.id.in_(ids)).values(**values))
    else:
        stmt = update(model).where(model.id.in_(pick.scalar_subquery()), ready).values(**values)
        session.execute(stmt.execution_options(synchronize_session=False))
    query: Select[_Row] = (
        select(model).where(model.claimed_by == token).order_by(model.due_at, model.id)
    )
    rows = [*session.scalars(query.execution_options(populate_existing=True))]
    session.commit()  # loaded first: no transaction (SQLite: no write lock) is left open
    return Claim(token=token, until=until, rows=rows)


def mark_sent(*, session: Session, row: Reminder, token: str, now: datetime) -> bool:
    """Record ``row`` as delivered if ``token`` still holds it; commits; returns whether it did.

    False means another worker claimed it after this lease expired (it will
    send it again, with the same delivery id) or it was already marked.
    """
    model = type(row)
    stamp = _stamp(model)
    stmt = (
        update(model)
        .where(model.id == row.id, model.claimed_by == token, stamp.is_(None))
        .values({stamp: now, "claimed_until": None, "retry_at": None, "last_error": None})
    )
    marked = _rowcount(session.execute(stmt.execution_options(synchronize_session=False))) == 1
    if marked and isinstance(row, FollowUp):
        session.refresh(row)
        if row.state == "open":
            transition_follow_up(session=session, follow_up=row, to="sent", actor="worker", at=now)
    session.commit()
    return marked


def release(
    *,
    session: Session,
    row: Reminder,
    token: str,
    now: datetime,
    error: str | None,
    policy: Policy | None = None,
) -> str:
    """Hand ``row`` back after a failed send; commits.

    With ``error`` None nothing was tried (the lease was running out): the
    attempt is not counted. Returns ``"retry"``, ``"failed"`` (this was the
    last attempt) or ``"lost"`` (the claim had already passed to another worker).
    """
    conf = policy or Policy()
    model = type(row)
    values: dict[str, Any] = {"claimed_until": None}
    outcome = "retry"
    if error is None:
        values["attempts"] = model.attempts - 1
    elif row.attempts >= conf.max_attempts:
        values.update(failed_at=now, last_error=error[:2000])
        outcome = "failed"
    else:
        values.update(retry_at=now + conf.retry_delay(row.attempts), last_error=error[:2000])
    stmt = update(model).where(model.id == row.id, model.claimed_by == token).values(**values)
    done = _rowcount(session.execute(stmt.execution_options(synchronize_session=False)))
    if done and outcome == "failed":
        audit.record(
            session=session,
            action="reminder_failed",
            entity=row,
            actor="worker",
            after={"attempts": row.attempts, "error": error[:200] if error else None},
        )
    session.commit()
    return outcome if done else "lost"


def give_up_exhausted(*, session: Session, now: datetime, policy: Policy | None = None) -> int:
    """Record as failed the reminders whose last attempt's lease ran out unmarked; commits."""
    conf = policy or Policy()
    total = 0
    for model in (Promise, FollowUp):
        stmt = (
            update(model)
            .where(
                _pending(model),
                model.attempts >= conf.max_attempts,
                or_(model.claimed_until.is_(None), model.claimed_until < now),
            )
            .values(
                failed_at=now,
                claimed_until=None,
                last_error="the worker stopped during the last attempt (lease expired)",
            )
        )
        total += _rowcount(session.execute(stmt.execution_options(synchronize_session=False)))
    session.commit()
    return total


def get_failed(*, session: Session, limit: int = 200) -> list[Reminder]:
    """Reminders recorded as failed and not delivered since, oldest failure first."""
    found: list[Reminder] = []
    for model in (Promise, FollowUp):
        query = select(model).where(model.failed_at.is_not(None), _stamp(model).is_(None))
        found.extend(session.scalars(query.order_by(model.failed_at).limit(limit)))
    return sorted(found, key=lambda row: (row.failed_at or row.created_at, row.id))[:limit]


def retry_failed(*, session: Session, rows: Sequence[Reminder], actor: str = "cli") -> int:
    """Put failed reminders back in the queue with fresh attempts; audited; commits."""
    for row in rows:
        before = {"attempts": row.attempts, "failed_at": row.failed_at}
        row.failed_at, row.attempts, row.retry_at = None, 0, None
        audit.record(
            session=session, action="reminder_retry", entity=row, actor=actor, before=before
        )
    session.commit()
    return len(rows)


def _rowcount(result: object) -> int:
    return cast(CursorResult[Any], result).rowcount


__all__ = [
    "Claim",
    "Policy",
    "Reminder",
    "claim_follow_ups",
    "claim_promise_reminders",
    "get_failed",
    "give_up_exhausted",
    "mark_sent",
    "release",
    "retry_failed",
]
