"""Fixtures for the console tests: a seeded demo database, an app, signed-in clients.

The demo database is built once per session with the real migrations and the
real seeding code (:mod:`kettle.web.demo_data`). Each test then runs in one
connection-level transaction that is rolled back, as in tests/api.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tests.rollback import connection, make_session, session
from tests.web.browser import DemoServer, chromium_path, launch

__all__ = ["connection", "make_session", "session"]


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium for the browser tests (skips, or fails, when it is missing)."""
    return chromium_path()


@pytest.fixture(scope="module")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    """A real ``kettle demo`` server on a fresh SQLite file, one per browser test module."""
    demo = DemoServer(tmp_path_factory.mktemp("browser")).start()
    yield demo
    demo.stop()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    """Headless chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        engine = launch(playwright, chromium)
        yield engine
        engine.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """A migrated SQLite file seeded with the demo; yields ``(url, seeded)``."""
    from kettle.db import session_factory, upgrade
    from kettle.web.demo_data import seed

    url = f"sqlite:///{tmp_path_factory.mktemp('consoledb') / 'demo.sqlite'}"
    upgrade(url)
    factory = session_factory(url)
    with factory() as session:
        seeded = seed(session)
    factory.kw["bind"].dispose()
    yield url, seeded


@pytest.fixture(scope="session")
def engine(demo_db: tuple[str, Any]) -> Iterator[Engine]:
    from kettle.db import engine_from_url

    eng = engine_from_url(demo_db[0], connect_args={"timeout": 30, "check_same_thread": False})
    yield eng
    eng.dispose()


def build_app(make_session: Callable[[], Session], *, demo: bool = False) -> Any:
    from kettle.api import create_app
    from kettle.api.settings import ApiSettings
    from kettle.config import Settings
    from kettle.web.settings import ConsoleSettings

    app = create_app(Settings(), ApiSettings(), console=ConsoleSettings(demo=demo,
                                                                         secret="test-secret"))
    app.state.sessions = make_session
    return app


@pytest.fixture
def app(make_session: Callable[[], Session]) -> Any:
    return build_app(make_session)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def seeded(demo_db: tuple[str, Any]) -> Any:
    return demo_db[1]


def csrf_of(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]*)"', html)
    assert found is not None, "page has no csrf meta tag"
    return found.group(1)


class Console:
    """A TestClient signed in as one user, with the CSRF token of its session."""

    def __init__(self, client: TestClient, token: str) -> None:
        self.client = client
        response = client.post("/console/login", data={"token": token},
                               follow_redirects=False)
        assert response.status_code == 303, response.text
        page = client.get("/console/")
        assert page.status_code == 200
        self.csrf = csrf_of(page.text)

    def post(self, path: str, data: dict[str, str] | None = None) -> Any:
        return self.client.post(path, data={"csrf": self.csrf, **(data or {})},
                                follow_redirects=False)

    def check(self, case_id: int, reply: str) -> Any:
        return self.client.post(f"/console/api/cases/{case_id}/check", json={"reply": reply},
                                headers={"X-CSRF-Token": self.csrf})


@pytest.fixture
def sign_in(client: TestClient, seeded: Any) -> Callable[[str], Console]:
    """``sign_in("Alex Rivera")`` signs the client in as that demo user."""

    def factory(name: str) -> Console:
        return Console(client, seeded.tokens[name])

    return factory
