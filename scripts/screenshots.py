"""Take the console screenshots in docs/screenshots/ (agent.png, dashboard.png, training.png).

Starts `kettle demo` on a fresh SQLite file and a free port, drives Debian's
chromium with Playwright (headless), and prints the first paint of each page as
the Performance API reports it.

    .venv/bin/python scripts/screenshots.py [--chromium /usr/bin/chromium] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "Are you sure that's what happened? I'll call you back by 5 pm today."
PAINT = """async () => {
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {first_contentful_paint_ms: fcp ? Math.round(fcp.startTime) : null,
          dom_content_loaded_ms: nav ? Math.round(nav.domContentLoadedEventEnd) : null};
}"""


def start_demo(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kettle.cli.main", "demo", "--no-browser", "--port", str(port),
         "--database", str(workdir / "demo.sqlite")],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("kettle demo did not start")


def sign_in(page: Any, url: str, name: str) -> None:
    page.goto(url + "/console/login")
    page.get_by_role("button", name=name).click()
    page.wait_for_url("**/console/")


def agent_view(page: Any, url: str, out: Path) -> dict[str, Any]:
    sign_in(page, url, "Alex Rivera")
    page.locator("ul.queue li a").first.click()
    page.wait_for_url("**/console/cases/*")
    timings = page.evaluate(PAINT)
    page.locator("#reply").press_sequentially(DRAFT, delay=5)
    page.locator("#promises-found li.promise").first.wait_for()
    page.locator("#antipatterns li[data-name=doubt]").wait_for()
    page.screenshot(path=str(out / "agent.png"))
    return timings


def dashboard(page: Any, url: str, out: Path) -> dict[str, Any]:
    sign_in(page, url, "Morgan Lee")
    page.goto(url + "/console/dashboard")
    timings = page.evaluate(PAINT)
    page.screenshot(path=str(out / "dashboard.png"), full_page=True)
    return timings


def training(page: Any, url: str, out: Path) -> dict[str, Any]:
    """The training simulator: the movers scenario (seed 4), played by the method."""
    sys.path.insert(0, str(ROOT))
    from tests.simulator.trainees import METHOD

    sign_in(page, url, "Alex Rivera")
    page.goto(url + "/console/training")
    page.locator("#sc-movers-late-inspection").check()
    page.get_by_label("Seed").fill("4")
    page.get_by_role("button", name="Start session").click()
    page.wait_for_url("**/console/training/*")
    timings = page.evaluate(PAINT)
    for index, text in enumerate(METHOD["movers-late-inspection"], start=1):
        page.locator("#reply").fill(text)
        page.locator("#reply").press("Enter")
        page.locator(f"#chat li.feedback[data-index='{index}']").wait_for()
    page.locator("section.debrief").wait_for()
    page.screenshot(path=str(out / "training.png"), full_page=True)
    return timings


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=os.environ.get("KETTLE_CHROMIUM",
                                                             "/usr/bin/chromium"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_demo(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=args.chromium, headless=True,
                    args=["--no-sandbox", "--disable-dev-shm-usage"])
                tall = {"width": 1440, "height": 1280}
                size = {"width": 1440, "height": 900}
                report = {"agent": agent_view(browser.new_page(viewport=tall), url, args.out),
                          "dashboard": dashboard(browser.new_page(viewport=size), url, args.out),
                          "training": training(browser.new_page(viewport=size), url, args.out)}
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
