"""Escalations and referrals: raise on a case, list, answer (the owner keeps the case)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from kettle.api.access import visible_case
from kettle.api.deps import CurrentUser, SessionDep
from kettle.api.errors import ApiError
from kettle.api.pagination import PageDep, page_of_list
from kettle.api.schemas import Page
from kettle.cases.schemas import EscalationCreate, EscalationRead
from kettle.users.models import User

router = APIRouter(tags=["escalations"])


class AnswerIn(BaseModel):
    answer: str = Field(min_length=1)


def escalation_out(row: Any) -> dict[str, Any]:
    return EscalationRead.model_validate(row).model_dump(mode="json")


@router.post("/cases/{case_id}/escalations", status_code=201,
             summary="Refer the case to a person or a team (ownership stays)",
             response_model=EscalationRead)
def create_escalation(
    case_id: int, body: EscalationCreate, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.cases import escalations

    visible_case(session=session, case_id=case_id, user=user)
    return escalation_out(escalations.create(session=session, case_id=case_id,
                                             escalation_in=body, actor_id=user.id))


@router.get("/cases/{case_id}/escalations", summary="A case's escalations",
            response_model=Page[EscalationRead])
def case_escalations(
    case_id: int, session: SessionDep, user: CurrentUser, params: PageDep,
    open_only: bool = False,
) -> dict[str, Any]:
    from kettle.cases import escalations

    visible_case(session=session, case_id=case_id, user=user)
    rows = escalations.get_all(session=session, case_id=case_id, open_only=open_only)
    return page_of_list([escalation_out(r) for r in rows], params)


@router.get("/escalations", summary="Escalations addressed to you (admin: all)",
            response_model=Page[EscalationRead])
def my_escalations(
    session: SessionDep, user: CurrentUser, params: PageDep,
    open_only: bool = True, to_user_id: int | None = None,
) -> dict[str, Any]:
    from kettle.cases import escalations

    if user.role != "admin":
        if to_user_id not in (None, user.id):
            raise ApiError(403, "you see escalations addressed to you", field="to_user_id")
        to_user_id = user.id
    rows = escalations.get_all(session=session, open_only=open_only, to_user_id=to_user_id)
    return page_of_list([escalation_out(r) for r in rows], params)


@router.post("/escalations/{escalation_id}/answer", summary="Answer an escalation",
             response_model=EscalationRead)
def answer_escalation(
    escalation_id: int, body: AnswerIn, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.cases import escalations

    row = escalations.get(session=session, escalation_id=escalation_id)
    if not _may_answer(user, row):
        raise ApiError(403, "only the person or team lead it was referred to may answer")
    return escalation_out(escalations.answer(session=session, escalation_id=escalation_id,
                                             answer_text=body.answer, actor_id=user.id))


def _may_answer(user: User, row: Any) -> bool:
    if user.role == "admin" or row.to_user_id == user.id:
        return True
    return user.role == "lead" and row.to_team is not None and row.to_team == user.team
