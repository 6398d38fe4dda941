"""Follow-up scheduling and the reminder queries the worker runs.

Scheduling: a hung-up customer gets a callback within a window; an open case
gets a progress update every N hours and always before an open promise falls
due; a resolved case gets a satisfaction check.

Claiming: each due reminder is claimed atomically before it is sent, so several
workers never send the same one twice. PostgreSQL selects ``FOR UPDATE SKIP
LOCKED`` and stamps the row in the same transaction; SQLite stamps rows with
one conditional ``UPDATE`` (SQLite runs one writer at a time).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kettle.audit import service as audit
from kettle.cases import flows
from kettle.cases.models import Case, Message
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.db.engine import is_postgres
from kettle.promises.flows import transition_follow_up, transition_promise
from kettle.promises.models import FollowUp, Promise

_PENDING = ("open", "sent")
#: A system message saying the customer went away (chat closed, call dropped).
_LEFT = re.compile(
    r"\b(?:customer|caller|client)\b.*\b(?:left|hung up|disconnected|dropped|closed)\b",
    re.IGNORECASE,
)
_Row = TypeVar("_Row", Promise, FollowUp)


def schedule(
    *, session: Session, case: Case, kind: str, due_at: datetime, context: str = ""
) -> FollowUp:
    """Add a follow-up of ``kind`` due at ``due_at`` (audited; not committed)."""
    follow_up = FollowUp(case_id=case.id, kind=kind, due_at=due_at, context=context[:2000])
    session.add(follow_up)
    session.flush()
    audit.record(
        session=session,
        action="create",
        entity=follow_up,
        actor="scheduler",
        after={"kind": kind, "due_at": due_at},
    )
    return follow_up


def schedule_callback(
    *, session: Session, case: Case, settings: WorkflowSettings, now: datetime, context: str
) -> FollowUp:
    """A callback due ``callback_window_minutes`` after ``now``, with the context to call with."""
    due = now + timedelta(minutes=settings.callback_window_minutes)
    return schedule(session=session, case=case, kind="callback", due_at=due, context=context)


def close_follow_ups(
    *, session: Session, case: Case, kinds: Collection[str], at: datetime, to: str = "done"
) -> int:
    """Mark the case's pending follow-ups of ``kinds`` done (or ``to``); returns how many."""
    query = select(FollowUp).where(
        FollowUp.case_id == case.id, FollowUp.kind.in_(kinds), FollowUp.state.in_(_PENDING)
    )
    rows = [*session.scalars(query)]
    for row in rows:
        target = "cancelled" if to == "cancelled" else "done"
        transition_follow_up(session=session, follow_up=row, to=target, actor="scheduler", at=at)
    return len(rows)


def after_message(
    *,
    session: Session,
    case: Case,
    message: Message,
    settings: WorkflowSettings,
    signals: frozenset[str],
    next_move: str = "",
) -> None:
    """Follow-ups a new message calls for (callbacks, progress updates, satisfaction)."""
    at = message.sent_at
    left = message.role == "system" and _LEFT.search(message.text) is not None
    if left or (message.role == "customer" and "hang_up" in signals):
        context = f"Customer left: {message.text[:300]}"
        pending = _open_actions(session, case)
        if pending:
            context += f" | Promised: {pending}"
        if next_move:
            context += f" | Next step: {next_move}"
        schedule_callback(session=session, case=case, settings=settings, now=at, context=context)
    elif message.role == "agent":
        close_follow_ups(session=session, case=case, kinds=("callback",), at=at)
    after_stage_change(session=session, case=case, settings=settings, now=at)


def after_stage_change(
    *, session: Session, case: Case, settings: WorkflowSettings, now: datetime
) -> None:
    """Keep follow-ups in line with the stage: progress while open, satisfaction once resolved."""
    if flows.is_open(case.stage):
        _reschedule_progress(session, case, settings, now)
        return
    close_follow_ups(session=session, case=case, kinds=("progress",), at=now, to="cancelled")
    if case.stage == "closed":
        _break_unkept(session, case, now)
    if case.stage == "resolved" and not _has_pending(session, case, "satisfaction"):
        due = now + timedelta(hours=settings.satisfaction_delay_hours)
        schedule(
            session=session,
            case=case,
            kind="satisfaction",
            due_at=due,
            context=f"Resolution: {case.resolution or 'see the conversation'}",
        )


