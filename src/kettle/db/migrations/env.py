"""Alembic environment: the URL comes from ``config.attributes['url']`` (see kettle.db.migrate)."""

from __future__ import annotations

from alembic import context

from kettle.db.base import Base, load_models
from kettle.db.engine import database_url, engine_from_url

load_models()
config = context.config
url = config.attributes.get("url") or database_url()


def run() -> None:
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_url(url)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=connection.dialect.name == "sqlite",
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


run()
