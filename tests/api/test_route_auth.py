"""Per-route authentication and roles, table-driven over every route of the app.

Each row names who must be refused (403) and who must be let through (2xx);
every route also refuses a request without a token (401). A route missing from
the table fails :func:`test_every_route_is_in_the_table`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.api.conftest import auth

SOON = (datetime.now(UTC) + timedelta(hours=3)).isoformat()


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    ok: str  # who succeeds: owner (the case's agent), lead (same team), admin, any
    wrong: str | None  # who gets 403: other (agent of the team), lead_south, agent, None
    body: dict[str, Any] | None = None
    params: dict[str, Any] = field(default_factory=dict)


TURNS = [{"role": "customer", "text": "Where is my parcel? I am so angry!"}]
ROWS: list[Row] = [
    Row("GET", "/healthz", "none", None),
    Row("GET", "/docs", "none", None),
    Row("POST", "/analyze/read", "any", None, {"text": "Where is my parcel?!"}),
    Row("POST", "/analyze/check", "any", None, {"reply": "I will call you back by 5 pm."}),
    Row("POST", "/analyze/suggest", "any", None, {"conversation": TURNS}),
    Row("POST", "/analyze/track", "any", None, {"conversation": TURNS}),
    Row("POST", "/cases", "owner", "other", {"customer": {"name": "X"}, "owner_id": "{owner}"}),
    Row("GET", "/cases", "owner", "other", None, {"owner_id": "{owner}"}),
    Row("GET", "/cases/{case}", "owner", "other"),
    Row("PATCH", "/cases/{case}", "owner", "other", {"subject": "s"}),
    Row("POST", "/cases/{case}/stage", "owner", "other", {"stage": "venting"}),
    Row("POST", "/cases/{case}/resolve", "lead", "lead_south", {"resolution": "fixed"}),
    Row("POST", "/cases/{case}/satisfaction", "owner", "other", {"score": 5}),
    Row("GET", "/cases/{case}/moves", "lead", "lead_south"),
    Row("POST", "/cases/{case}/messages", "owner", "other",
        {"role": "system", "text": "note: customer called"}),
    Row("GET", "/cases/{case}/messages", "owner", "other"),
    Row("GET", "/cases/{case}/promises", "owner", "other"),
    Row("POST", "/cases/{case}/promises", "owner", "other",
        {"action": "call back", "due_at": SOON}),
    Row("GET", "/promises", "lead", "lead_south", None, {"team": "north"}),
    Row("GET", "/promises/{promise}", "owner", "other"),
    Row("POST", "/promises/{promise}/state", "owner", "other", {"state": "kept"}),
    Row("GET", "/cases/{case}/follow-ups", "owner", "other"),
    Row("POST", "/cases/{case}/follow-ups", "owner", "other",
        {"kind": "progress", "due_at": SOON}),
    Row("POST", "/follow-ups/{follow_up}/state", "owner", "other", {"state": "done"}),
    Row("GET", "/queues/overdue", "lead", "lead_south", None, {"team": "north"}),
    Row("GET", "/queues/due-today", "owner", "other", None, {"owner_id": "{owner}"}),
    Row("POST", "/cases/{case}/escalations", "owner", "other",
        {"to_team": "billing", "reason": "refund needs approval"}),
    Row("GET", "/cases/{case}/escalations", "owner", "other"),
    Row("GET", "/escalations", "lead", "other", None, {"to_user_id": "{lead}"}),
    Row("POST", "/escalations/{escalation}/answer", "lead", "other", {"answer": "approved"}),
    Row("GET", "/cases/{case}/concessions/proposal", "owner", "other"),
    Row("POST", "/cases/{case}/concessions", "owner", "other", {"kind": "credit", "value": 5}),
    Row("GET", "/cases/{case}/concessions", "owner", "other"),
    Row("POST", "/cases/{case}/root-causes", "owner", "other",
        {"category": "logistics", "surface": "late truck", "underlying": "no depot cover"}),
    Row("GET", "/cases/{case}/root-causes", "owner", "other"),
    Row("GET", "/root-causes", "lead", "owner"),
    Row("POST", "/root-causes/{root_cause}/reviews", "lead", "owner", {"title": "depot cover"}),
    Row("POST", "/reviews/{review}/close", "lead", "owner"),
    Row("GET", "/customers/{customer}/export", "admin", "lead"),
    Row("DELETE", "/customers/{customer}", "admin", "lead"),
    Row("GET", "/audit", "admin", "lead", None, {"entity_type": "cases"}),
    Row("GET", "/users/me", "any", None),
    Row("POST", "/users", "admin", "lead", {"name": "New", "role": "agent"}),
    Row("GET", "/users", "lead", "owner"),
    Row("PATCH", "/users/{owner}", "admin", "lead", {"name": "Renamed"}),
    Row("POST", "/users/{owner}/token", "admin", "lead"),
    Row("GET", "/analytics/dashboard", "lead", "lead_south", None, {"team": "north"}),
    Row("GET", "/analytics/export.csv", "owner", "other", None,
        {"kind": "cases", "owner_id": "{owner}"}),
    Row("GET", "/analytics/chart.svg", "lead", "lead_south", None,
        {"name": "root_causes", "team": "north"}),
]


@pytest.fixture
def world(session: Session, make_user: Any) -> dict[str, Any]:
    """Users of every kind and one object of every kind, owned by ``owner``."""
    from kettle.cases import escalations, root_causes
    from kettle.cases import service as cases
    from kettle.cases.schemas import CaseCreate, CustomerIn, EscalationCreate, RootCauseCreate
    from kettle.promises import service as promises
    from kettle.promises.schemas import FollowUpCreate, PromiseCreate

    owner, owner_t = make_user("agent", "north")
    _, other_t = make_user("agent", "north")
    lead, lead_t = make_user("lead", "north")
    _, south_t = make_user("lead", "south")
    _, admin_t = make_user("admin", None)
    case = cases.create(session=session, case_in=CaseCreate(
        customer=CustomerIn(name="Dana"), owner_id=owner.id))
    due = datetime.now(UTC) + timedelta(hours=2)
    promise = promises.create(session=session, case_id=case.id,
                              promise_in=PromiseCreate(action="call back", due_at=due))
    follow_up = promises.create_follow_up(session=session, case_id=case.id,
                                          follow_up_in=FollowUpCreate(kind="callback", due_at=due))
    escalation = escalations.create(session=session, case_id=case.id, escalation_in=(
        EscalationCreate(to_user_id=lead.id, reason="needs a lead")))
    cause = root_causes.create(session=session, case_id=case.id, root_cause_in=RootCauseCreate(
        category="logistics", surface="late truck", underlying="no depot cover"))
    review = root_causes.create_review(session=session, root_cause_id=cause.id, title="cover")
    return {
        "ids": {"case": case.id, "root_cause": cause.id, "review": review.id,
                "customer": case.customer_id, "promise": promise.id, "follow_up": follow_up.id,
                "escalation": escalation.id, "owner": owner.id, "lead": lead.id},
        "tokens": {"owner": owner_t, "other": other_t, "lead": lead_t, "lead_south": south_t,
                   "admin": admin_t, "agent": other_t, "any": owner_t},
    }


def _fill(value: Any, ids: dict[str, int]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


def _call(client: TestClient, row: Row, ids: dict[str, int], token: str | None) -> Any:
    return client.request(
        row.method, row.path.format(**ids),
        json=_fill(row.body, ids) if row.body is not None else None,
        params=_fill(row.params, ids), headers=auth(token) if token else {},
    )


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.method} {r.path}")
def test_route_auth(client: TestClient, world: dict[str, Any], row: Row) -> None:
    ids, tokens = world["ids"], world["tokens"]
    if row.ok == "none":
        assert _call(client, row, ids, None).status_code == 200
        return
    anonymous = _call(client, row, ids, None)
    assert anonymous.status_code == 401, anonymous.text
    assert anonymous.json()["error"]["code"] == "H401"
    assert _call(client, row, ids, "kt_not-a-real-token").status_code == 401
    if row.wrong is not None:
        refused = _call(client, row, ids, tokens[row.wrong])
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"]["code"] == "H403"
    allowed = _call(client, row, ids, tokens[row.ok])
    assert 200 <= allowed.status_code < 300, allowed.text
    if row.ok != "admin":
        admin = _call(client, row, ids, tokens["admin"])
        assert admin.status_code < 500, admin.text


def test_every_route_is_in_the_table(app: Any) -> None:
    listed = {(r.method, r.path) for r in ROWS}
    routes = {(m, r.path) for r in app.routes if isinstance(r, APIRoute) for m in r.methods}
    assert routes - listed == set(), "add these routes to ROWS with their role rules"
