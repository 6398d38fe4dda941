"""Escalations and referrals: to a named person or a team; the case owner keeps the case."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import IllegalTransition, NotFound, WorkflowInputError
from kettle.cases.models import Case, Escalation
from kettle.cases.schemas import EscalationCreate
from kettle.db.base import utcnow
from kettle.users.models import User


def create(
    *, session: Session, case_id: int, escalation_in: EscalationCreate, actor_id: int | None = None
) -> Escalation:
    """Refer the case to ``to_user_id`` or ``to_team`` (one is required); commits.

    Ownership does not move: the escalation is tracked until :func:`answer`.
    """
    case = _case(session, case_id)
    if escalation_in.to_user_id is None and not escalation_in.to_team:
        raise WorkflowInputError(
            "name a person (to_user_id) or a team (to_team)", field="to_user_id"
        )
    if escalation_in.to_user_id is not None and session.get(User, escalation_in.to_user_id) is None:
        raise NotFound(f"no user {escalation_in.to_user_id}", field="to_user_id")
    row = _add(
        session,
        case,
        escalation_in.to_user_id,
        escalation_in.to_team,
        escalation_in.reason,
        f"user:{actor_id}" if actor_id else "system",
        actor_id,
    )
    session.commit()
    return row


def escalate_to_lead(*, session: Session, case: Case, reason: str) -> Escalation:
    """Escalate to the lead of the case's team (or the team itself when it has none); no commit."""
    from kettle.users.service import team_lead

    lead = team_lead(session=session, team=case.team)
    return _add(
        session, case, lead.id if lead else None, case.team or "leads", reason, "system", None
    )


def answer(
    *, session: Session, escalation_id: int, answer_text: str, actor_id: int | None = None
) -> Escalation:
    """Record the answer and close the escalation; answering twice is refused."""
    row = get(session=session, escalation_id=escalation_id)
    if row.state != "open":
        raise IllegalTransition(
            f"escalation {row.id} is already {row.state}", field="state", choices=()
        )
    if not answer_text.strip():
        raise WorkflowInputError("an answer needs text", field="answer")
    row.state, row.answer, row.answered_at = "answered", answer_text, utcnow()
    audit.record(
        session=session,
        action="answer",
        entity=row,
        actor_id=actor_id,
        before={"state": "open"},
        after={"state": "answered"},
    )
    session.commit()
    return row


def get(*, session: Session, escalation_id: int) -> Escalation:
    """The escalation ``escalation_id``; raises :class:`NotFound`."""
    row = session.get(Escalation, escalation_id)
    if row is None:
        raise NotFound(f"no escalation {escalation_id}", field="escalation_id")
    return row


def get_all(
    *,
    session: Session,
    case_id: int | None = None,
    open_only: bool = False,
    to_user_id: int | None = None,
) -> list[Escalation]:
    """Escalations, oldest first, filtered by case, addressee or openness."""
    query = select(Escalation).order_by(Escalation.id)
    if case_id is not None:
        query = query.where(Escalation.case_id == case_id)
    if to_user_id is not None:
        query = query.where(Escalation.to_user_id == to_user_id)
    if open_only:
        query = query.where(Escalation.state == "open")
    return [*session.scalars(query)]


def _add(
    session: Session,
    case: Case,
    to_user_id: int | None,
    to_team: str | None,
    reason: str,
    created_by: str,
    actor_id: int | None,
) -> Escalation:
    row = Escalation(
        case_id=case.id,
        to_user_id=to_user_id,
        to_team=to_team,
        reason=reason,
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    audit.record(
        session=session,
        action="create",
        entity=row,
        actor_id=actor_id,
        after={"to_user_id": to_user_id, "to_team": to_team, "reason": reason},
    )
    return row


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    return case
