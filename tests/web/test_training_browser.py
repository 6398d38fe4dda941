"""The training page in a real browser (issue 5, "the web page in the browser tests"):
Debian's chromium driving a real `kettle demo` server on a fresh SQLite database.

A trainee starts the movers scenario with a fixed seed from the keyboard, plays
a short transcript that follows the method: the gauge falls, the customer
accepts, the debrief shows the scorecard and the curve. A doubting reply makes
the gauge rise, and a reload continues the session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.simulator.trainees import DOUBT_AND_POLICY, METHOD
from tests.web.browser import DemoServer, sign_in_as

pytestmark = pytest.mark.browser

MOVERS = "movers-late-inspection"


def start_movers(page: Any, server: DemoServer, seed: int) -> None:
    page.get_by_role("link", name="Training").click()
    page.wait_for_url("**/console/training")
    page.locator(f"#sc-{MOVERS}").check()
    page.get_by_label("Seed").fill(str(seed))
    page.get_by_label("Seed").press("Enter")  # submits the form from the keyboard
    page.wait_for_url("**/console/training/*")
    page.locator("#reply").wait_for()


def gauge_now(page: Any) -> float:
    return float(page.locator("#now-gauge [role=meter]").get_attribute("aria-valuenow") or 0)


def send(page: Any, text: str, index: int) -> None:
    box = page.locator("#reply")
    box.fill(text)
    box.press("Enter")
    page.locator(f"#chat li.feedback[data-index='{index}']").wait_for()


def test_method_transcript_cools_resolves_and_shows_the_debrief(
        server: DemoServer, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 1100})
    sign_in_as(page, server, "Alex Rivera")
    start_movers(page, server, seed=4)
    start = gauge_now(page)
    assert start >= 80
    readings = [start]
    for index, text in enumerate(METHOD[MOVERS], start=1):
        send(page, text, index)
        readings.append(gauge_now(page))
        if index == 1:
            assert page.locator("#customer-live").inner_text().startswith("Customer (")
    assert readings[-1] < 50 and readings[-1] < readings[0]
    assert readings == sorted(readings, reverse=True)
    assert "resolved" in page.locator("#status").inner_text()
    debrief = page.locator("section.debrief")
    debrief.wait_for()
    assert debrief.get_attribute("data-outcome") == "resolved"
    assert page.evaluate("() => document.activeElement.id") == "debrief-title"
    steps = page.locator("table.scorecard tbody tr")
    assert steps.count() >= 5
    assert page.locator("table.scorecard tr[data-step=vent] td.score").inner_text().strip()
    assert page.locator("section.debrief svg circle").count() == len(readings)
    assert page.locator("#reply").count() == 0
    page.screenshot(path=str(tmp_path / "training.png"), full_page=True)
    page.close()


def test_doubting_reply_raises_the_gauge_and_a_reload_continues(
        server: DemoServer, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in_as(page, server, "Sam Okafor")
    start_movers(page, server, seed=3)
    before = gauge_now(page)
    send(page, DOUBT_AND_POLICY[0], 1)
    after = gauge_now(page)
    assert after > before
    feedback = page.locator("#chat li.feedback[data-index='1']")
    assert float(feedback.get_attribute("data-delta") or 0) > 0
    assert feedback.locator("li[data-kind=doubt]").count() == 1
    page.reload()
    page.locator("#reply").wait_for()
    assert page.locator("#chat li.feedback").count() == 1
    assert gauge_now(page) == after
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length)
                     && !e.getAttribute('aria-label')).map(e => e.name)""")
    assert unlabelled == []
    page.close()
