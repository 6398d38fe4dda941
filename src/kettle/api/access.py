"""Who may see and change what: the role rules in one place.

An *agent* sees and works on the cases they own; a *lead* on every case of
their team (and their own); an *admin* on all cases and is the only role that
configures (users, policies) or exports and deletes customer data.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kettle.api.deps import ROLE_RANK, can_see_case
from kettle.api.errors import ApiError
from kettle.users.models import User


def at_least(user: User, role: str) -> bool:
    return ROLE_RANK.get(user.role, 0) >= ROLE_RANK[role]


def visible_case(*, session: Session, case_id: int, user: User) -> Any:
    """The case, if ``user`` may see it: else 404 (no such case) or 403."""
    from kettle.cases import service as cases

    case = cases.get(session=session, case_id=case_id)
    if not can_see_case(user, owner_id=case.owner_id, team=case.team):
        raise ApiError(403, f"case {case_id} is not yours or your team's")
    return case


def case_scope(
    user: User, *, owner_id: int | None, team: str | None
) -> tuple[int | None, str | None]:
    """Filters for a case listing: agents get their own, leads their team's."""
    if user.role == "admin":
        return owner_id, team
    if user.role == "lead" and user.team is not None:
        if team is not None and team != user.team:
            raise ApiError(403, "leads see their own team's cases only", field="team")
        return owner_id, user.team
    if owner_id is not None and owner_id != user.id:
        raise ApiError(403, "agents see their own cases only", field="owner_id")
    return user.id, team


def check_assignment(user: User, *, owner_id: int | None, team: str | None,
                     session: Session) -> None:
    """Agents may only assign to themselves; leads only within their team."""
    if user.role == "admin":
        return
    if user.role == "agent":
        if owner_id not in (None, user.id):
            raise ApiError(403, "agents can only own cases themselves", field="owner_id")
        if team not in (None, user.team):
            raise ApiError(403, "agents can only open cases for their team", field="team")
        return
    if team not in (None, user.team):
        raise ApiError(403, "leads assign within their own team", field="team")
    if owner_id is not None:
        from kettle.users import service as users

        owner = users.get(session=session, user_id=owner_id)
        if owner.team != user.team:
            raise ApiError(403, "leads assign to members of their team", field="owner_id")


def record_view(*, session: Session, user: User, case: Any, what: str, enabled: bool) -> None:
    """Audit that ``user`` saw ``what`` of ``case`` (C9: who saw what), when enabled."""
    if not enabled:
        return
    from kettle.audit import service as audit

    audit.record(session=session, action=f"view_{what}", entity=case, actor_id=user.id)
    session.commit()
