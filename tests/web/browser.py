"""A real `kettle demo` server and Debian's chromium driven by Playwright, for the browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.api.live import free_port, spawn, stop_process, wait_healthy

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium_path() -> str:
    """Debian's chromium; skip (or fail when KETTLE_REQUIRE_BROWSER=1) when it is missing."""
    found = os.environ.get("KETTLE_CHROMIUM") or next(
        (p for p in CHROMIUM_CANDIDATES if Path(p).exists()), None) or shutil.which("chromium")
    problem = None
    if not found:
        problem = "chromium not found (apt-get install -y chromium, or set KETTLE_CHROMIUM)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright is not installed (pip install -e '.[dev]')"
    if problem:
        if os.environ.get("KETTLE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KETTLE_REQUIRE_BROWSER=1 but {problem}")
        pytest.skip(f"{problem}; set KETTLE_REQUIRE_BROWSER=1 to make this a failure")
    assert found is not None
    return found


class DemoServer:
    """``kettle demo --no-browser`` on a free port with a fresh SQLite file."""

    def __init__(self, workdir: Path) -> None:
        self.database = workdir / "demo.sqlite"
        self.log = workdir / "demo.log"
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.database}"

    def start(self, timeout: float = 120.0) -> DemoServer:
        self.proc = spawn(["demo", "--no-browser", "--port", str(self.port),
                           "--database", str(self.database)], self.log, {**os.environ})
        wait_healthy(self.proc, self.url, self.log, timeout, "kettle demo")
        return self

    def stop(self) -> None:
        stop_process(self.proc)

def launch(playwright: Any, executable: str) -> Any:
    return playwright.chromium.launch(executable_path=executable, headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage"])


def sign_in_as(page: Any, server: DemoServer, name: str) -> None:
    """Sign in on the login page by picking the demo user ``name``."""
    page.goto(server.url + "/console/login")
    page.get_by_role("button", name=name).click()
    page.wait_for_url("**/console/")


def first_paint_ms(page: Any) -> dict[str, float]:
    """First contentful paint and DOMContentLoaded of the current page (Performance API)."""
    result: dict[str, float] = page.evaluate("""async () => {
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
        const nav = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return {fcp: fcp ? fcp.startTime : -1,
                dom_content_loaded: nav ? nav.domContentLoadedEventEnd : -1,
                response_end: nav ? nav.responseEnd : -1};
    }""")
    return result
