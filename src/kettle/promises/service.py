"""Promise and follow-up service: keyword-only CRUD verbs and the queues.

Queues: overdue, due today (in a given zone), per agent (``owner_id``) and per
team. States change only through :mod:`kettle.promises.flows`; the progress
updates they call for are scheduled by :mod:`kettle.promises.scheduled`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import NotFound, WorkflowInputError
from kettle.cases.models import Case
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.promises import flows
from kettle.promises.models import FollowUp, Promise
from kettle.promises.schemas import FollowUpCreate, PromiseCreate

_LIVE = ("open", "late")


def create(
    *,
    session: Session,
    case_id: int,
    promise_in: PromiseCreate,
    actor_id: int | None = None,
    settings: WorkflowSettings | None = None,
    now: datetime | None = None,
) -> Promise:
    """Record a promise made by hand; a naive ``due_at`` is wall time in the customer's zone.

    Like a promise found in a message, it brings the case's progress update
    forward to before it falls due (:func:`kettle.promises.scheduled.after_promise`).
    """
    from kettle.promises import scheduled

    case = scheduled.lock_case(session=session, case_id=case_id)
    due = promise_in.due_at
    if due is not None and due.tzinfo is None:
        due = due.replace(tzinfo=ZoneInfo(case.customer.tz))
    promise = Promise(
        case_id=case.id,
        message_id=promise_in.message_id,
        owner_id=promise_in.owner_id or case.owner_id,
        action=promise_in.action,
        due_at=due,
        source="manual",
        state="open",
    )
    session.add(promise)
    session.flush()
    audit.record(
        session=session,
        action="create",
        entity=promise,
        actor_id=actor_id,
        after={"action": promise.action, "due_at": due},
    )
    conf = settings if settings is not None else WorkflowSettings()
    scheduled.after_promise(
        session=session, case=case, promise=promise, settings=conf, now=now or utcnow()
    )
    session.commit()
    return promise


def get(*, session: Session, promise_id: int) -> Promise:
    """The promise ``promise_id``; raises :class:`NotFound`."""
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise NotFound(f"no promise {promise_id}", field="promise_id")
    return promise


def get_all(
    *,
    session: Session,
    case_id: int | None = None,
    owner_id: int | None = None,
    team: str | None = None,
    state: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Promise]:
    """Promises by due time (undated last), filtered by case, agent, team or state."""
    query = _scoped(select(Promise), owner_id, team)
    if case_id is not None:
        query = query.where(Promise.case_id == case_id)
    if state is not None:
        if state not in flows.PROMISE_MOVES:
            raise WorkflowInputError(
                f"unknown state {state!r}", field="state", choices=tuple(flows.PROMISE_MOVES)
            )
        query = query.where(Promise.state == state)
    query = query.order_by(Promise.due_at.is_(None), Promise.due_at, Promise.id)
    return [*session.scalars(query.limit(limit).offset(offset))]


def set_state(
    *, session: Session, promise_id: int, state: str, actor_id: int | None = None
) -> Promise:
    """Mark a promise kept, broken or cancelled (through the one transition function)."""
    promise = get(session=session, promise_id=promise_id)
    flows.transition_promise(session=session, promise=promise, to=state, actor_id=actor_id)
    session.commit()
    return promise


def list_overdue(
    *,
    session: Session,
    now: datetime | None = None,
    owner_id: int | None = None,
    team: str | None = None,
) -> list[Promise]:
    """Open or late promises whose due time has passed, most overdue first."""
    when = now or utcnow()
    query = _scoped(select(Promise), owner_id, team)
    query = query.where(Promise.state.in_(_LIVE), Promise.due_at < when)
    return [*session.scalars(query.order_by(Promise.due_at, Promise.id))]


def list_due_today(
    *,
    session: Session,
    now: datetime | None = None,
    tz: str = "UTC",
    owner_id: int | None = None,
    team: str | None = None,
) -> list[Promise]:
    """Open or late promises due between ``now`` and the end of today in zone ``tz``."""
    when = (now or utcnow()).astimezone(ZoneInfo(tz))
    end = when.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    query = _scoped(select(Promise), owner_id, team)
    query = query.where(Promise.state.in_(_LIVE), Promise.due_at >= when, Promise.due_at < end)
    return [*session.scalars(query.order_by(Promise.due_at, Promise.id))]


def create_follow_up(
    *, session: Session, case_id: int, follow_up_in: FollowUpCreate, actor_id: int | None = None
) -> FollowUp:
    """Schedule a follow-up by hand; a naive ``due_at`` is wall time in the customer's zone."""
    from kettle.promises.scheduled import schedule

    case = _case(session, case_id)
    due = follow_up_in.due_at
    if due.tzinfo is None:
        due = due.replace(tzinfo=ZoneInfo(case.customer.tz))
    row = schedule(
        session=session, case=case, kind=follow_up_in.kind, due_at=due, context=follow_up_in.context
    )
    session.commit()
    return row


def get_follow_up(*, session: Session, follow_up_id: int) -> FollowUp:
    """The follow-up ``follow_up_id``; raises :class:`NotFound`."""
    row = session.get(FollowUp, follow_up_id)
    if row is None:
        raise NotFound(f"no follow-up {follow_up_id}", field="follow_up_id")
    return row


def get_follow_ups(
    *,
    session: Session,
    case_id: int | None = None,
    state: str | None = None,
    kind: str | None = None,
    due_before: datetime | None = None,
    owner_id: int | None = None,
    team: str | None = None,
) -> list[FollowUp]:
    """Follow-ups by due time, filtered by case, state, kind, due time, case owner or team."""
    query = select(FollowUp)
    if owner_id is not None or team is not None:
        query = query.join(Case, Case.id == FollowUp.case_id)
        if owner_id is not None:
            query = query.where(Case.owner_id == owner_id)
        if team is not None:
            query = query.where(Case.team == team)
    if case_id is not None:
        query = query.where(FollowUp.case_id == case_id)
    if state is not None:
        query = query.where(FollowUp.state == state)
    if kind is not None:
        query = query.where(FollowUp.kind == kind)
    if due_before is not None:
        query = query.where(FollowUp.due_at <= due_before)
    return [*session.scalars(query.order_by(FollowUp.due_at, FollowUp.id))]


def set_follow_up_state(
    *,
    session: Session,
    follow_up_id: int,
    state: str,
    actor_id: int | None = None,
    settings: WorkflowSettings | None = None,
    now: datetime | None = None,
) -> FollowUp:
    """Mark a follow-up done or cancelled (through the one transition function).

    A progress update marked done while the case is open schedules the next one
    (:func:`kettle.promises.scheduled.next_progress`); a cancelled one does not.
    """
    from kettle.promises import scheduled

    row = get_follow_up(session=session, follow_up_id=follow_up_id)
    # Case first, then its follow-ups: the order ingest locks them in (no deadlock).
    case = scheduled.lock_case(session=session, case_id=row.case_id)
    flows.transition_follow_up(session=session, follow_up=row, to=state, actor_id=actor_id, at=now)
    if row.kind == "progress":
        conf = settings if settings is not None else WorkflowSettings()
        scheduled.next_progress(session=session, case=case, settings=conf)
    session.commit()
    return row


def _scoped(
    query: Select[tuple[Promise]], owner_id: int | None, team: str | None
) -> Select[tuple[Promise]]:
    if owner_id is not None:
        query = query.where(Promise.owner_id == owner_id)
    if team is not None:
        query = query.join(Case, Case.id == Promise.case_id).where(Case.team == team)
    return query


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    return case
