"""Storage: an engine and sessions from a URL, the declarative Base, Alembic migrations.

``engine_from_url`` builds an engine (SQLite files get WAL and foreign keys);
``session_factory`` makes sessions; ``upgrade``/``downgrade`` run the migrations
shipped in ``kettle/db/migrations``.
"""

from __future__ import annotations

from kettle.db.base import Base
from kettle.db.engine import (
    DEFAULT_URL,
    database_url,
    engine_from_url,
    is_postgres,
    session_factory,
)
from kettle.db.migrate import downgrade, upgrade

__all__ = [
    "DEFAULT_URL",
    "Base",
    "database_url",
    "downgrade",
    "engine_from_url",
    "is_postgres",
    "session_factory",
    "upgrade",
]
