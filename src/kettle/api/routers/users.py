"""Users and API tokens: admins configure, leads see their team, everyone sees themselves."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kettle.api.deps import AdminUser, CurrentUser, LeadUser, SessionDep
from kettle.api.errors import ApiError
from kettle.api.pagination import PageDep, page_of_list
from kettle.api.schemas import Page
from kettle.users.schemas import UserCreate, UserRead, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


def user_out(user: Any) -> dict[str, Any]:
    return UserRead.model_validate(user).model_dump(mode="json")


@router.get("/me", summary="Who the token belongs to", response_model=UserRead)
def me(user: CurrentUser) -> dict[str, Any]:
    return user_out(user)


@router.post("", status_code=201, summary="Create a user and issue their token (admin)")
def create_user(body: UserCreate, session: SessionDep, admin: AdminUser) -> dict[str, Any]:
    from kettle.users import service as users

    user = users.create(session=session, user_in=body, actor_id=admin.id)
    token = users.issue_token(session=session, user_id=user.id, actor_id=admin.id)
    return {"user": user_out(user), "token": token}


@router.get("", summary="Users (admin: all; lead: their team)",
            response_model=Page[UserRead])
def list_users(
    session: SessionDep, lead: LeadUser, params: PageDep,
    team: str | None = None, role: str | None = None,
) -> dict[str, Any]:
    from kettle.users import service as users

    if lead.role != "admin":
        if team not in (None, lead.team):
            raise ApiError(403, "leads see their own team only", field="team")
        team = lead.team
    found = users.get_all(session=session, team=team, role=role)
    return page_of_list([user_out(u) for u in found], params)


@router.patch("/{user_id}", summary="Change a user's name, role, team or active flag (admin)",
              response_model=UserRead)
def update_user(
    user_id: int, body: UserUpdate, session: SessionDep, admin: AdminUser
) -> dict[str, Any]:
    from kettle.users import service as users

    return user_out(users.update(session=session, user_id=user_id, user_in=body,
                                 actor_id=admin.id))


@router.post("/{user_id}/token", summary="Issue a new token, revoking the old one (admin)")
def rotate_token(user_id: int, session: SessionDep, admin: AdminUser) -> dict[str, Any]:
    from kettle.users import service as users

    token = users.issue_token(session=session, user_id=user_id, actor_id=admin.id)
    return {"user_id": user_id, "token": token}
