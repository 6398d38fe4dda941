"""Case actions from the console go through the services: same rules, same records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from tests.web.conftest import Console


def test_hang_up_schedules_a_callback(sign_in: Callable[[str], Console], seeded: Any,
                                      session: Session) -> None:
    from kettle.promises import service as promises

    case_id = seeded.stories["shoe_return"]
    before = promises.get_follow_ups(session=session, case_id=case_id, kind="callback")
    response = sign_in("Alex Rivera").post(f"/console/cases/{case_id}/hang-up")
    assert "notice=Hang-up+recorded" in response.headers["location"]
    after = promises.get_follow_ups(session=session, case_id=case_id, kind="callback")
    assert len(after) == len(before) + 1 and after[-1].state == "open"


def test_mark_a_promise_kept(sign_in: Callable[[str], Console], seeded: Any,
                             session: Session) -> None:
    from kettle.promises import service as promises

    console = sign_in("Alex Rivera")
    case_id = seeded.stories["courier"]
    console.post(f"/console/cases/{case_id}/reply",
                 {"text": "I'm sorry. I'll call you back by 5 pm today."})
    [promise] = promises.get_all(session=session, case_id=case_id, state="open")
    response = console.post(f"/console/promises/{promise.id}/kept")
    assert "notice=Promise+marked+kept" in response.headers["location"]
    session.refresh(promise)
    assert promise.state == "kept"


def test_concession_within_policy_is_recorded_above_it_refused(
    sign_in: Callable[[str], Console], seeded: Any, session: Session
) -> None:
    from kettle.cases import concessions

    console = sign_in("Alex Rivera")
    case_id = seeded.stories["courier"]  # standard customer, high severity: limit 60
    ok = console.post(f"/console/cases/{case_id}/concessions",
                      {"kind": "credit", "value": "30", "description": "express fee back"})
    assert "notice=Concession+recorded" in ok.headers["location"]
    too_much = console.post(f"/console/cases/{case_id}/concessions",
                            {"kind": "refund", "value": "500"})
    assert "error=" in too_much.headers["location"]
    assert "approver" in too_much.headers["location"]
    bad = console.post(f"/console/cases/{case_id}/concessions", {"kind": "credit",
                                                                  "value": "lots"})
    assert "value+must+be+a+number" in bad.headers["location"]
    rows = concessions.get_all(session=session, case_id=case_id)
    assert [(r.kind, r.value) for r in rows] == [("credit", 30.0)]


def test_escalate_to_the_lead_keeps_ownership(sign_in: Callable[[str], Console], seeded: Any,
                                              session: Session) -> None:
    from kettle.cases import escalations
    from kettle.cases import service as cases

    case_id = seeded.stories["shoe_return"]
    lead_id = seeded.users["lead"].id
    response = sign_in("Alex Rivera").post(f"/console/cases/{case_id}/escalations",
                                           {"to": f"user:{lead_id}", "reason": "refund > limit"})
    assert "notice=Referred" in response.headers["location"]
    [row] = escalations.get_all(session=session, case_id=case_id)
    assert row.to_user_id == lead_id and row.state == "open"
    assert cases.get(session=session, case_id=case_id).owner_id == seeded.users["agent"].id
    missing = sign_in("Alex Rivera").post(f"/console/cases/{case_id}/escalations",
                                          {"to": f"user:{lead_id}", "reason": ""})
    assert "error=" in missing.headers["location"]


def test_root_cause_is_recorded(sign_in: Callable[[str], Console], seeded: Any,
                                session: Session) -> None:
    from kettle.cases import root_causes

    case_id = seeded.stories["shoe_return"]
    response = sign_in("Alex Rivera").post(f"/console/cases/{case_id}/root-causes", {
        "category": "orders", "surface": "refund refused",
        "underlying": "returns desk rejects parcels whose box was damaged in transit"})
    assert "notice=Root+cause+recorded" in response.headers["location"]
    [row] = root_causes.get_all(session=session, case_id=case_id)
    assert row.category == "orders" and "damaged in transit" in row.underlying


def test_follow_up_done(sign_in: Callable[[str], Console], seeded: Any,
                        session: Session) -> None:
    from kettle.promises import service as promises

    case_id = seeded.stories["courier"]
    [pending, *_] = promises.get_follow_ups(session=session, case_id=case_id, state="open")
    response = sign_in("Alex Rivera").post(f"/console/follow-ups/{pending.id}/done")
    assert "notice=Follow-up" in response.headers["location"]
    session.refresh(pending)
    assert pending.state == "done"
