"""Alembic: upgrade to head and downgrade to base, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from kettle.db import downgrade, engine_from_url, upgrade
from kettle.db.base import Base, load_models
from kettle.db.migrate import current
from tests.fixtures_db import fresh_pg_database


def _tables(url: str) -> set[str]:
    engine = engine_from_url(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def _round_trip(url: str) -> None:
    load_models()
    upgrade(url)
    assert current(url) is not None
    assert _tables(url) == set(Base.metadata.tables)
    downgrade(url, "base")
    assert _tables(url) == set()
    assert current(url) is None
    upgrade(url)
    assert _tables(url) == set(Base.metadata.tables)


def test_upgrade_downgrade_sqlite(tmp_path: Path) -> None:
    _round_trip(f"sqlite:///{tmp_path / 'm.sqlite'}")


@pytest.mark.postgres
def test_upgrade_downgrade_postgres() -> None:
    for url in fresh_pg_database():
        _round_trip(url)


def test_sqlite_engine_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = engine_from_url(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_models_match_the_migrations(tmp_path: Path) -> None:
    """Autogenerate finds nothing to add: the first revision covers every model."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    load_models()
    upgrade(url)
    engine = engine_from_url(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
