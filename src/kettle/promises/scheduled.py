"""Follow-up scheduling and the reminder queries the worker runs.

Scheduling: a hung-up customer gets a callback within a window; an open case
gets a progress update every N hours and always before an open promise falls
due; a resolved case gets a satisfaction check.

Progress updates recur: a message resets the cadence (:func:`after_message`);
once an update has gone out (``sent``) or was marked ``done``, the next is
scheduled by :func:`next_progress` (the worker's pass runs
:func:`schedule_progress_updates`; marking one done runs it at once); a
promise made by hand brings the open update forward (:func:`after_promise`).
Each runs with the case locked and adds nothing while an update is still open,
so running them twice, or on several workers, schedules one update.

The worker's side: :func:`mark_late` here; claiming, marking and releasing
reminders (leases) in :mod:`kettle.promises.claims`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kettle.audit import service as audit
from kettle.cases import flows
from kettle.cases.errors import NotFound
from kettle.cases.models import Case, Message
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.db.engine import is_postgres
from kettle.promises.flows import transition_follow_up, transition_promise
from kettle.promises.models import FollowUp, Promise

_PENDING = ("open", "sent")
_OPEN_STAGES = tuple(stage for stage in flows.ALL_STAGES if flows.is_open(stage))
_PROGRESS_CONTEXT = "Tell the customer where things stand, before they have to ask."
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
    due = _progress_due(session, case, settings, now)
    close_follow_ups(session=session, case=case, kinds=("progress",), at=now, to="cancelled")
    schedule(session=session, case=case, kind="progress", due_at=due, context=_PROGRESS_CONTEXT)


def _progress_due(
    session: Session, case: Case, settings: WorkflowSettings, since: datetime, covered: bool = False
) -> datetime:
    """``progress_every_hours`` after ``since``, or ``progress_margin_minutes`` before an open
    promise falls due if that comes first. With ``covered`` an update went out at ``since``:
    promises already within their margin then were told about and pull nothing forward (else
    every pass would send another update until they fall due)."""
    due = since + timedelta(hours=settings.progress_every_hours)
    query = select(Promise.due_at).where(
        Promise.case_id == case.id, Promise.state == "open", Promise.due_at.is_not(None)
    )
    for promise_due in session.scalars(query):
        due = _before_promise(due, promise_due, since, settings, covered)
    return due


def _before_promise(
    due: datetime,
    promise_due: datetime | None,
    since: datetime,
    settings: WorkflowSettings,
    covered: bool = False,
) -> datetime:
    if promise_due is None or promise_due <= since:
        return due
    ahead = promise_due - timedelta(minutes=settings.progress_margin_minutes)
    if covered and ahead <= since:
        return due
    return min(due, max(since, ahead))


# --- progress updates recur, and promises made by hand bring them forward -------------------


def lock_case(*, session: Session, case_id: int) -> Case:
    """The case, locked while its follow-ups change (not committed); raises :class:`NotFound`.

    PostgreSQL: ``SELECT … FOR UPDATE``, the lock ingest takes too, so two writers
    never both see "no open progress update". SQLite transactions begin IMMEDIATE
    and hold the write lock already. Lock the case before changing its follow-ups.
    """
    case = _locked(session, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    return case


def next_progress(*, session: Session, case: Case, settings: WorkflowSettings) -> FollowUp | None:
    """Schedule the next progress update once the last one went out or was done (not committed).

    Due ``progress_every_hours`` after the last one's ``sent_at`` (else its
    ``done_at``), or earlier, ``progress_margin_minutes`` before an open promise
    falls due. Adds nothing when the case is no longer open, when a progress
    update is still open (idempotent), or when the last one was cancelled
    (the case left the open stages or someone stopped the updates). Lock the
    case first (:func:`lock_case`).
    """
    if not flows.is_open(case.stage) or _has_pending(session, case, "progress", ("open",)):
        return None
    query = select(FollowUp).where(FollowUp.case_id == case.id, FollowUp.kind == "progress")
    last = session.scalar(query.order_by(FollowUp.id.desc()).limit(1))
    if last is None or last.state not in ("sent", "done"):
        return None
    since = last.sent_at or last.done_at or last.due_at
    due = _progress_due(session, case, settings, since, covered=True)
    return schedule(
        session=session, case=case, kind="progress", due_at=due, context=_PROGRESS_CONTEXT
    )


def schedule_progress_updates(
    *, session: Session, settings: WorkflowSettings, limit: int = 500
) -> int:
    """The worker's side of :func:`next_progress`: every open case whose last progress update
    went out or was done gets the next; commits each case; returns how many were scheduled.

    A worker that died between sending an update and this step leaves the case
    for the next pass, which schedules the same due time (it counts from ``sent_at``).
    """
    later = aliased(FollowUp)
    newer = select(later.id).where(
        later.case_id == FollowUp.case_id, later.kind == "progress", later.id > FollowUp.id
    )
    query = (
        select(FollowUp.case_id)
        .join(Case, Case.id == FollowUp.case_id)
        .where(
            FollowUp.kind == "progress",
            FollowUp.state.in_(("sent", "done")),
            Case.stage.in_(_OPEN_STAGES),
            ~newer.exists(),
        )
        .order_by(FollowUp.case_id)
        .limit(limit)
    )
    case_ids = [*session.scalars(query)]
    session.commit()
    made = 0
    for case_id in case_ids:
        case = _locked(session, case_id)
        if case is not None:
            made += next_progress(session=session, case=case, settings=settings) is not None
        session.commit()
    return made


def after_promise(
    *, session: Session, case: Case, promise: Promise, settings: WorkflowSettings, now: datetime
) -> FollowUp | None:
    """A promise made at ``now`` (by hand) brings the open progress update forward (not committed).

    The update must come ``progress_margin_minutes`` before the promise falls
    due and within ``progress_every_hours``: an open one due by then stays; a
    later one is cancelled for one due then; an open case without one gets one.
    Returns the new update, if any. Lock the case first (:func:`lock_case`).
    """
    if not flows.is_open(case.stage):
        return None
    every = now + timedelta(hours=settings.progress_every_hours)
    due = _before_promise(every, promise.due_at, now, settings)
    query = select(FollowUp).where(
        FollowUp.case_id == case.id, FollowUp.kind == "progress", FollowUp.state == "open"
    )
    pending = [*session.scalars(query)]
    if any(row.due_at <= due for row in pending):
        return None
    for row in pending:
        transition_follow_up(
            session=session, follow_up=row, to="cancelled", actor="scheduler", at=now
        )
    return schedule(
        session=session, case=case, kind="progress", due_at=due, context=_PROGRESS_CONTEXT
    )


def _locked(session: Session, case_id: int) -> Case | None:
    query = select(Case).where(Case.id == case_id)
    if is_postgres(session):
        query = query.with_for_update()
    return session.scalar(query.execution_options(populate_existing=True))


def _break_unkept(session: Session, case: Case, now: datetime) -> None:
    """A case closed with promises still open or late: those promises are broken."""
    query = select(Promise).where(Promise.case_id == case.id, Promise.state.in_(("open", "late")))
    for promise in [*session.scalars(query)]:
        transition_promise(session=session, promise=promise, to="broken", actor="scheduler", at=now)


def _has_pending(
    session: Session, case: Case, kind: str, states: Collection[str] = _PENDING
) -> bool:
    query = select(FollowUp.id).where(
        FollowUp.case_id == case.id, FollowUp.kind == kind, FollowUp.state.in_(states)
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
    "after_promise",
    "after_stage_change",
    "close_follow_ups",
    "lock_case",
    "mark_late",
    "next_progress",
    "schedule",
    "schedule_callback",
    "schedule_progress_updates",
]
