"""A real `kettle demo` server and Debian's chromium driven by Playwright, for the browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.live import free_port

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
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kettle.cli.main", "demo", "--no-browser",
                 "--port", str(self.port), "--database", str(self.database)],
                stdout=out, stderr=subprocess.STDOUT, env={**os.environ})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kettle demo exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"kettle demo did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)


def launch(playwright: Any, executable: str) -> Any:
    return playwright.chromium.launch(executable_path=executable, headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage"])


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