def _reschedule_progress(
    session: Session, case: Case, settings: WorkflowSettings, now: datetime
) -> None:
    due = now + timedelta(hours=settings.progress_every_hours)
    query = select(Promise.due_at).where(
        Promise.case_id == case.id, Promise.state == "open", Promise.due_at.is_not(None)
    )
    margin = timedelta(minutes=settings.progress_margin_minutes)
    for promise_due in session.scalars(query):
        if promise_due is not None and promise_due > now:
            due = min(due, max(now, promise_due - margin))
    close_follow_ups(session=session, case=case, kinds=("progress",), at=now, to="cancelled")
    schedule(
        session=session,
        case=case,
        kind="progress",
        due_at=due,
        context="Tell the customer where things stand, before they have to ask.",
    )


def _break_unkept(session: Session, case: Case, now: datetime) -> None:
    """A case closed with promises still open or late: those promises are broken."""
    query = select(Promise).where(Promise.case_id == case.id, Promise.state.in_(("open", "late")))
    for promise in [*session.scalars(query)]:
        transition_promise(session=session, promise=promise, to="broken", actor="scheduler", at=now)


def _has_pending(session: Session, case: Case, kind: str) -> bool:
    query = select(FollowUp.id).where(
        FollowUp.case_id == case.id, FollowUp.kind == kind, FollowUp.state.in_(_PENDING)
    )
    return session.scalar(query.limit(1)) is not None


def _open_actions(session: Session, case: Case) -> str:
    query = select(Promise.action).where(
        Promise.case_id == case.id, Promise.state.in_(("open", "late"))
    )
    return "; ".join(session.scalars(query))


# --- the worker's side: what is due, claimed atomically -------------------------------------


def mark_late(*, session: Session, now: datetime | None = None, limit: int = 500) -> int:
    """Move open promises past their due time to ``late``; commits; returns how many."""
    when = now or utcnow()
    query = select(Promise).where(Promise.state == "open", Promise.due_at < when).limit(limit)
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    rows = [*session.scalars(query)]
    for promise in rows:
        transition_promise(session=session, promise=promise, to="late", actor="worker", at=when)
    session.commit()
    return len(rows)


def claim_promise_reminders(
    *,
    session: Session,
    now: datetime | None = None,
    lead_minutes: int = 30,
    limit: int = 100,
) -> list[Promise]:
    """Claim promises due within ``lead_minutes`` (or past due) not yet reminded.

    Stamps ``reminded_at`` and ``claimed_by`` and commits before returning, so a
    claimed reminder belongs to this caller alone.
    """
    when = now or utcnow()
    due = and_(
        Promise.state.in_(("open", "late")),
        Promise.reminded_at.is_(None),
        Promise.due_at.is_not(None),
        Promise.due_at <= when + timedelta(minutes=lead_minutes),
    )
    ids = _claim(session, Promise, due, Promise.due_at, "reminded_at", when, limit)
    return _load(session, Promise, ids)


def claim_follow_ups(
    *, session: Session, now: datetime | None = None, limit: int = 100
) -> list[FollowUp]:
    """Claim open follow-ups that are due, stamp ``sent_at``, move them to ``sent``; commits."""
    when = now or utcnow()
    due = and_(FollowUp.state == "open", FollowUp.sent_at.is_(None), FollowUp.due_at <= when)
    ids = _claim(session, FollowUp, due, FollowUp.due_at, "sent_at", when, limit)
    rows = _load(session, FollowUp, ids)
    for row in rows:
        transition_follow_up(session=session, follow_up=row, to="sent", actor="worker", at=when)
    session.commit()
    return rows


def _claim(
    session: Session,
    model: type[Promise] | type[FollowUp],
    due: object,
    order: object,
    stamp: str,
    when: datetime,
    limit: int,
) -> list[int]:
    token = uuid.uuid4().hex
    values = {stamp: when, "claimed_by": token}
    if is_postgres(session):
        pick = select(model.id).where(due).order_by(order).limit(limit)  # type: ignore[arg-type]
        ids = [*session.scalars(pick.with_for_update(skip_locked=True))]
        if ids:
            session.execute(update(model).where(model.id.in_(ids)).values(**values))
        session.commit()
        return ids
    stamp_col = getattr(model, stamp)
    inner = select(model.id).where(due).order_by(order).limit(limit)  # type: ignore[arg-type]
    stmt = update(model).where(model.id.in_(inner), stamp_col.is_(None)).values(**values)
    session.execute(stmt.execution_options(synchronize_session=False))
    session.commit()
    return [*session.scalars(select(model.id).where(model.claimed_by == token))]


def _load(session: Session, model: type[_Row], ids: Sequence[int]) -> list[_Row]:
    if not ids:
        return []
    session.expire_all()
    key: ColumnElement[int] = model.__table__.c.id
    return [*session.scalars(select(model).where(key.in_(ids)).order_by(key))]


__all__ = [
    "after_message",
    "after_stage_change",
    "claim_follow_ups",
    "claim_promise_reminders",
    "close_follow_ups",
    "mark_late",
    "schedule",
    "schedule_callback",
]
