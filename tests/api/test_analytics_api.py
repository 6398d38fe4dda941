"""The analytics routes: scoping per role, CSV and SVG bodies, 4xx for bad input."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import auth
from tests.api.test_analyze_and_errors import assert_error

ANGRY = ("This is the THIRD time I am writing!!! Where is my refund?! Absolutely "
         "unacceptable, I want a manager NOW.")
CUSTOMER = {"name": "Dana Moss", "contact": "dana@example.com", "tz": "UTC"}


def heated(client: TestClient, token: str, subject: str) -> int:
    r = client.post("/cases", json={"customer": CUSTOMER, "subject": subject},
                    headers=auth(token))
    assert r.status_code == 201, r.text
    case_id: int = r.json()["id"]
    m = client.post(f"/cases/{case_id}/messages", json={"role": "customer", "text": ANGRY},
                    headers=auth(token))
    assert m.status_code in (200, 201), m.text
    return case_id


@pytest.fixture
def world(client: TestClient, make_user: Any) -> dict[str, Any]:
    ana, ana_t = make_user("agent", "north")
    _, bo_t = make_user("agent", "north")
    _, lead_t = make_user("lead", "north")
    _, south_t = make_user("lead", "south")
    _, cy_t = make_user("agent", "south")
    _, admin_t = make_user("admin", None)
    return {"ana": ana, "tokens": {"ana": ana_t, "bo": bo_t, "lead": lead_t, "south": south_t,
                                   "cy": cy_t, "admin": admin_t},
            "cases": {"ana": heated(client, ana_t, "Ana's refund"),
                      "bo": heated(client, bo_t, "Bo's parcel"),
                      "cy": heated(client, cy_t, "Cy's invoice")}}


def hot_ids(client: TestClient, token: str, **params: Any) -> list[int]:
    r = client.get("/analytics/dashboard", params=params, headers=auth(token))
    assert r.status_code == 200, r.text
    return sorted(row["case_id"] for row in r.json()["hot"])


def test_dashboard_is_scoped_by_role(client: TestClient, world: dict[str, Any]) -> None:
    t, c = world["tokens"], world["cases"]
    assert hot_ids(client, t["ana"]) == [c["ana"]]
    assert hot_ids(client, t["lead"]) == sorted([c["ana"], c["bo"]])
    assert hot_ids(client, t["south"]) == [c["cy"]]
    assert hot_ids(client, t["admin"]) == sorted(c.values())
    assert hot_ids(client, t["admin"], team="south") == [c["cy"]]
    assert hot_ids(client, t["lead"], owner_id=world["ana"].id) == [c["ana"]]


def test_dashboard_body(client: TestClient, world: dict[str, Any]) -> None:
    body = client.get("/analytics/dashboard", headers=auth(world["tokens"]["ana"])).json()
    today = datetime.now(UTC).date()
    assert body["period"]["to"] == today.isoformat()
    assert body["period"]["from"] == (today - timedelta(days=29)).isoformat()
    assert body["hot"][0]["subject"] == "Ana's refund" and body["hot"][0]["temperature"] >= 65
    assert body["curves"][0]["case_id"] == world["cases"]["ana"]
    assert body["time_to_calm"]["heated"] == 1 and body["time_to_calm"]["still_hot"] == 1
    assert len(body["promise_rate"]) == 30


def test_out_of_scope_filters_are_403(client: TestClient, world: dict[str, Any]) -> None:
    t = world["tokens"]
    r = client.get("/analytics/dashboard", params={"team": "north"}, headers=auth(t["south"]))
    assert assert_error(r, 403, "H403")["field"] == "team"
    r = client.get("/analytics/export.csv", params={"kind": "cases", "owner_id": world["ana"].id},
                   headers=auth(t["bo"]))
    assert assert_error(r, 403, "H403")["field"] == "owner_id"
    assert_error(client.get("/analytics/dashboard"), 401, "H401")


@pytest.mark.parametrize(("params", "field"), [
    ({"from": "2026-13-01"}, "from"),
    ({"to": "yesterday"}, "to"),
    ({"from": "2026-03-10", "to": "2026-03-01"}, "from"),
    ({"from": "2020-01-01", "to": "2026-01-01"}, "from"),
    ({"tz": "Mars/Base"}, "tz"),
])
def test_bad_dates_are_422(client: TestClient, world: dict[str, Any], params: dict[str, str],
                           field: str) -> None:
    for path, extra in (("/analytics/dashboard", {}), ("/analytics/export.csv", {"kind": "cases"}),
                        ("/analytics/chart.svg", {"name": "temperature"})):
        r = client.get(path, params={**params, **extra}, headers=auth(world["tokens"]["ana"]))
        assert assert_error(r, 422, "E901")["field"] == field


def test_export_csv(client: TestClient, world: dict[str, Any]) -> None:
    r = client.get("/analytics/export.csv", params={"kind": "cases", "from": "2026-01-01",
                                                    "to": "2026-01-31"},
                   headers=auth(world["tokens"]["lead"]))
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="kettle-cases-2026-01-01-2026-01-31.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(int(row["case_id"]) for row in rows) == sorted(
        [world["cases"]["ana"], world["cases"]["bo"]])
    assert all(row["hot"] == "true" for row in rows)
    assert "dana@example.com" not in r.text and "Dana" not in r.text


def test_unknown_export_kind_and_chart_are_422(client: TestClient, world: dict[str, Any]) -> None:
    token = world["tokens"]["ana"]
    error = assert_error(client.get("/analytics/export.csv", params={"kind": "all"},
                                    headers=auth(token)), 422, "E902")
    assert error["field"] == "kind" and "cases" in error["choices"]
    error = assert_error(client.get("/analytics/chart.svg", params={"name": "pie"},
                                    headers=auth(token)), 422)
    assert error["field"] == "name"
    assert_error(client.get("/analytics/export.csv", headers=auth(token)), 422, "H422")


def test_chart_svg(client: TestClient, world: dict[str, Any]) -> None:
    r = client.get("/analytics/chart.svg", params={"name": "temperature"},
                   headers=auth(world["tokens"]["lead"]))
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(r.text)
    labels = sorted(g.attrib["data-label"]
                    for g in root.iter("{http://www.w3.org/2000/svg}g")
                    if g.attrib.get("class") == "series")
    c = world["cases"]
    assert labels == sorted([f"#{c['ana']} Ana's refund", f"#{c['bo']} Bo's parcel"])
