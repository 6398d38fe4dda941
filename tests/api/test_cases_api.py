"""Cases and messages over the API: scoping by role, idempotent ingest, pagination."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import auth
from tests.api.test_analyze_and_errors import assert_error

CUSTOMER = {"name": "Dana Moss", "contact": "dana@example.com", "tz": "Europe/London"}


def open_case(client: TestClient, token: str, **extra: Any) -> dict[str, Any]:
    r = client.post("/cases", json={"customer": CUSTOMER, "subject": "truck", **extra},
                    headers=auth(token))
    assert r.status_code == 201, r.text
    return r.json()


def test_agent_opens_a_case_they_own(client: TestClient, agent: tuple[Any, str]) -> None:
    case = open_case(client, agent[1])
    assert case["owner_id"] == agent[0].id
    assert case["team"] == "north"
    assert client.get(f"/cases/{case['id']}", headers=auth(agent[1])).json()["id"] == case["id"]


def test_agents_see_only_their_cases_leads_their_team(
    client: TestClient, make_user: Any
) -> None:
    a1, t1 = make_user("agent", "north")
    _, t2 = make_user("agent", "north")
    _, lead_north = make_user("lead", "north")
    _, lead_south = make_user("lead", "south")
    case = open_case(client, t1)
    assert_error(client.get(f"/cases/{case['id']}", headers=auth(t2)), 403, "H403")
    assert client.get(f"/cases/{case['id']}", headers=auth(lead_north)).status_code == 200
    assert_error(client.get(f"/cases/{case['id']}", headers=auth(lead_south)), 403)
    assert [c["id"] for c in client.get("/cases", headers=auth(t2)).json()["items"]] == []
    assert case["id"] in [c["id"] for c in
                          client.get("/cases", headers=auth(lead_north)).json()["items"]]
    assert_error(client.get("/cases", params={"owner_id": a1.id}, headers=auth(t2)), 403)
    assert_error(client.get("/cases", params={"team": "north"}, headers=auth(lead_south)), 403)


def test_missing_case_is_404_in_the_uniform_shape(client: TestClient, admin: Any) -> None:
    error = assert_error(client.get("/cases/999999", headers=auth(admin[1])), 404, "E601")
    assert error["field"] == "case_id"


def test_bad_time_zone_is_422(client: TestClient, agent: Any) -> None:
    r = client.post("/cases", json={"customer": {**CUSTOMER, "tz": "Mars/Base"}},
                    headers=auth(agent[1]))
    assert assert_error(r, 422, "E604")["field"] == "customer.tz"


def test_list_paginates_with_next(client: TestClient, agent: Any) -> None:
    ids = [open_case(client, agent[1])["id"] for _ in range(5)]
    first = client.get("/cases", params={"limit": 2}, headers=auth(agent[1])).json()
    assert first["total"] == 5 and len(first["items"]) == 2 and first["next"]
    seen = [c["id"] for c in first["items"]]
    url = first["next"]
    while url:
        nxt = client.get(url, headers=auth(agent[1])).json()
        seen += [c["id"] for c in nxt["items"]]
        url = nxt["next"]
    assert sorted(seen) == sorted(ids)
    assert_error(client.get("/cases", params={"limit": 100000}, headers=auth(agent[1])), 422)


def test_ingest_is_idempotent_on_key_and_external_id(client: TestClient, agent: Any) -> None:
    case = open_case(client, agent[1])
    url = f"/cases/{case['id']}/messages"
    body = {"role": "customer", "text": "Your driver never came. I am furious!!!"}
    first = client.post(url, json=body, headers={**auth(agent[1]), "Idempotency-Key": "k-1"})
    assert first.status_code == 201, first.text
    again = client.post(url, json=body, headers={**auth(agent[1]), "Idempotency-Key": "k-1"})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    ext = {**body, "external_id": "zendesk-7"}
    one = client.post(url, json=ext, headers=auth(agent[1]))
    two = client.post(url, json=ext, headers=auth(agent[1]))
    assert (one.status_code, two.status_code) == (201, 200)
    assert one.json()["id"] == two.json()["id"]
    listed = client.get(url, headers=auth(agent[1])).json()
    assert listed["total"] == 2


def test_illegal_stage_move_is_409(client: TestClient, agent: Any) -> None:
    case = open_case(client, agent[1])
    url = f"/cases/{case['id']}/stage"
    assert client.post(url, json={"stage": "closed"}, headers=auth(agent[1])).status_code == 200
    error = assert_error(client.post(url, json={"stage": "resolved"}, headers=auth(agent[1])),
                         409, "E602")
    assert error["field"] == "stage" and error["choices"] == ["in_progress"]


def test_agent_cannot_reassign(client: TestClient, agent: Any, lead: Any) -> None:
    case = open_case(client, agent[1])
    r = client.patch(f"/cases/{case['id']}", json={"owner_id": lead[0].id},
                     headers=auth(agent[1]))
    assert_error(r, 403)
    r = client.patch(f"/cases/{case['id']}", json={"subject": "late truck"},
                     headers=auth(agent[1]))
    assert r.status_code == 200 and r.json()["subject"] == "late truck"


def test_concession_above_the_tier_needs_an_approver(
    client: TestClient, agent: Any, lead: Any
) -> None:
    case = open_case(client, agent[1])
    url = f"/cases/{case['id']}/concessions"
    proposal = client.get(url + "/proposal", headers=auth(agent[1])).json()
    assert proposal["expected"] < proposal["proposed"] <= proposal["limit"]
    ok = client.post(url, json={"kind": "credit", "value": proposal["proposed"]},
                     headers=auth(agent[1]))
    assert ok.status_code == 201, ok.text
    too_much = {"kind": "refund", "value": proposal["limit"] + 50}
    error = assert_error(client.post(url, json=too_much, headers=auth(agent[1])), 403, "E605")
    assert error["field"] == "approved_by_id" and "limit" in error["message"]
    self_approved = {**too_much, "approved_by_id": lead[0].id}
    assert_error(client.post(url, json=self_approved, headers=auth(agent[1])), 403, "H403")
    approved = client.post(url, json=self_approved, headers=auth(lead[1]))
    assert approved.status_code == 201 and approved.json()["approved_by_id"] == lead[0].id
    assert client.get(url, headers=auth(agent[1])).json()["total"] == 2


def test_customer_export_and_delete(client: TestClient, agent: Any, admin: Any) -> None:
    case = open_case(client, agent[1])
    customer_id = case["customer"]["id"]
    url = f"/customers/{customer_id}"
    redacted = client.get(url + "/export", params={"redacted": True}, headers=auth(admin[1]))
    assert redacted.status_code == 200 and "dana@example.com" not in redacted.text
    full = client.get(url + "/export", headers=auth(admin[1])).json()
    assert full["customer"]["contact"] == "dana@example.com"
    assert [c["id"] for c in full["cases"]] == [case["id"]]
    gone = client.delete(url, headers=auth(admin[1]))
    assert gone.status_code == 200 and gone.json()["cases"] == 1
    assert_error(client.get(f"/cases/{case['id']}", headers=auth(admin[1])), 404)
    assert_error(client.get(url + "/export", headers=auth(admin[1])), 404)


def test_a_lead_without_a_team_sees_only_their_own(
    client: TestClient, make_user: Any
) -> None:
    _, agent_token = make_user("agent", "north")
    _, teamless = make_user("lead", None)
    open_case(client, agent_token)
    assert client.get("/cases", headers=auth(teamless)).json()["items"] == []


def test_reading_a_case_is_audited(client: TestClient, agent: Any, admin: Any) -> None:
    case = open_case(client, agent[1])
    client.get(f"/cases/{case['id']}", headers=auth(agent[1]))
    client.get(f"/cases/{case['id']}/messages", headers=auth(agent[1]))
    trail = client.get("/audit", params={"entity_type": "cases", "entity_id": case["id"]},
                       headers=auth(admin[1])).json()["items"]
    views = [(e["action"], e["actor_id"]) for e in trail if e["action"].startswith("view")]
    assert ("view_case", agent[0].id) in views and ("view_messages", agent[0].id) in views
    first = client.get("/audit", params={"limit": 1}, headers=auth(admin[1])).json()
    assert len(first["items"]) == 1 and first["next"]
