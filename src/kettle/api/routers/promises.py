"""Promises and follow-ups: list, create by hand, mark kept/cancelled/done; the queues."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel

from kettle.api.access import case_scope, visible_case
from kettle.api.deps import CurrentUser, SessionDep
from kettle.api.pagination import PageDep, page_of_list, page_probe
from kettle.api.schemas import Page
from kettle.promises.schemas import FollowUpCreate, FollowUpRead, PromiseCreate, PromiseRead

router = APIRouter(tags=["promises"])


class PromiseStateIn(BaseModel):
    state: Literal["kept", "broken", "cancelled"]


class FollowUpStateIn(BaseModel):
    state: Literal["done", "cancelled"]


def promise_out(promise: Any) -> dict[str, Any]:
    return PromiseRead.model_validate(promise).model_dump(mode="json")


def follow_up_out(row: Any) -> dict[str, Any]:
    return FollowUpRead.model_validate(row).model_dump(mode="json")


@router.get("/cases/{case_id}/promises", summary="A case's promises by due time",
            response_model=Page[PromiseRead])
def case_promises(
    case_id: int, session: SessionDep, user: CurrentUser, params: PageDep,
    state: str | None = None,
) -> dict[str, Any]:
    from kettle.promises import service as promises

    visible_case(session=session, case_id=case_id, user=user)
    rows = promises.get_all(session=session, case_id=case_id, state=state,
                            limit=params.limit + 1, offset=params.offset)
    return page_probe([promise_out(p) for p in rows], params)


@router.post("/cases/{case_id}/promises", status_code=201, summary="Record a promise by hand",
             response_model=PromiseRead)
def create_promise(
    case_id: int, body: PromiseCreate, request: Request, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.promises import service as promises

    visible_case(session=session, case_id=case_id, user=user)
    return promise_out(promises.create(session=session, case_id=case_id, promise_in=body,
                                       actor_id=user.id, settings=request.app.state.workflow))


@router.get("/promises", summary="Promises you may see (agent: own, lead: team)",
            response_model=Page[PromiseRead])
def list_promises(
    session: SessionDep, user: CurrentUser, params: PageDep,
    owner_id: int | None = None, team: str | None = None, state: str | None = None,
) -> dict[str, Any]:
    from kettle.promises import service as promises

    owner_id, team = case_scope(user, owner_id=owner_id, team=team)
    rows = promises.get_all(session=session, owner_id=owner_id, team=team, state=state,
                            limit=params.limit + 1, offset=params.offset)
    return page_probe([promise_out(p) for p in rows], params)


@router.get("/promises/{promise_id}", summary="One promise", response_model=PromiseRead)
def get_promise(promise_id: int, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    from kettle.promises import service as promises

    promise = promises.get(session=session, promise_id=promise_id)
    visible_case(session=session, case_id=promise.case_id, user=user)
    return promise_out(promise)


@router.post("/promises/{promise_id}/state", summary="Mark a promise kept, broken or cancelled",
             response_model=PromiseRead)
def set_promise_state(
    promise_id: int, body: PromiseStateIn, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.promises import service as promises

    promise = promises.get(session=session, promise_id=promise_id)
    visible_case(session=session, case_id=promise.case_id, user=user)
    return promise_out(promises.set_state(session=session, promise_id=promise_id,
                                          state=body.state, actor_id=user.id))


@router.get("/cases/{case_id}/follow-ups", summary="A case's follow-ups by due time",
            response_model=Page[FollowUpRead])
def case_follow_ups(
    case_id: int, session: SessionDep, user: CurrentUser, params: PageDep,
    state: str | None = None, kind: str | None = None,
) -> dict[str, Any]:
    from kettle.promises import service as promises

    visible_case(session=session, case_id=case_id, user=user)
    rows = promises.get_follow_ups(session=session, case_id=case_id, state=state, kind=kind)
    return page_of_list([follow_up_out(r) for r in rows], params)


@router.post("/cases/{case_id}/follow-ups", status_code=201, summary="Schedule a follow-up",
             response_model=FollowUpRead)
def create_follow_up(
    case_id: int, body: FollowUpCreate, session: SessionDep, user: CurrentUser
) -> dict[str, Any]:
    from kettle.promises import service as promises

    visible_case(session=session, case_id=case_id, user=user)
    return follow_up_out(promises.create_follow_up(session=session, case_id=case_id,
                                                   follow_up_in=body, actor_id=user.id))


@router.post("/follow-ups/{follow_up_id}/state", summary="Mark a follow-up done or cancelled",
             response_model=FollowUpRead)
def set_follow_up_state(
    follow_up_id: int, body: FollowUpStateIn, request: Request, session: SessionDep,
    user: CurrentUser,
) -> dict[str, Any]:
    from kettle.promises import service as promises

    row = promises.get_follow_up(session=session, follow_up_id=follow_up_id)
    visible_case(session=session, case_id=row.case_id, user=user)
    return follow_up_out(promises.set_follow_up_state(
        session=session, follow_up_id=follow_up_id, state=body.state, actor_id=user.id,
        settings=request.app.state.workflow))


@router.get("/queues/overdue", tags=["queues"], summary="Promises past due (agent/team scoped)",
            response_model=Page[PromiseRead])
def overdue(
    session: SessionDep, user: CurrentUser, params: PageDep,
    owner_id: int | None = None, team: str | None = None, now: datetime | None = None,
) -> dict[str, Any]:
    from kettle.promises import service as promises

    owner_id, team = case_scope(user, owner_id=owner_id, team=team)
    rows = promises.list_overdue(session=session, now=now, owner_id=owner_id, team=team)
    return page_of_list([promise_out(p) for p in rows], params)


@router.get("/queues/due-today", tags=["queues"], summary="Promises due by the end of today",
            response_model=Page[PromiseRead])
def due_today(
    session: SessionDep, user: CurrentUser, params: PageDep,
    owner_id: int | None = None, team: str | None = None, now: datetime | None = None,
    tz: str = "UTC",
) -> dict[str, Any]:
    from kettle.promises import service as promises

    owner_id, team = case_scope(user, owner_id=owner_id, team=team)
    _check_tz(tz)
    rows = promises.list_due_today(session=session, now=now, tz=tz, owner_id=owner_id,
                                   team=team)
    return page_of_list([promise_out(p) for p in rows], params)


def _check_tz(tz: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from kettle.errors import UnknownTimeZone

    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownTimeZone(f"unknown time zone {tz!r}", field="tz") from None
