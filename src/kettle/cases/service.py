"""Case service: keyword-only CRUD verbs. Every change is audited and committed here.

Messages come in through :func:`kettle.cases.ingest.ingest_message` (re-exported
here); escalations, root causes and concessions live in their own modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases import flows
from kettle.cases.errors import NotFound, WorkflowInputError
from kettle.cases.ingest import find_message, ingest_message
from kettle.cases.models import Case, Customer, Message, StageMove
from kettle.cases.schemas import CaseCreate, CaseUpdate
from kettle.cases.settings import WorkflowSettings
from kettle.db.base import utcnow
from kettle.promises import scheduled
from kettle.users.models import User

__all__ = [
    "count",
    "create",
    "find_message",
    "get",
    "get_all",
    "get_messages",
    "get_moves",
    "ingest_message",
    "move",
    "record_satisfaction",
    "resolve",
    "update",
]

_AUDITED = ("channel", "subject", "owner_id", "team", "severity", "surface_issue", "resolution")


def create(*, session: Session, case_in: CaseCreate, actor_id: int | None = None) -> Case:
    """Open a case for a customer (an existing customer with the same contact is reused).

    The case starts at stage ``new``; ``team`` defaults to the owner's team.
    """
    _check_tz(case_in.customer.tz)
    customer = _customer(session, case_in)
    team = case_in.team
    if case_in.owner_id is not None:
        owner = session.get(User, case_in.owner_id)
        if owner is None:
            raise NotFound(f"no user {case_in.owner_id}", field="owner_id")
        team = team or owner.team
    case = Case(
        customer=customer,
        channel=case_in.channel,
        subject=case_in.subject,
        owner_id=case_in.owner_id,
        team=team,
        severity=case_in.severity,
        surface_issue=case_in.surface_issue,
        external_id=case_in.external_id,
        stage="new",
    )
    session.add(case)
    session.flush()
    audit.record(
        session=session, action="create", entity=case, actor_id=actor_id, after=_plain(case)
    )
    session.commit()
    return case


def get(*, session: Session, case_id: int) -> Case:
    """The case ``case_id``; raises :class:`~kettle.cases.errors.NotFound`."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    return case


