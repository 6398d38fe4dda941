"""The agent view over HTTP: thread with gauges and signals, live check, actions."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from tests.web.conftest import Console


def test_queue_is_sorted_by_heat_then_due(sign_in: Callable[[str], Console]) -> None:
    page = sign_in("Alex Rivera").client.get("/console/").text
    bands = re.findall(r'data-band="(\w+)"', page)
    rank = {"boiling": 3, "hot": 2, "warm": 1, "calm": 0}
    assert bands, "the queue is empty"
    assert [rank[b] for b in bands] == sorted((rank[b] for b in bands), reverse=True)
    assert bands[0] in ("boiling", "hot")


def test_case_page_shows_gauges_signals_and_the_next_move(
    sign_in: Callable[[str], Console], seeded: Any
) -> None:
    page = sign_in("Alex Rivera").client.get(f"/console/cases/{seeded.stories['shoe_return']}")
    assert page.status_code == 200
    html = page.text
    temps = [float(t) for t in re.findall(r'aria-valuenow="([\d.]+)"', html)]
    assert temps and all(30 <= t <= 100 for t in temps)
    assert max(temps) >= 85  # the shoe-return customer is boiling over
    assert 'data-signal="cancel_threat"' in html  # "Forget it, I'm done with this company"
    # One stressed word ("YOUR damaged box") is emphasis, not shouting (D43).
    assert 'data-signal="shouting"' not in html
    assert 'id="next-move"' in html and "Next:" in html
    assert "customer time zone <strong>America/New_York</strong>" in html
    assert html.count('class="insert"') >= 3  # reflection, plan, follow-up suggestions


def test_profanity_is_masked_in_the_thread(sign_in: Callable[[str], Console],
                                           seeded: Any, session: Session) -> None:
    from kettle.cases import service as cases

    case_id = seeded.dialogues[0]  # STC-3: "Go to hell! ... fucking emptied ..."
    raw = " ".join(m.text for m in cases.get_messages(session=session, case_id=case_id))
    assert "fucking" in raw
    html = sign_in("Alex Rivera").client.get(f"/console/cases/{case_id}").text
    assert "fucking" not in html
    assert 'data-signal="profanity"' in html


def test_check_flags_doubt_with_a_rewrite(sign_in: Callable[[str], Console],
                                          seeded: Any) -> None:
    console = sign_in("Alex Rivera")
    review = console.check(seeded.stories["shoe_return"], "Are you sure that's what happened?")
    assert review.status_code == 200
    body = review.json()
    doubt = [f for f in body["anti_patterns"] if f["name"] == "doubt"]
    assert doubt and doubt[0]["rewrite"]
    assert doubt[0]["span"]["text"].lower().startswith("are you sure")
    assert body["verdict"] != "send"
    assert "empathy" in body["missing"]


def test_check_resolves_promises_in_the_customers_zone(sign_in: Callable[[str], Console],
                                                       seeded: Any) -> None:
    console = sign_in("Alex Rivera")
    body = console.check(seeded.stories["shoe_return"],
                         "I'm sorry. I'll call you back by 5 pm today.").json()
    assert body["tz"] == "America/New_York"
    [promise] = body["commitments"]
    due = datetime.fromisoformat(promise["due"])
    today = datetime.now(ZoneInfo("America/New_York"))
    local = due.astimezone(ZoneInfo("America/New_York"))
    assert (local.hour, local.minute) == (17, 0)
    assert abs((local.date() - today.date()).days) <= 1  # midnight may pass mid-test
    assert promise["due_local"].endswith(f"17:00 {local.tzname()}")


def test_check_rejects_an_empty_or_huge_draft(sign_in: Callable[[str], Console],
                                              seeded: Any) -> None:
    console = sign_in("Alex Rivera")
    assert console.check(seeded.stories["courier"], "").status_code == 422
    assert console.check(seeded.stories["courier"], "x" * 20_001).status_code == 422


def test_send_ingests_and_creates_the_promise(sign_in: Callable[[str], Console],
                                              seeded: Any, session: Session) -> None:
    from kettle.promises import service as promises

    console = sign_in("Alex Rivera")
    case_id = seeded.stories["courier"]
    before = len(promises.get_all(session=session, case_id=case_id))
    sent = console.post(f"/console/cases/{case_id}/reply", {
        "text": "I'm so sorry. I will call the depot and call you back within 2 hours.",
        "key": "test-send-1"})
    assert sent.status_code == 303 and "notice=Reply+sent" in sent.headers["location"]
    again = console.post(f"/console/cases/{case_id}/reply", {
        "text": "I'm so sorry. I will call the depot and call you back within 2 hours.",
        "key": "test-send-1"})
    assert again.status_code == 303
    rows = promises.get_all(session=session, case_id=case_id)
    assert len(rows) == before + 1  # the double submit was not stored twice
    assert rows[-1].due_at is not None
    delta = rows[-1].due_at - datetime.now(ZoneInfo("UTC"))
    assert timedelta(hours=1, minutes=50) < delta <= timedelta(hours=2, minutes=1)
    page = console.client.get(f"/console/cases/{case_id}").text
    assert f'data-promise-id="{rows[-1].id}"' in page


def test_send_refuses_an_empty_reply(sign_in: Callable[[str], Console], seeded: Any) -> None:
    response = sign_in("Alex Rivera").post(
        f"/console/cases/{seeded.stories['courier']}/reply", {"text": "   "})
    assert "error=write+a+reply" in response.headers["location"]


def test_a_message_in_another_language_is_marked_in_the_thread(
    sign_in: Callable[[str], Console], seeded: Any, session: Session
) -> None:
    """D35, D38: a message Kettle cannot read says so (a customer's gauge, an agent's
    check), the others do not."""
    from kettle.cases import service as cases

    case_id = seeded.stories["shoe_return"]
    console = sign_in("Alex Rivera")
    before = console.client.get(f"/console/cases/{case_id}").text
    assert "data-not-english" not in before and "data-suggestions-not-english" not in before
    cases.ingest_message(session=session, case_id=case_id, role="customer",
                         text="¡Esto es inaceptable! Llevo tres semanas esperando mi reembolso.",
                         sent_at=None)
    html = console.client.get(f"/console/cases/{case_id}").text
    assert html.count("data-not-english") == 1
    assert "Llevo tres semanas" in html
    # The suggestions say none of it back, and say so.
    assert "data-suggestions-not-english" in html and html.count("Llevo tres semanas") == 1
    # D38: nor does the coach judge an agent's reply in another language.
    assert "not English, not checked" not in html
    cases.ingest_message(session=session, case_id=case_id, role="agent",
                         text="Lo siento mucho por las molestias, le enviaremos un reembolso "
                              "mañana.", sent_at=None)
    html = console.client.get(f"/console/cases/{case_id}").text
    assert html.count("not English, not checked") == 1 and html.count("data-not-english") == 2
