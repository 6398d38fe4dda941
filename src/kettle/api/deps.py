"""Dependencies shared by every router: a database session, the current user, roles.

``SessionDep`` is one SQLAlchemy session per request (closed afterwards; the
services commit their own work). ``CurrentUser`` is the active user whose API
token came in ``Authorization: Bearer <token>``; anything else is a 401.
Role checks: an *agent* works on their own cases, a *lead* on their team's, an
*admin* on everything and is the only one who configures (users, policies).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from kettle.api.errors import ApiError
from kettle.users.models import User

ROLE_RANK: dict[str, int] = {"agent": 1, "lead": 2, "admin": 3}


def get_session(request: Request) -> Iterator[Session]:
    session: Session = request.app.state.sessions()
    try:
        yield session
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


def get_read_session(request: Request) -> Iterator[Session]:
    """A session for requests that only read: it refuses to write and, on SQLite, begins
    DEFERRED, so it never queues on the write lock (D11). Falls back to a plain session
    when the app's factory has no read-only variant (tests swap in a plain factory)."""
    factory = request.app.state.sessions
    session: Session = getattr(factory, "read_only", factory)()
    try:
        yield session
    finally:
        session.close()


ReadSessionDep = Annotated[Session, Depends(get_read_session)]


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization")
    if not header:
        raise ApiError(401, "authentication required: send 'Authorization: Bearer <token>'",
                       field="Authorization")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "the Authorization header must be 'Bearer <token>'",
                       field="Authorization")
    return token.strip()


def get_current_user(request: Request, session: SessionDep) -> User:
    from kettle.users import service as users

    user = users.get_user_by_token(session=session, token=bearer_token(request))
    if user is None:
        raise ApiError(401, "unknown, revoked or inactive API token", field="Authorization")
    request.state.user = user
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_reader(request: Request, session: ReadSessionDep) -> User:
    """The current user, looked up in a read-only session (for routes that never write)."""
    return get_current_user(request, session)


#: The current user on routes that only read (``/analyze``): no write lock taken on SQLite.
ReaderUser = Annotated[User, Depends(get_reader)]


def require_role(minimum: str) -> Callable[[User], User]:
    """A dependency that lets through users of ``minimum`` rank or above."""

    def check(user: CurrentUser) -> User:
        if ROLE_RANK.get(user.role, 0) < ROLE_RANK[minimum]:
            raise ApiError(403, f"this needs the {minimum} role or above; you are {user.role}")
        return user

    check.__name__ = f"require_{minimum}"
    return check


LeadUser = Annotated[User, Depends(require_role("lead"))]
AdminUser = Annotated[User, Depends(require_role("admin"))]


def can_see_case(user: User, *, owner_id: int | None, team: str | None) -> bool:
    """Agents see cases they own, leads their team's (and their own), admins all."""
    if user.role == "admin":
        return True
    if owner_id is not None and owner_id == user.id:
        return True
    return user.role == "lead" and team is not None and team == user.team
