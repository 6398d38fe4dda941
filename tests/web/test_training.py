"""The training simulator in the console (issue 5, "a page in the web console").

Real app, real migrated SQLite database (one rolled-back transaction per test),
signed-in demo users. The session lives in the database between requests, so
every reply here goes through a rebuild of the session from its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.simulator.trainees import DOUBT_AND_POLICY, METHOD
from tests.web.conftest import Console

API = "/console/api/training/sessions"
MOVERS = "movers-late-inspection"


def start(console: Console, **body: Any) -> Any:
    return console.client.post(API, json={"scenario": MOVERS, "seed": 4, **body},
                               headers={"X-CSRF-Token": console.csrf})


def started(console: Console, **body: Any) -> int:
    response = start(console, **body)
    assert response.status_code == 201, response.text
    return int(response.json()["state"]["id"])


def reply(console: Console, training_id: int, text: str) -> Any:
    return console.client.post(f"{API}/{training_id}/replies", json={"reply": text},
                               headers={"X-CSRF-Token": console.csrf})


@pytest.fixture
def second(app: Any, seeded: Any) -> Iterator[Callable[[str], Console]]:
    """Sign in another user on their own client (their own cookie jar)."""
    clients: list[TestClient] = []

    def factory(name: str) -> Console:
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return Console(client, seeded.tokens[name])

    yield factory
    for client in clients:
        client.__exit__(None, None, None)


def test_page_lists_every_scenario_with_category_and_starting_temperature(
        sign_in: Callable[[str], Console]) -> None:
    from kettle.simulator.scenarios import library

    page = sign_in("Alex Rivera").client.get("/console/training")
    assert page.status_code == 200
    assert 'href="/console/training" aria-current="page"' in page.text
    for scenario in library():
        row = re.search(rf'<tr data-scenario="{scenario.id}">(.*?)</tr>', page.text, re.S)
        assert row is not None, scenario.id
        cells = row.group(1)
        assert f'<label for="sc-{scenario.id}">' in cells
        assert f"<td>{scenario.category}</td>" in cells
        assert f'data-temperature="{scenario.starting_temperature:.1f}"' in cells


def test_method_transcript_cools_resolves_and_saves_the_debrief(
        sign_in: Callable[[str], Console], session: Session) -> None:
    from kettle.simulator import store

    alex = sign_in("Alex Rivera")
    opened = start(alex).json()
    training_id = opened["state"]["id"]
    temperatures = [opened["state"]["temperature"]]
    for text in METHOD[MOVERS]:
        response = reply(alex, training_id, text)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["html"]["exchange"].count('class="feedback"') == 1
        temperatures.append(data["state"]["temperature"])
    assert temperatures[0] > 70 and temperatures[-1] < 50
    assert temperatures == sorted(temperatures, reverse=True)
    state = data["state"]
    assert state["finished"] and state["outcome"] == "resolved"
    assert any(e["resolution"] for e in alex.client.get(f"{API}/{training_id}").json()[
        "exchanges"])
    debrief = data["html"]["debrief"]
    assert 'data-step="vent"' in debrief and 'data-step="plan"' in debrief
    assert "<svg" in debrief and 'data-y="30"' in debrief

    row = store.get(session=session, training_id=training_id)
    assert row is not None
    assert (row.trainee, row.outcome, row.turns) == ("Alex Rivera", "resolved", 5)
    assert row.score is not None and row.score > 50
    assert row.debrief["curve"][-1] == pytest.approx(temperatures[-1], abs=0.1)
    page = alex.client.get(f"/console/training/{training_id}").text
    assert 'id="debrief-title"' in page and 'id="reply-form"' not in page


def test_reload_continues_the_session_as_replay_would(
        sign_in: Callable[[str], Console]) -> None:
    from kettle.simulator import Session as Training
    from kettle.simulator import get_scenario

    alex = sign_in("Alex Rivera")
    training_id = started(alex, seed=7)
    for text in METHOD[MOVERS][:2]:
        assert reply(alex, training_id, text).status_code == 200
    page = alex.client.get(f"/console/training/{training_id}").text
    assert page.count('class="msg agent"') == 2
    assert 'id="reply-form"' in page and "training.js" in page
    third = reply(alex, training_id, METHOD[MOVERS][2]).json()
    assert third["exchange"]["index"] == 3
    expected = Training.replay(get_scenario(MOVERS), METHOD[MOVERS][:3], seed=7)
    assert third["state"]["curve"] == [round(t, 1) for t in expected.curve]
    assert third["exchange"]["customer"]["text"] == expected.exchanges[-1].customer.text
    state = alex.client.get(f"{API}/{training_id}").json()
    assert state["state"]["replies"] == 3 and len(state["exchanges"]) == 3


def test_a_doubting_reply_heats_the_customer(sign_in: Callable[[str], Console]) -> None:
    alex = sign_in("Alex Rivera")
    training_id = started(alex)
    data = reply(alex, training_id, DOUBT_AND_POLICY[0]).json()
    exchange = data["exchange"]
    assert exchange["temperature"] > exchange["temperature_before"]
    assert "doubt" in {e["kind"] for e in exchange["effects"]}
    assert 'data-kind="doubt"' in data["html"]["exchange"]
    assert 'class="delta heat"' in data["html"]["exchange"]


def test_hang_up_asks_for_a_callback(sign_in: Callable[[str], Console]) -> None:
    alex = sign_in("Alex Rivera")
    training_id = started(alex, seed=3)
    for text in DOUBT_AND_POLICY:
        data = reply(alex, training_id, text).json()
        if data["state"]["awaiting_callback"]:
            break
    assert data["state"]["awaiting_callback"] and not data["state"]["finished"]
    assert "The customer hung up." in data["html"]["status"]
    page = alex.client.get(f"/console/training/{training_id}").text
    assert ">Your callback</label>" in page and "msg customer hung-up" in page
    callback = reply(alex, training_id, "I'm so sorry we got cut off. I will call the depot "
                     "now and call you back by 11:30 am with the crew's arrival time.").json()
    assert callback["exchange"]["callback"] is True


def test_pressure_mode_times_replies_on_the_server(
        sign_in: Callable[[str], Console], monkeypatch: pytest.MonkeyPatch) -> None:
    from kettle.web import training_state

    clock = {"now": 1_000_000.0}
    monkeypatch.setattr(training_state, "now", lambda: clock["now"])
    alex = sign_in("Alex Rivera")
    response = start(alex, pressure=30)
    assert response.json()["state"]["remaining_s"] == 30
    training_id = response.json()["state"]["id"]
    clock["now"] += 95
    assert alex.client.get(f"{API}/{training_id}").json()["state"]["remaining_s"] == -65
    slow = reply(alex, training_id, "I'm really sorry. That sounds so stressful.").json()
    assert slow["exchange"]["elapsed_s"] == 95
    assert "slow" in {e["kind"] for e in slow["exchange"]["effects"]}
    clock["now"] += 4
    quick = reply(alex, training_id, "I see, that sounds so stressful.").json()
    assert quick["exchange"]["elapsed_s"] == 4
    assert "slow" not in {e["kind"] for e in quick["exchange"]["effects"]}
    # The browser cannot claim its own timing.
    sneaky = alex.client.post(f"{API}/{training_id}/replies",
                              json={"reply": "Thanks.", "elapsed_s": 1},
                              headers={"X-CSRF-Token": alex.csrf})
    assert sneaky.status_code == 422
    scenario_clock = start(alex, pressure=0).json()["state"]["pressure_s"]
    from kettle.simulator import get_scenario

    assert scenario_clock == get_scenario(MOVERS).reply_seconds


@pytest.mark.parametrize(("body", "field", "code"), [
    ({"scenario": "no-such-scenario"}, "scenario", "E802"),
    ({"seed": "abc"}, "seed", "H422"),
    ({"seed": -1}, "seed", "H422"),
    ({"seed": 2**40}, "seed", "H422"),
    ({"pressure": -5}, "pressure", "H422"),
    ({"scenario": ""}, "scenario", "H422"),
])
def test_bad_start_is_a_422_naming_the_field(sign_in: Callable[[str], Console],
                                             body: dict[str, Any], field: str,
                                             code: str) -> None:
    response = start(sign_in("Alex Rivera"), **body)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert (error["field"], error["code"]) == (field, code)
    assert error["message"]


@pytest.mark.parametrize(("text", "status"), [("", 422), ("   \n ", 422),
                                              ("x" * 20_001, 422), ("x" * 20_000, 200)])
def test_reply_length_and_emptiness(sign_in: Callable[[str], Console], text: str,
                                    status: int) -> None:
    alex = sign_in("Alex Rivera")
    training_id = started(alex)
    response = reply(alex, training_id, text)
    assert response.status_code == status, response.text[:300]
    if status == 422:
        assert response.json()["error"]["field"] == "reply"


def test_changes_need_csrf_and_the_trainee(sign_in: Callable[[str], Console],
                                          second: Callable[[str], Console]) -> None:
    alex = sign_in("Alex Rivera")
    no_token = alex.client.post(API, json={"scenario": MOVERS})
    assert no_token.status_code == 403 and no_token.json()["error"]["field"] == "csrf"
    training_id = started(alex)
    sam, morgan = second("Sam Okafor"), second("Morgan Lee")
    assert reply(sam, training_id, "Hello").status_code == 403
    assert sam.client.get(f"/console/training/{training_id}").status_code == 403
    # The lead may watch (team) but not reply in someone else's session.
    lead_page = morgan.client.get(f"/console/training/{training_id}")
    assert lead_page.status_code == 200 and 'id="reply-form"' not in lead_page.text
    assert reply(morgan, training_id, "Hello").status_code == 403
    assert reply(alex, 999_999, "Hello").status_code == 404
    signed_out = TestClient(alex.client.app, raise_server_exceptions=False)
    assert signed_out.get(f"{API}/{training_id}").status_code == 401


def test_end_then_reply_is_a_conflict(sign_in: Callable[[str], Console]) -> None:
    alex = sign_in("Alex Rivera")
    training_id = started(alex)
    assert reply(alex, training_id, METHOD[MOVERS][0]).status_code == 200
    ended = alex.client.post(f"{API}/{training_id}/end", headers={"X-CSRF-Token": alex.csrf})
    assert ended.status_code == 200
    assert ended.json()["state"]["outcome"] == "ended"
    assert 'data-outcome="ended"' in ended.json()["html"]["debrief"]
    late = reply(alex, training_id, "Are you still there?")
    assert late.status_code == 409 and late.json()["error"]["code"] == "E803"


def test_progress_leads_see_their_team_agents_themselves(
        sign_in: Callable[[str], Console], second: Callable[[str], Console]) -> None:
    alex = sign_in("Alex Rivera")
    sam = second("Sam Okafor")
    first = started(alex)
    reply(alex, first, DOUBT_AND_POLICY[0])
    alex.client.post(f"{API}/{first}/end", headers={"X-CSRF-Token": alex.csrf})
    better = started(alex, seed=1)
    for text in METHOD[MOVERS]:
        reply(alex, better, text)
    running = started(sam)

    def trainees(console: Console) -> dict[str, str]:
        page = console.client.get("/console/training/progress")
        assert page.status_code == 200
        rows = re.findall(r'<tr data-trainee="([^"]+)">.*?<td class="trend">([^<]+)</td>',
                          page.text, re.S)
        return {name: trend.strip() for name, trend in rows}

    alex_view = trainees(alex)
    assert set(alex_view) == {"Alex Rivera"}
    low, high = (int(x) for x in alex_view["Alex Rivera"].split(" → "))
    assert high > low
    assert trainees(sam) == {}  # Sam's only session is still running
    lead = second("Morgan Lee")
    assert "Alex Rivera" in trainees(lead)
    lead_page = lead.client.get("/console/training/progress").text
    assert f'<tr data-id="{running}" data-outcome="talking">' in lead_page
    assert f'data-id="{running}"' not in alex.client.get("/console/training/progress").text
