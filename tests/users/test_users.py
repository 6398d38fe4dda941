"""Users and API tokens (stored hashed)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kettle.users import service
from kettle.users.schemas import UserUpdate
from tests.fixtures_db import make_user


def test_token_is_stored_hashed_and_finds_the_user(session: Session) -> None:
    user = make_user(session, role="lead")
    token = service.issue_token(session=session, user_id=user.id)
    assert user.token_hash == service.hash_token(token) and token not in user.token_hash
    assert service.get_user_by_token(session=session, token=token) is user
    assert service.get_user_by_token(session=session, token=token + "x") is None
    assert service.get_user_by_token(session=session, token="") is None
    service.update(session=session, user_id=user.id, user_in=UserUpdate(active=False))
    assert service.get_user_by_token(session=session, token=token) is None


def test_team_lead_and_filters(session: Session) -> None:
    lead = make_user(session, role="lead", team="north")
    make_user(session, team="north")
    assert service.team_lead(session=session, team="north") is lead
    assert service.team_lead(session=session, team="south") is None
    assert [u.role for u in service.get_all(session=session, team="north")] == ["lead", "agent"]
