"""Build the FastAPI application: ``create_app(settings)``.

Nothing happens at import time. ``create_app`` wires the error layer, the body
size limit, the routers and the database session factory (created lazily on the
first request that needs it, so building an app never opens a connection).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session, sessionmaker

from kettle import __version__
from kettle.api import errors
from kettle.api.docs_page import DOCS_HTML
from kettle.api.limits import BodyLimit
from kettle.api.settings import ApiSettings
from kettle.cases.settings import WorkflowSettings
from kettle.config import Settings

if TYPE_CHECKING:
    from kettle.web.settings import ConsoleSettings


class Sessions:
    """The app's session factory, built on first use (thread-safe)."""

    def __init__(self, url: str | None, pool_size: int = 10) -> None:
        self.url = url
        self.pool_size = pool_size
        self._factory: sessionmaker[Session] | None = None
        self._reader: sessionmaker[Session] | None = None
        self._lock = threading.Lock()

    def __call__(self) -> Session:
        return self._build()[0]()

    def read_only(self) -> Session:
        """A session that only reads (SQLite: deferred, never waits for the write lock)."""
        return self._build()[1]()

    def _build(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._factory is None or self._reader is None:
            with self._lock:
                if self._factory is None or self._reader is None:
                    from kettle.db import engine_from_url, session_factory

                    # Enough pooled connections for the thread pool: opening new
                    # SQLite connections under load (PRAGMAs, locks) made the tail slow.
                    engine = engine_from_url(self.url, pool_size=self.pool_size,
                                             max_overflow=self.pool_size)
                    self._reader = session_factory(engine, read_only=True)
                    self._factory = session_factory(engine)
        return self._factory, self._reader

    def dispose(self) -> None:
        """Close the pool (on shutdown); a later request builds a new one."""
        if self._factory is not None:
            bind = self._factory.kw.get("bind")
            if bind is not None:
                bind.dispose()
            self._factory = self._reader = None


def create_app(
    settings: Settings, api: ApiSettings | None = None, workflow: WorkflowSettings | None = None,
    console: ConsoleSettings | None = None,
) -> FastAPI:
    """The Kettle REST API for ``settings`` (engine), ``api`` (HTTP) and ``workflow`` (cases).

    The web console is mounted under ``/console`` (``console`` settings, default from
    ``KETTLE_CONSOLE_*``; see :mod:`kettle.web`).
    """
    api = api or ApiSettings()
    workflow = workflow or WorkflowSettings()
    sessions = Sessions(api.database_url or workflow.database_url, api.api_db_pool_size)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        dispose = getattr(app.state.sessions, "dispose", None)  # tests swap in a plain factory
        if dispose is not None:
            dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Kettle",
        version=__version__,
        description="Takes the heat out of angry-customer conversations.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.api = api
    app.state.workflow = workflow
    app.state.sessions = sessions
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=api.api_max_body_bytes)
    _routes(app)
    from kettle.web.app import mount_console

    mount_console(app, console)
    return app


def _routes(app: FastAPI) -> None:
    from kettle.api.routers import ROUTERS
    from kettle.api.schemas import ERROR_RESPONSES

    @app.get("/healthz", tags=["meta"], summary="Liveness: the process answers")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": __version__}

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> str:
        return DOCS_HTML

    for router in ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)


def app_from_env() -> FastAPI:
    """The app for ``KETTLE_*`` environment settings (uvicorn's factory for ``kettle serve``)."""
    from kettle.config import get_settings

    return create_app(get_settings(), ApiSettings())
