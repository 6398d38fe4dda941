"""Cases: open, read, list (scoped by role), update, move the stage, resolve, rate."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from kettle.api.access import case_scope, check_assignment, record_view, visible_case
from kettle.api.deps import CurrentUser, SessionDep
from kettle.api.errors import ApiError
from kettle.api.pagination import PageDep, page, page_of_list
from kettle.api.schemas import Page
from kettle.cases.schemas import CaseCreate, CaseRead, CaseUpdate, StageMoveRead

router = APIRouter(prefix="/cases", tags=["cases"])


class StageIn(BaseModel):
    stage: str = Field(min_length=1, description="The stage to move to")
    reason: str = ""


class ResolveIn(BaseModel):
    resolution: str = Field(min_length=1)


class SatisfactionIn(BaseModel):
    score: int = Field(ge=1, le=5)
    comment: str | None = None


def workflow(request: Request) -> Any:
    return request.app.state.workflow


def case_out(case: Any) -> dict[str, Any]:
    return CaseRead.model_validate(case).model_dump(mode="json")


@router.post("", status_code=201, summary="Open a case", response_model=CaseRead)
def create_case(body: CaseCreate, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    from kettle.cases import service as cases

    check_assignment(user, owner_id=body.owner_id, team=body.team, session=session)
    if user.role == "agent" and body.owner_id is None:
        body = body.model_copy(update={"owner_id": user.id})
    return case_out(cases.create(session=session, case_in=body, actor_id=user.id))


@router.get("", summary="Cases you may see, newest first, filtered and paginated",
            response_model=Page[CaseRead])
def list_cases(
    session: SessionDep, user: CurrentUser, params: PageDep,
    owner_id: int | None = None, team: str | None = None, stage: str | None = None,
    open_only: Annotated[bool, Query(description="only cases not yet resolved")] = False,
) -> dict[str, Any]:
    from kettle.cases import service as cases

    owner_id, team = case_scope(user, owner_id=owner_id, team=team)
    filters: dict[str, Any] = {"owner_id": owner_id, "team": team, "stage": stage,
                               "open_only": open_only}
    found = cases.get_all(session=session, limit=params.limit, offset=params.offset, **filters)
    total = cases.count(session=session, **filters)
    return page([case_out(c) for c in found], total=total, params=params)


@router.get("/{case_id}", summary="One case", response_model=CaseRead)
def get_case(
    case_id: int, request: Request, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    case = visible_case(session=session, case_id=case_id, user=user)
    record_view(session=session, user=user, case=case, what="case",
                enabled=request.app.state.api.api_audit_reads)
    return case_out(case)


@router.patch("/{case_id}", summary="Change a case's fields (not its stage)",
              response_model=CaseRead)
def update_case(
    case_id: int, body: CaseUpdate, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    fields = body.model_dump(exclude_unset=True)
    if "owner_id" in fields or "team" in fields:
        if user.role == "agent":
            raise ApiError(403, "only a lead or an admin reassigns a case", field="owner_id")
        check_assignment(user, owner_id=fields.get("owner_id"), team=fields.get("team"),
                         session=session)
    return case_out(cases.update(session=session, case_id=case_id, case_in=body,
                                 actor_id=user.id))


@router.post("/{case_id}/stage", summary="Move the case through the method's stages",
             response_model=CaseRead)
def move_case(
    case_id: int, body: StageIn, request: Request, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    return case_out(cases.move(session=session, case_id=case_id, stage=body.stage,
                               actor_id=user.id, reason=body.reason,
                               settings=workflow(request)))


@router.post("/{case_id}/resolve", summary="Record the resolution and resolve the case",
             response_model=CaseRead)
def resolve_case(
    case_id: int, body: ResolveIn, request: Request, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    return case_out(cases.resolve(session=session, case_id=case_id, resolution=body.resolution,
                                  actor_id=user.id, settings=workflow(request)))


@router.post("/{case_id}/satisfaction", summary="Record the customer's satisfaction (1-5)",
             response_model=CaseRead)
def rate_case(
    case_id: int, body: SatisfactionIn, request: Request, session: SessionDep,
    user: CurrentUser,
) -> dict[str, Any]:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    return case_out(cases.record_satisfaction(
        session=session, case_id=case_id, score=body.score, comment=body.comment,
        actor_id=user.id, settings=workflow(request)))


@router.get("/{case_id}/moves", summary="The case's stage history",
            response_model=Page[StageMoveRead])
def case_moves(
    case_id: int, session: SessionDep, user: CurrentUser, params: PageDep
) -> dict[str, Any]:
    from kettle.cases import service as cases

    visible_case(session=session, case_id=case_id, user=user)
    moves = cases.get_moves(session=session, case_id=case_id)
    return page_of_list([StageMoveRead.model_validate(m).model_dump(mode="json")
                         for m in moves], params)
