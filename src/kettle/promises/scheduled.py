"""Follow-up scheduling and the reminder queries the worker runs.

Scheduling: a hung-up customer gets a callback within a window; an open case
gets a progress update every N hours and always before an open promise falls
due; a resolved case gets a satisfaction check.

The worker's side: :func:`mark_late` here; claiming, marking and releasing
reminders (leases) in :mod:`kettle.promises.claims`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

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


# --- the worker's side: promises past due become late --------------------------------------


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


__all__ = [
    "after_message",
    "after_stage_change",
    "close_follow_ups",
    "mark_late",
    "schedule",
    "schedule_callback",
]
