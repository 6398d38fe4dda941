"""The team dashboard page over HTTP on the seeded demo database."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from tests.web.conftest import Console

CHARTS = ("chart-temperature", "chart-time-to-calm", "chart-promise-rate", "chart-root-causes",
          "chart-concessions")


def svgs(html: str) -> dict[str, ET.Element]:
    found = re.findall(r'(<svg xmlns="http://www.w3.org/2000/svg" class="chart.*?</svg>)', html,
                       flags=re.S)
    return {(root := ET.fromstring(svg)).attrib["id"]: root for svg in found}


def test_lead_sees_the_team_with_charts_and_exports(
    sign_in: Callable[[str], Console], seeded: Any
) -> None:
    page = sign_in("Morgan Lee").client.get("/console/dashboard")
    assert page.status_code == 200
    html = page.text
    assert 'aria-current="page"' in html and "Showing team support" in html
    hot = re.search(r'id="hot-cases".*?</section>', html, flags=re.S)
    assert hot is not None
    ids = [int(i) for i in re.findall(r'data-case-id="(\d+)"', html)]
    assert len(ids) == len(set(ids)), "each case appears once"
    assert seeded.stories["shoe_return"] in ids  # the boiling story is an open case
    assert f'href="/console/cases/{seeded.stories["shoe_return"]}"' in html
    charts = svgs(html)
    assert set(charts) == set(CHARTS)
    for root in charts.values():
        assert root.attrib["role"] == "img" and root.attrib["aria-labelledby"]
    assert 'data-escalation-id="' in html  # the courier story's escalation waits for Morgan
    exports = re.findall(r'data-export="(\w+)"', html)
    assert "cases" in exports and "root_causes" in exports


def test_agent_sees_only_their_cases(sign_in: Callable[[str], Console], seeded: Any) -> None:
    alex = sign_in("Alex Rivera").client.get("/console/dashboard").text
    sam = sign_in("Sam Okafor").client.get("/console/dashboard").text
    alex_ids = set(re.findall(r'data-case-id="(\d+)"', alex))
    sam_ids = set(re.findall(r'data-case-id="(\d+)"', sam))
    assert str(seeded.stories["shoe_return"]) in alex_ids
    assert not alex_ids & sam_ids
    assert "Showing your cases" in sam


def test_bad_date_shows_the_error_and_the_default_range(
    sign_in: Callable[[str], Console]
) -> None:
    page = sign_in("Morgan Lee").client.get("/console/dashboard", params={"from": "2026-02-31"})
    assert page.status_code == 422
    assert "must be a date like" in page.text and 'role="alert"' in page.text
    assert set(svgs(page.text)) == set(CHARTS)


def test_console_csv_export(sign_in: Callable[[str], Console], seeded: Any) -> None:
    client = sign_in("Morgan Lee").client
    page = client.get("/console/dashboard").text
    url = re.search(r'href="([^"]*kind=root_causes[^"]*)"', page)
    assert url is not None
    r = client.get(url.group(1).replace("&amp;", "&"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0] == "category,count,share,cumulative" and len(lines) > 1
    assert lines[-1].endswith(",1.0")  # the cumulative share ends at 100 %


def test_case_appears_after_an_agent_replies(
    sign_in: Callable[[str], Console], seeded: Any, session: Session
) -> None:
    from kettle.cases import service as cases
    from kettle.cases.schemas import CaseCreate

    alex = seeded.users["agent"]
    case = cases.create(session=session, case_in=CaseCreate(
        customer={"name": "Ria", "tz": "UTC"}, subject="Charger sparks", owner_id=alex.id))
    cases.ingest_message(session=session, case_id=case.id, role="customer", sent_at=None,
                         text="Your charger SPARKED and nearly set my desk on fire!!! "
                              "Unacceptable.")
    cases.ingest_message(session=session, case_id=case.id, role="agent", sent_at=None,
                         text="I'm so sorry, that must have been frightening. I'll call you "
                              "back by 5 pm today.")
    html = sign_in("Morgan Lee").client.get("/console/dashboard").text
    row = re.search(rf'<tr data-case-id="{case.id}">.*?</tr>', html, flags=re.S)
    assert row is not None and "Charger sparks" in row.group(0)
    assert f'href="/console/cases/{case.id}"' in row.group(0)


def test_signed_out_is_sent_to_login(client: Any) -> None:
    r = client.get("/console/dashboard", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login")
