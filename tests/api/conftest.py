"""Real-database fixtures for the API tests.

Each database (a SQLite file, and PostgreSQL when it answers) is migrated once
per session with the shipped Alembic migrations. Each test then runs inside one
connection-level transaction that is rolled back at the end; the services'
own ``commit()`` calls only release savepoints inside it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from tests.rollback import connection, make_session, session

__all__ = ["connection", "make_session", "session"]

PG_ADMIN_URL = os.environ.get(
    "KETTLE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_database() -> Iterator[str]:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        if os.environ.get("KETTLE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"KETTLE_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable at {PG_ADMIN_URL} (set KETTLE_REQUIRE_POSTGRES=1 "
                    "to make this a failure)")
    name = f"kettle_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated database: a SQLite file, or a fresh PostgreSQL database."""
    from kettle.db import upgrade

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('apidb') / 'kettle.sqlite'}"
        upgrade(url)
        yield url
        return
    gen = _postgres_database()
    url = next(gen)
    upgrade(url)
    yield url
    gen.close()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    from kettle.db import engine_from_url

    kwargs: dict[str, Any] = {}
    if database_url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    eng = engine_from_url(database_url, **kwargs)
    yield eng
    eng.dispose()


@pytest.fixture
def app(make_session: Callable[[], Session]) -> Any:
    from kettle.api import create_app
    from kettle.api.settings import ApiSettings
    from kettle.config import Settings

    application = create_app(Settings(), ApiSettings(api_max_body_bytes=64 * 1024))
    application.state.sessions = make_session
    return application


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def make_user(session: Session) -> Callable[..., tuple[Any, str]]:
    """Create a user with a role and team; returns ``(user, token)``."""
    from kettle.users import service as users
    from kettle.users.schemas import UserCreate

    def factory(role: str = "agent", team: str | None = "north", name: str | None = None
                ) -> tuple[Any, str]:
        user = users.create(session=session, user_in=UserCreate(
            name=name or f"{role}-{uuid.uuid4().hex[:6]}", role=role, team=team))  # type: ignore[arg-type]
        token = users.issue_token(session=session, user_id=user.id)
        return user, token

    return factory


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def agent(make_user: Callable[..., tuple[Any, str]]) -> tuple[Any, str]:
    return make_user("agent")


@pytest.fixture
def lead(make_user: Callable[..., tuple[Any, str]]) -> tuple[Any, str]:
    return make_user("lead")


@pytest.fixture
def admin(make_user: Callable[..., tuple[Any, str]]) -> tuple[Any, str]:
    return make_user("admin", team=None)



@pytest.fixture(params=BACKENDS)
def live_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    from kettle.db import upgrade

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'live.sqlite'}"
        upgrade(url)
        yield url
        return
    gen = _postgres_database()
    url = next(gen)
    upgrade(url)
    yield url
    gen.close()
