"""The engine endpoints, authentication and the uniform error layer."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import auth

VENT = "This is the THIRD time I've called!!! Your driver never showed up and nobody cares."
CONVERSATION = [
    {"role": "customer", "text": VENT},
    {"role": "agent", "text": "I'm so sorry. It sounds like you've been left stranded."},
]


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert {"code", "message", "field"} <= set(error)
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code
    return error


def test_healthz_needs_no_token(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_read_returns_the_engine_reading(client: TestClient, agent: tuple[Any, str]) -> None:
    r = client.post("/analyze/read", json={"text": VENT}, headers=auth(agent[1]))
    assert r.status_code == 200, r.text
    body = r.json()
    assert 30 <= body["temperature"] <= 100
    assert {"emotions", "signals", "mode", "dominant_emotion"} <= set(body)
    calm = client.post("/analyze/read", json={"text": "Thanks, that is all fine now."},
                       headers=auth(agent[1])).json()
    assert body["temperature"] > calm["temperature"]


def test_read_takes_the_accurate_tier(client: TestClient, agent: tuple[Any, str]) -> None:
    fast = client.post("/analyze/read", json={"text": VENT}, headers=auth(agent[1])).json()
    r = client.post("/analyze/read", json={"text": VENT, "tier": "accurate"},
                    headers=auth(agent[1]))
    assert r.status_code == 200, r.text
    accurate = r.json()
    from kettle.analysis import read

    assert accurate["hot"] == round(read(VENT, tier="accurate").hot, 4) != fast["hot"]
    assert accurate["signals"] == fast["signals"]
    bad = client.post("/analyze/read", json={"text": VENT, "tier": "turbo"},
                      headers=auth(agent[1]))
    assert assert_error(bad, 422, "H422")["field"] == "tier"


def test_check_resolves_a_promise_in_the_customer_zone(
    client: TestClient, agent: tuple[Any, str]
) -> None:
    r = client.post("/analyze/check", headers=auth(agent[1]), json={
        "reply": "I will call the depot now and call you back by 5 pm today.",
        "conversation": CONVERSATION, "now": "2026-03-02T10:00:00+00:00",
        "tz": "Europe/London",
    })
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["verdict"] in ("send", "improve", "dont_send")
    dues = [c["due"] for c in body["commitments"] if c["due"]]
    assert "2026-03-02T17:00:00+00:00" in dues


def test_check_says_it_has_not_judged_a_reply_in_another_language(
    client: TestClient, agent: tuple[Any, str]
) -> None:
    r = client.post("/analyze/check", headers=auth(agent[1]), json={
        "reply": "Lo siento mucho por las molestias, le enviaremos un reembolso mañana.",
        "conversation": CONVERSATION,
    })
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["english"] is False and body["verdict"] == "not_checked"
    assert "English only" in body["reason"]
    assert body["anti_patterns"] == [] and body["missing"] == [] and body["techniques"] == []
    english = client.post("/analyze/check", headers=auth(agent[1]),
                          json={"reply": "I'm so sorry, I'll call you by 5pm today."}).json()
    assert english["english"] is True


def test_track_and_suggest(client: TestClient, lead: tuple[Any, str]) -> None:
    tracked = client.post("/analyze/track", json={"conversation": CONVERSATION},
                          headers=auth(lead[1]))
    assert tracked.status_code == 200, tracked.text
    assert tracked.json()["stage"] in (
        "venting", "acknowledged", "facts_confirmed", "plan_agreed", "in_progress",
        "resolved", "followed_up")
    suggested = client.post("/analyze/suggest", json={"conversation": CONVERSATION[:1]},
                            headers=auth(lead[1]))
    assert suggested.status_code == 200, suggested.text
    assert suggested.json()["suggestions"] and all(
        s["text"] for s in suggested.json()["suggestions"])


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"},
                                     {"Authorization": "Basic abc"}])
def test_engine_needs_a_valid_token(client: TestClient, headers: dict[str, str]) -> None:
    r = client.post("/analyze/read", json={"text": VENT}, headers=headers)
    error = assert_error(r, 401, "H401")
    assert error["field"] == "Authorization"
    assert r.headers["www-authenticate"] == "Bearer"


def test_pydantic_validation_becomes_the_uniform_shape(
    client: TestClient, agent: tuple[Any, str]
) -> None:
    r = client.post("/analyze/read", json={"txt": "hi"}, headers=auth(agent[1]))
    error = assert_error(r, 422, "H422")
    assert error["field"] in ("text", "txt")
    assert error["details"]
    r = client.post("/analyze/check", json={"reply": "ok", "conversation": [
        {"role": "wizard", "text": "x"}]}, headers=auth(agent[1]))
    assert assert_error(r, 422)["field"] == "conversation.0.role"


def test_malformed_json_is_422(client: TestClient, agent: tuple[Any, str]) -> None:
    r = client.post("/analyze/read", content=b"{not json",
                    headers={**auth(agent[1]), "Content-Type": "application/json"})
    assert_error(r, 422, "H422")


def test_engine_errors_keep_their_code_and_field(
    client: TestClient, agent: tuple[Any, str]
) -> None:
    r = client.post("/analyze/read", json={"text": "   "}, headers=auth(agent[1]))
    error = assert_error(r, 422, "E101")
    assert error["field"] == "text"
    r = client.post("/analyze/check", json={"reply": "I'll call you by 5pm", "tz": "Mars/Base"},
                    headers=auth(agent[1]))
    assert_error(r, 422, "E104")


def test_times_out_of_range_and_over_long_turns_are_4xx(
    client: TestClient, agent: tuple[Any, str]
) -> None:
    r = client.post("/analyze/check", json={"reply": "I'll call you by 5pm",
                                            "now": "9999-12-31T23:30:00+00:00"},
                    headers=auth(agent[1]))
    assert assert_error(r, 422, "E105")["field"] == "now"
    late = [{"role": "customer", "text": "Help!", "sent_at": "0001-01-01T00:00:00+00:00"}]
    r = client.post("/analyze/track", json={"conversation": late}, headers=auth(agent[1]))
    assert r.status_code == 422, r.text
    assert "0001-01-01" in r.json()["error"]["message"]
    long_turn = [{"role": "customer", "text": "x" * 20_001}]
    r = client.post("/analyze/suggest", json={"conversation": long_turn},
                    headers=auth(agent[1]))
    assert r.status_code in (413, 422), r.text


def test_oversized_body_is_413(client: TestClient, agent: tuple[Any, str]) -> None:
    r = client.post("/analyze/read", json={"text": "a" * 70_000}, headers=auth(agent[1]))
    assert_error(r, 413, "H413")


def test_oversized_chunked_body_is_413(client: TestClient, agent: tuple[Any, str]) -> None:
    def chunks() -> Any:
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 1024
        yield b'"}'

    r = client.post("/analyze/read", content=chunks(),
                    headers={**auth(agent[1]), "Content-Type": "application/json"})
    assert_error(r, 413, "H413")


def test_unknown_route_and_method(client: TestClient) -> None:
    assert_error(client.get("/nowhere"), 404, "H404")
    assert_error(client.get("/analyze/read"), 405, "H405")


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/analyze/read" in spec["paths"]
    case = spec["paths"]["/cases/{case_id}"]["get"]["responses"]["200"]
    assert case["content"]["application/json"]["schema"]["$ref"].endswith("/CaseRead")
    bad = spec["paths"]["/analyze/read"]["post"]["responses"]["422"]
    assert bad["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/openapi.json" in page.text
    assert "http://" not in page.text and "https://" not in page.text


def test_check_applies_a_per_request_playbook(client: TestClient, agent: tuple[Any, str]) -> None:
    reply = "Per our procedure, I will look into it."
    plain = client.post("/analyze/check", json={"reply": reply}, headers=auth(agent[1])).json()
    assert "forbidden_phrase" not in {f["name"] for f in plain["anti_patterns"]}
    strict = client.post("/analyze/check", headers=auth(agent[1]), json={
        "reply": reply, "playbook": {"forbidden": ["per our procedure"]}}).json()
    assert "forbidden_phrase" in {f["name"] for f in strict["anti_patterns"]}


def test_a_bad_playbook_is_a_4xx(client: TestClient, agent: tuple[Any, str]) -> None:
    r = client.post("/analyze/check", headers=auth(agent[1]), json={
        "reply": "ok", "playbook": {"business_hours": {"start": "not a time"}}})
    assert_error(r, 400, "E200")
