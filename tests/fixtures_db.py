"""Real-database fixtures for the storage tests, imported by the domain conftests.

``db_url`` is parametrised over a fresh SQLite file and a fresh PostgreSQL
database (``kettle_test_<random>``, dropped at the end). PostgreSQL tests skip
when the server is unreachable, and fail instead when KETTLE_REQUIRE_POSTGRES=1.
``session`` gives each test its own transaction, rolled back afterwards;
service commits only release savepoints inside it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from kettle.db import engine_from_url, upgrade

PG_ADMIN_URL = os.environ.get(
    "KETTLE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

__all__ = ["db_engine", "db_url", "fresh_url", "make_case", "make_user", "pg_url", "session"]


def _pg_or_skip() -> None:
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:
        if os.environ.get("KETTLE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"KETTLE_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable at {PG_ADMIN_URL} (set KETTLE_TEST_POSTGRES_URL)")


def fresh_pg_database() -> Iterator[str]:
    """Create a uniquely named database, yield its URL, drop it."""
    _pg_or_skip()
    name = f"kettle_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A migrated PostgreSQL database for this test session."""
    for url in fresh_pg_database():
        upgrade(url)
        yield url


@pytest.fixture(
    scope="session",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database URL: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("db") / "kettle.sqlite"
        url = f"sqlite:///{path}"
        upgrade(url)
        return url
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="session")
def db_engine(db_url: str) -> Iterator[Engine]:
    engine = engine_from_url(db_url)
    yield engine
    engine.dispose()


@pytest.fixture()
def session(db_engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test."""
    connection = db_engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield db
    finally:
        db.close()
        outer.rollback()
        connection.close()


def make_user(session: Session, **fields: Any) -> Any:
    """A user through the service (factory): agent of team 'care' unless told otherwise."""
    from kettle.users import service
    from kettle.users.schemas import UserCreate

    data: dict[str, Any] = {"name": "Ana Agent", "role": "agent", "team": "care", **fields}
    return service.create(session=session, user_in=UserCreate(**data))


def make_case(session: Session, *, tz: str = "Europe/Berlin", **fields: Any) -> Any:
    """A case through the service (factory), for a customer in zone ``tz``."""
    from kettle.cases import service
    from kettle.cases.schemas import CaseCreate

    customer = fields.pop(
        "customer",
        {"name": "Carla Customer", "tz": tz, "contact": f"carla{uuid.uuid4().hex[:6]}@example.com"},
    )
    data: dict[str, Any] = {"customer": customer, "subject": "Broken kettle", **fields}
    return service.create(session=session, case_in=CaseCreate(**data))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database of its own, for tests that commit from several connections."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
        upgrade(url)
        yield url
        return
    for url in fresh_pg_database():
        upgrade(url)
        yield url