def get_all(
    *,
    session: Session,
    owner_id: int | None = None,
    team: str | None = None,
    stage: str | None = None,
    open_only: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[Case]:
    """Cases matching every filter given, newest first, one page (``limit``/``offset``)."""
    query = _filtered(select(Case), owner_id, team, stage, open_only)
    query = query.order_by(Case.id.desc()).limit(limit).offset(offset)
    return [*session.scalars(query)]


def count(
    *,
    session: Session,
    owner_id: int | None = None,
    team: str | None = None,
    stage: str | None = None,
    open_only: bool = False,
) -> int:
    """How many cases :func:`get_all` would page through with the same filters."""
    query = _filtered(select(func.count(Case.id)), owner_id, team, stage, open_only)
    return int(session.scalar(query) or 0)


def update(
    *, session: Session, case_id: int, case_in: CaseUpdate, actor_id: int | None = None
) -> Case:
    """Change the fields set in ``case_in`` (never the stage: see :func:`move`)."""
    case = get(session=session, case_id=case_id)
    changes = case_in.model_dump(exclude_unset=True)
    if changes.get("owner_id") is not None and session.get(User, changes["owner_id"]) is None:
        raise NotFound(f"no user {changes['owner_id']}", field="owner_id")
    before = _plain(case)
    for name, value in changes.items():
        setattr(case, name, value)
    audit.record(
        session=session,
        action="update",
        entity=case,
        actor_id=actor_id,
        before=before,
        after=_plain(case),
    )
    session.commit()
    return case


def move(
    *,
    session: Session,
    case_id: int,
    stage: str,
    actor_id: int | None = None,
    reason: str = "",
    settings: WorkflowSettings | None = None,
    now: datetime | None = None,
) -> Case:
    """Move the case to ``stage`` through :func:`kettle.cases.flows.transition`.

    Reaching ``resolved`` schedules the satisfaction check; leaving the open
    stages cancels pending progress updates.
    """
    case = get(session=session, case_id=case_id)
    when = now or utcnow()
    flows.transition(
        session=session,
        case=case,
        to=stage,
        actor_id=actor_id,
        actor=f"user:{actor_id}" if actor_id is not None else "user",
        reason=reason,
        at=when,
    )
    scheduled.after_stage_change(session=session, case=case, settings=_settings(settings), now=when)
    session.commit()
    return case


def resolve(
    *,
    session: Session,
    case_id: int,
    resolution: str,
    actor_id: int | None = None,
    settings: WorkflowSettings | None = None,
    now: datetime | None = None,
) -> Case:
    """Record the ``resolution`` and move the case to ``resolved``."""
    if not resolution.strip():
        raise WorkflowInputError("a resolution needs a description", field="resolution")
    case = get(session=session, case_id=case_id)
    case.resolution = resolution
    return move(
        session=session,
        case_id=case_id,
        stage="resolved",
        actor_id=actor_id,
        reason="resolved",
        settings=settings,
        now=now,
    )


def record_satisfaction(
    *,
    session: Session,
    case_id: int,
    score: int,
    comment: str | None = None,
    actor_id: int | None = None,
    settings: WorkflowSettings | None = None,
    now: datetime | None = None,
) -> Case:
    """Store the customer's satisfaction (1..5) and act on it.

    A low score (≤ ``low_satisfaction_max``) reopens the case and schedules a
    personal callback; a case reopened ``reopen_escalate_after`` times or more
    is escalated to its team lead. A good score closes the satisfaction check.
    """
    if not 1 <= score <= 5:
        raise WorkflowInputError("satisfaction is a score from 1 to 5", field="score")
    conf = _settings(settings)
    when = now or utcnow()
    case = get(session=session, case_id=case_id)
    before = case.satisfaction
    case.satisfaction = score
    audit.record(
        session=session,
        action="satisfaction",
        entity=case,
        actor_id=actor_id,
        before={"satisfaction": before},
        after={"satisfaction": score, "comment": comment},
    )
    scheduled.close_follow_ups(session=session, case=case, kinds=("satisfaction",), at=when)
    if score <= conf.low_satisfaction_max:
        _reopen(session, case, conf, when, comment)
    elif case.stage == "resolved":
        flows.transition(
            session=session,
            case=case,
            to="followed_up",
            actor="customer",
            reason=f"satisfaction {score}",
            at=when,
        )
    session.commit()
    return case


def get_messages(*, session: Session, case_id: int) -> list[Message]:
    """The case's messages in the order they were sent."""
    get(session=session, case_id=case_id)
    query = select(Message).where(Message.case_id == case_id)
    return [*session.scalars(query.order_by(Message.sent_at, Message.id))]


def get_moves(*, session: Session, case_id: int) -> list[StageMove]:
    """Every stage move of the case, oldest first."""
    get(session=session, case_id=case_id)
    query = select(StageMove).where(StageMove.case_id == case_id).order_by(StageMove.id)
    return [*session.scalars(query)]


def _reopen(
    session: Session, case: Case, conf: WorkflowSettings, when: datetime, comment: str | None
) -> None:
    from kettle.cases import escalations

    if not flows.is_open(case.stage):
        flows.transition(
            session=session,
            case=case,
            to="in_progress",
            actor="customer",
            reason="low satisfaction",
            at=when,
        )
    context = f"Customer rated {case.satisfaction}/5" + (f": {comment}" if comment else "")
    scheduled.schedule_callback(
        session=session, case=case, settings=conf, now=when, context=context + ". Call personally."
    )
    if case.reopen_count >= conf.reopen_escalate_after:
        escalations.escalate_to_lead(
            session=session, case=case, reason=f"case reopened {case.reopen_count} times"
        )


def _customer(session: Session, case_in: CaseCreate) -> Customer:
    data = case_in.customer
    if data.contact:
        found = session.scalar(select(Customer).where(Customer.contact == data.contact).limit(1))
        if found is not None:
            return found
    customer = Customer(
        name=data.name, contact=data.contact, tz=data.tz, value_tier=data.value_tier
    )
    session.add(customer)
    return customer


def _check_tz(tz: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WorkflowInputError(f"unknown time zone {tz!r}", field="customer.tz") from exc


def _filtered(
    query: Select[Any], owner_id: int | None, team: str | None, stage: str | None, open_only: bool
) -> Select[Any]:
    if owner_id is not None:
        query = query.where(Case.owner_id == owner_id)
    if team is not None:
        query = query.where(Case.team == team)
    if stage is not None:
        if stage not in flows.ALL_STAGES:
            raise WorkflowInputError(
                f"unknown stage {stage!r}", field="stage", choices=flows.ALL_STAGES
            )
        query = query.where(Case.stage == stage)
    if open_only:
        query = query.where(Case.stage.in_(_open_stages()))
    return query


def _open_stages() -> Sequence[str]:
    return [s for s in flows.ALL_STAGES if flows.is_open(s)]


def _settings(settings: WorkflowSettings | None) -> WorkflowSettings:
    return settings if settings is not None else WorkflowSettings()


def _plain(case: Case) -> dict[str, Any]:
    return {name: getattr(case, name) for name in _AUDITED}
