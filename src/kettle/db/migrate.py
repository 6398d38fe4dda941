"""Run the Alembic migrations shipped inside the package, for a URL given in code."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config

from kettle.db.engine import database_url


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at ``kettle/db/migrations`` and the database ``url``."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("kettle.db") / "migrations"))
    config.attributes["url"] = database_url(url)
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision`` (default: the latest)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    """Take the database at ``url`` down to ``revision`` (default: empty)."""
    command.downgrade(alembic_config(url), revision)


def current(url: str | None = None) -> str | None:
    """The revision the database at ``url`` is at (None when never migrated)."""
    from alembic.runtime.migration import MigrationContext

    from kettle.db.engine import engine_from_url

    engine = engine_from_url(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
