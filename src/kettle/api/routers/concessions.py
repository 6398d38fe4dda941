"""Concessions (within the policy; above a tier only with an approver) and root causes."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from kettle.api.access import visible_case
from kettle.api.deps import CurrentUser, LeadUser, SessionDep
from kettle.api.errors import ApiError
from kettle.api.pagination import PageDep, page_of_list
from kettle.cases.schemas import (
    ConcessionCreate,
    ConcessionRead,
    ProcessReviewRead,
    RootCauseCreate,
    RootCauseRead,
)

router = APIRouter(tags=["concessions and root causes"])


class ReviewIn(BaseModel):
    title: str = Field(min_length=1, max_length=300)


def policy_of(request: Request) -> Any:
    """The concession policy, loaded once per app from ``KETTLE_CONCESSION_POLICY``."""
    state = request.app.state
    if getattr(state, "concession_policy", None) is None:
        from kettle.cases.concessions import load_policy

        state.concession_policy = load_policy(state.workflow.concession_policy)
    return state.concession_policy


def _out(schema: Any, row: Any) -> dict[str, Any]:
    result: dict[str, Any] = schema.model_validate(row).model_dump(mode="json")
    return result


@router.get("/cases/{case_id}/concessions/proposal",
            summary="What to offer: a bit more than expected, within the tier")
def propose_concession(
    case_id: int, request: Request, session: SessionDep, user: CurrentUser,
    kind: Literal["refund", "credit", "gift", "exception"] = "credit",
) -> dict[str, Any]:
    from kettle.cases import concessions

    visible_case(session=session, case_id=case_id, user=user)
    proposal = concessions.propose(session=session, case_id=case_id, kind=kind,
                                   policy=policy_of(request))
    return proposal.model_dump(mode="json")


@router.post("/cases/{case_id}/concessions", status_code=201,
             summary="Record a concession (403 with the reason when it needs an approver)")
def create_concession(
    case_id: int, body: ConcessionCreate, request: Request, session: SessionDep,
    user: CurrentUser,
) -> dict[str, Any]:
    from kettle.cases import concessions

    visible_case(session=session, case_id=case_id, user=user)
    if body.approved_by_id is not None and body.approved_by_id != user.id:
        raise ApiError(403, "an approval is recorded by the approver: approved_by_id must be "
                       "your own id (ask them to record it)", field="approved_by_id")
    row = concessions.create(session=session, case_id=case_id, concession_in=body,
                             actor_id=user.id, policy=policy_of(request))
    return _out(ConcessionRead, row)


@router.get("/cases/{case_id}/concessions", summary="A case's concessions")
def case_concessions(
    case_id: int, session: SessionDep, user: CurrentUser, params: PageDep
) -> dict[str, Any]:
    from kettle.cases import concessions

    visible_case(session=session, case_id=case_id, user=user)
    rows = concessions.get_all(session=session, case_id=case_id)
    return page_of_list([_out(ConcessionRead, r) for r in rows], params)


@router.post("/cases/{case_id}/root-causes", status_code=201,
             summary="Record the surface issue and the underlying cause")
def create_root_cause(
    case_id: int, body: RootCauseCreate, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.cases import root_causes

    visible_case(session=session, case_id=case_id, user=user)
    row = root_causes.create(session=session, case_id=case_id, root_cause_in=body,
                             actor_id=user.id)
    return _out(RootCauseRead, row)


@router.get("/cases/{case_id}/root-causes", summary="A case's root causes")
def case_root_causes(
    case_id: int, session: SessionDep, user: CurrentUser, params: PageDep
) -> dict[str, Any]:
    from kettle.cases import root_causes

    visible_case(session=session, case_id=case_id, user=user)
    rows = root_causes.get_all(session=session, case_id=case_id)
    return page_of_list([_out(RootCauseRead, r) for r in rows], params)


@router.get("/root-causes", summary="All root causes, by category (lead or admin)")
def list_root_causes(
    session: SessionDep, lead: LeadUser, params: PageDep, category: str | None = None
) -> dict[str, Any]:
    from kettle.cases import root_causes

    rows = root_causes.get_all(session=session, category=category)
    return page_of_list([_out(RootCauseRead, r) for r in rows], params)


@router.post("/root-causes/{root_cause_id}/reviews", status_code=201,
             summary="Open a process review for a root cause (lead or admin)")
def create_review(
    root_cause_id: int, body: ReviewIn, session: SessionDep, lead: LeadUser
) -> dict[str, Any]:
    from kettle.cases import root_causes

    row = root_causes.create_review(session=session, root_cause_id=root_cause_id,
                                    title=body.title, actor_id=lead.id)
    return _out(ProcessReviewRead, row)


@router.post("/reviews/{review_id}/close", summary="Close a process review (lead or admin)")
def close_review(review_id: int, session: SessionDep, lead: LeadUser) -> dict[str, Any]:
    from kettle.cases import root_causes

    row = root_causes.close_review(session=session, review_id=review_id, actor_id=lead.id)
    return _out(ProcessReviewRead, row)
