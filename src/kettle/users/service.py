"""User service: create, get, list, update, tokens (stored as SHA-256 hashes only)."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import NotFound
from kettle.users.models import User
from kettle.users.schemas import UserCreate, UserUpdate


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(*, session: Session, user_in: UserCreate, actor_id: int | None = None) -> User:
    """Create a user (no token yet: see :func:`issue_token`)."""
    user = User(name=user_in.name, email=user_in.email, role=user_in.role, team=user_in.team)
    session.add(user)
    session.flush()
    audit.record(
        session=session, actor_id=actor_id, action="create", entity=user, after=_plain(user)
    )
    session.commit()
    return user


def get(*, session: Session, user_id: int) -> User:
    """The user ``user_id``; raises :class:`NotFound`."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"no user {user_id}", field="user_id")
    return user


def get_all(*, session: Session, team: str | None = None, role: str | None = None) -> list[User]:
    """Users, optionally of one team and/or role, by id."""
    query = select(User).order_by(User.id)
    if team is not None:
        query = query.where(User.team == team)
    if role is not None:
        query = query.where(User.role == role)
    return [*session.scalars(query)]


def update(
    *, session: Session, user_id: int, user_in: UserUpdate, actor_id: int | None = None
) -> User:
    """Change the fields set in ``user_in``."""
    user = get(session=session, user_id=user_id)
    before = _plain(user)
    for name, value in user_in.model_dump(exclude_unset=True).items():
        setattr(user, name, value)
    audit.record(
        session=session,
        actor_id=actor_id,
        action="update",
        entity=user,
        before=before,
        after=_plain(user),
    )
    session.commit()
    return user


def issue_token(*, session: Session, user_id: int, actor_id: int | None = None) -> str:
    """Give the user a new API token and return it; only its hash is stored."""
    user = get(session=session, user_id=user_id)
    token = "kt_" + secrets.token_urlsafe(32)
    user.token_hash = hash_token(token)
    audit.record(session=session, actor_id=actor_id, action="issue_token", entity=user)
    session.commit()
    return token


def get_user_by_token(*, session: Session, token: str) -> User | None:
    """The active user whose token this is, or None (unknown, revoked or inactive)."""
    if not token:
        return None
    user = session.scalar(select(User).where(User.token_hash == hash_token(token)))
    if user is None or not user.active:
        return None
    return user


def team_lead(*, session: Session, team: str | None) -> User | None:
    """The first active lead of ``team`` (None when the team has none)."""
    if team is None:
        return None
    query = select(User).where(User.team == team, User.role == "lead", User.active.is_(True))
    return session.scalar(query.order_by(User.id).limit(1))


def _plain(user: User) -> dict[str, object]:
    return {"name": user.name, "role": user.role, "team": user.team, "active": user.active}
