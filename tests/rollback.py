"""Per-test rollback fixtures over a session-scoped ``engine`` fixture.

Imported by the conftests that define ``engine`` (tests/api, tests/web): each test
runs inside one connection-level transaction that is rolled back at the end; the
services' own ``commit()`` calls only release savepoints inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

__all__ = ["connection", "make_session", "session"]


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    conn = engine.connect()
    outer = conn.begin()
    try:
        yield conn
    finally:
        outer.rollback()
        conn.close()


@pytest.fixture
def make_session(connection: Connection) -> Callable[[], Session]:
    def factory() -> Session:
        return Session(bind=connection, join_transaction_mode="create_savepoint",
                       expire_on_commit=False)

    return factory


@pytest.fixture
def session(make_session: Callable[[], Session]) -> Iterator[Session]:
    s = make_session()
    yield s
    s.close()
