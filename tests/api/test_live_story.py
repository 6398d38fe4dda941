"""The method's story, end to end, through a real `kettle serve` over HTTP.

The customer vents; the agent acknowledges and reflects; the agent promises a
callback by 5 pm; the worker reminds at the right time (one-shot passes with a
controlled clock, webhooks to a real local HTTP receiver); the agent reports it
done; the satisfaction check goes out; the case is resolved and followed up.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.live import LiveServer, create_user

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday; London is on GMT (UTC) then
FIVE_PM = "2026-03-02T17:00:00Z"
VENT = ("This is ridiculous! The moving truck never showed up, I've been waiting since 8 am "
        "and nobody answers the phone. I have to be out of the flat by tonight!!!")
REFLECT = ("I'm so sorry. It sounds like you've been left stranded on moving day with no "
           "truck, and that must be incredibly stressful when you have to be out by tonight.")
PROMISE = "I will call the depot now and call you back by 5 pm today."
DONE = ("I called the depot as promised: a truck is booked for 6 pm today and the driver "
        "will call you when he leaves.")


class Receiver:
    """A webhook receiver: a real HTTP server on loopback that keeps what it gets."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        events = self.events

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                events.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def of(self, event: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["event"] == event]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()


def worker_pass(url: str, hook: str, now: datetime) -> Any:
    """The worker's one-shot pass, as `kettle worker --once` runs it, at ``now``."""
    from kettle.cases.settings import WorkflowSettings
    from kettle.db import session_factory
    from kettle.promises.worker import notifiers_from, run_once

    settings = WorkflowSettings(database_url=url, webhook_url=hook, webhook_secret="s3cret",
                                webhook_retries=0)
    sessions = session_factory(url)
    try:
        return run_once(sessions=sessions, notifiers=notifiers_from(settings, sessions),
                        settings=settings, now=now)
    finally:
        bind = sessions.kw["bind"]
        bind.dispose()


def say(client: httpx.Client, case_id: int, role: str, text: str, at: datetime) -> Any:
    r = client.post(f"/cases/{case_id}/messages",
                    json={"role": role, "text": text, "sent_at": at.isoformat()})
    assert r.status_code == 201, r.text
    return r.json()


@pytest.mark.slow
def test_the_method_end_to_end(live_url: str, tmp_path: Path, receiver: Receiver) -> None:
    _, admin_token = create_user(live_url, "admin", "Root", team=None)
    with LiveServer(live_url, tmp_path / "server.log").start() as server:
        with server.client(admin_token) as admin:
            made = admin.post("/users", json={"name": "Ana", "role": "agent", "team": "north"})
            assert made.status_code == 201, made.text
        with server.client(made.json()["token"]) as agent:
            play_story(agent, live_url, receiver)


def play_story(agent: httpx.Client, url: str, receiver: Receiver) -> None:
    case = agent.post("/cases", json={"customer": {"name": "Sam Reed", "tz": "Europe/London"},
                                      "subject": "moving truck"}).json()
    cid = case["id"]
    assert case["stage"] == "new"

    vent = say(agent, cid, "customer", VENT, T0)
    assert vent["analysis"]["kind"] == "reading" and vent["temperature"] >= 60
    assert agent.get(f"/cases/{cid}").json()["stage"] == "venting"

    reflect = say(agent, cid, "agent", REFLECT, T0 + timedelta(minutes=2))
    used = {t["name"] for t in reflect["analysis"]["techniques"]}
    assert {"reflection", "empathy"} <= used and reflect["analysis"]["verdict"] == "send"
    assert agent.get(f"/cases/{cid}").json()["stage"] == "acknowledged"

    say(agent, cid, "agent", PROMISE, T0 + timedelta(minutes=5))
    promises = agent.get(f"/cases/{cid}/promises").json()["items"]
    assert len(promises) == 1 and promises[0]["state"] == "open"
    promise = promises[0]
    assert promise["due_at"].replace("+00:00", "Z") == FIVE_PM

    remind_at_the_right_time(url, receiver, promise["id"])

    say(agent, cid, "agent", DONE, datetime(2026, 3, 2, 16, 50, tzinfo=UTC))
    assert agent.get(f"/promises/{promise['id']}").json()["state"] == "kept"

    resolved = agent.post(f"/cases/{cid}/resolve", json={"resolution": "truck re-booked"})
    assert resolved.status_code == 200 and resolved.json()["stage"] == "resolved"
    checks = agent.get(f"/cases/{cid}/follow-ups", params={"kind": "satisfaction"}).json()
    assert [f["state"] for f in checks["items"]] == ["open"]
    due = datetime.fromisoformat(checks["items"][0]["due_at"].replace("Z", "+00:00"))
    assert worker_pass(url, receiver.url, due - timedelta(minutes=1)).follow_ups == 0
    assert worker_pass(url, receiver.url, due + timedelta(minutes=1)).follow_ups == 1
    sent = [e for e in receiver.of("follow_up.due") if e["follow_up"]["kind"] == "satisfaction"]
    assert len(sent) == 1 and sent[0]["case"]["id"] == cid

    rated = agent.post(f"/cases/{cid}/satisfaction", json={"score": 5})
    assert rated.status_code == 200, rated.text
    final = agent.get(f"/cases/{cid}").json()
    assert final["stage"] == "followed_up" and final["satisfaction"] == 5
    assert final["resolved_at"] is not None and final["resolution"] == "truck re-booked"
    moves = [m["to_stage"] for m in agent.get(f"/cases/{cid}/moves").json()["items"]]
    assert moves[0] == "venting" and moves[-2:] == ["resolved", "followed_up"]


def remind_at_the_right_time(url: str, receiver: Receiver, promise_id: int) -> None:
    """No reminder before the lead time; exactly one inside it; none on a second pass."""
    early = worker_pass(url, receiver.url, datetime(2026, 3, 2, 16, 20, tzinfo=UTC))
    assert early.promise_reminders == 0
    assert not [e for e in receiver.of("promise.due") if e["promise"]["id"] == promise_id]
    on_time = worker_pass(url, receiver.url, datetime(2026, 3, 2, 16, 31, tzinfo=UTC))
    assert on_time.promise_reminders == 1 and on_time.failed == 0
    again = worker_pass(url, receiver.url, datetime(2026, 3, 2, 16, 40, tzinfo=UTC))
    assert again.promise_reminders == 0
    reminders = [e for e in receiver.of("promise.due") if e["promise"]["id"] == promise_id]
    assert len(reminders) == 1
    assert reminders[0]["promise"]["action"].startswith("call")
