"""Analytics services against real databases (SQLite file and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from kettle.analytics import service, trends
from kettle.analytics.period import Period
from kettle.cases import escalations
from kettle.cases.schemas import EscalationCreate
from tests.analytics.factories import NOW, concession, heated_case, promise, root_cause
from tests.fixtures_db import make_case, make_user

DAY = Period(date(2026, 3, 10), date(2026, 3, 10))
WEEK = Period(date(2026, 3, 8), date(2026, 3, 14))


def test_hot_and_open_cases_by_heat_within_scope(session: Session) -> None:
    ana = make_user(session, team="care")
    bo = make_user(session, name="Bo", team="care")
    cy = make_user(session, name="Cy", team="billing")
    boiling = heated_case(session, [(0, 60), (1, 92)], owner_id=ana.id)
    hot = heated_case(session, [(0, 70)], owner_id=bo.id)
    warm = heated_case(session, [(0, 80), (1, 50)], owner_id=ana.id)
    unread = make_case(session, owner_id=ana.id)
    billing = heated_case(session, [(0, 99)], owner_id=cy.id)
    heated_case(session, [(0, 97)], owner_id=ana.id, stage="resolved")

    everyone = service.list_hot(session=session)
    assert [r.case_id for r in everyone] == [billing.id, boiling.id, hot.id]
    assert everyone[1].temperature == 92 and everyone[1].hot and everyone[1].owner == "Ana Agent"
    assert [r.case_id for r in service.list_hot(session=session, team="care")] == [
        boiling.id, hot.id]
    assert [r.case_id for r in service.list_hot(session=session, owner_id=ana.id)] == [boiling.id]
    # Below the threshold or never read, warmest first; NULL last on both databases.
    cool = service.list_open(session=session, owner_id=ana.id)
    assert [(r.case_id, r.hot) for r in cool] == [(warm.id, False), (unread.id, False)]
    assert [r.case_id for r in service.list_hot(session=session, threshold=95)] == [billing.id]


def test_overdue_promises_and_waiting_escalations(session: Session) -> None:
    ana = make_user(session, team="care")
    lead = make_user(session, name="Lea", role="lead", team="care")
    cy = make_user(session, name="Cy", team="billing")
    mine = heated_case(session, [], owner_id=ana.id, subject="Refund for jo@example.com")
    theirs = heated_case(session, [], owner_id=cy.id)
    late = promise(session, mine, due_hours=-5, action="refund to 4111 1111 1111 1111")
    newer = promise(session, mine, due_hours=-1)
    promise(session, mine, due_hours=-3, state="kept", closed_hours=-4)
    promise(session, mine, due_hours=2)
    other = promise(session, theirs, due_hours=-2)
    rows = service.list_overdue(session=session, now=NOW)
    assert [r.promise_id for r in rows] == [late.id, other.id, newer.id]
    assert rows[0].overdue_minutes == 300
    assert rows[0].subject == "Refund for [email]" and rows[0].action == "refund to [card]"
    assert [r.promise_id for r in service.list_overdue(session=session, team="billing",
                                                       now=NOW)] == [other.id]

    asked = escalations.create(session=session, case_id=mine.id, escalation_in=EscalationCreate(
        to_user_id=lead.id, reason="call +49 170 1234567 back"))
    done = escalations.create(session=session, case_id=mine.id,
                              escalation_in=EscalationCreate(to_team="care", reason="x"))
    escalations.answer(session=session, escalation_id=done.id, answer_text="ok")
    escalations.create(session=session, case_id=theirs.id,
                       escalation_in=EscalationCreate(to_team="billing", reason="y"))
    waiting = service.list_waiting_escalations(session=session, team="care")
    assert [(w.escalation_id, w.reason) for w in waiting] == [(asked.id, "call [phone] back")]


def test_temperature_curves_pick_the_hottest_cases_in_the_period(session: Session) -> None:
    a = heated_case(session, [(-30, 99), (1, 80), (3, 60)], subject="a")
    b = heated_case(session, [(2, 95), (2.5, 90)], subject="b")
    heated_case(session, [(4, 40)], subject="c")
    curves = trends.temperature_curves(session=session, period=DAY, limit=2)
    assert [c.case_id for c in curves] == [b.id, a.id]
    assert [(p.hours, p.temperature) for p in curves[1].points] == [(0.0, 80.0), (2.0, 60.0)]
    assert curves[1].peak == 80.0  # the point before the period does not count
    assert len(trends.temperature_curves(session=session, period=DAY)) == 3


def test_time_to_calm(session: Session) -> None:
    quick = heated_case(session, [(0, 90), (0.25, 70), (0.5, 40)])
    slow = heated_case(session, [(1, 80), (2, 50), (3, 85), (6, 30)])
    stuck = heated_case(session, [(2, 75), (3, 88)])
    heated_case(session, [(-30, 90), (1, 40)])  # hot only before the period
    heated_case(session, [(1, 50)])  # never hot
    ttc = trends.time_to_calm(session=session, period=DAY)
    assert (ttc.heated, ttc.calmed, ttc.still_hot) == (3, 2, 1)
    by_case = {r.case_id: r.minutes for r in ttc.cases}
    assert by_case == {quick.id: 30.0, slow.id: 60.0, stuck.id: None}
    assert ttc.median_minutes == 45.0 and ttc.p90_minutes == 60.0
    assert dict(ttc.histogram) == {"< 15 min": 0, "15–60 min": 1, "1–4 h": 1, "4–24 h": 0,
                                   "> 1 day": 0, "not yet": 1}
    assert trends.time_to_calm(session=session, period=DAY, threshold=89).heated == 1


def test_promise_kept_rate_by_day(session: Session) -> None:
    case = heated_case(session, [])
    promise(session, case, due_hours=-47, state="kept", closed_hours=-48)   # 8 Mar, kept
    promise(session, case, due_hours=-46, state="broken")                    # 8 Mar
    promise(session, case, due_hours=-1, state="kept", closed_hours=2)       # 10 Mar, late
    promise(session, case, due_hours=-2)                                     # 10 Mar, overdue
    promise(session, case, due_hours=-3, state="kept", closed_hours=-3)      # 10 Mar, kept
    promise(session, case, due_hours=-4, state="cancelled")                  # left out
    promise(session, case, due_hours=5)                                      # not due yet
    buckets = trends.promise_kept_rate(session=session, period=WEEK, now=NOW)
    assert [b.label for b in buckets] == [f"2026-03-{d:02d}" for d in range(8, 15)]
    mar8, mar10 = buckets[0], buckets[2]
    assert (mar8.judged, mar8.kept, mar8.broken, mar8.rate) == (2, 1, 1, 0.5)
    assert (mar10.judged, mar10.kept, mar10.kept_late, mar10.overdue) == (3, 1, 1, 1)
    assert mar10.rate == round(1 / 3, 4)
    assert buckets[1].rate is None and buckets[1].judged == 0


def test_root_cause_pareto(session: Session) -> None:
    care = make_user(session, team="care")
    case = heated_case(session, [], owner_id=care.id)
    other = heated_case(session, [])
    for category in ("Delivery", "delivery ", "billing", "app", "delivery"):
        root_cause(session, case, category)
    root_cause(session, case, "billing", hours=-72)  # before the period
    root_cause(session, other, "app")
    rows = trends.root_cause_pareto(session=session, period=DAY, team="care")
    assert [(r.category, r.count, r.cumulative) for r in rows] == [
        ("delivery", 3, 0.6), ("app", 1, 0.8), ("billing", 1, 1.0)]
    everyone = trends.root_cause_pareto(session=session, period=DAY)
    assert [(r.category, r.count) for r in everyone][:2] == [("delivery", 3), ("app", 2)]


def test_concessions_against_satisfaction(session: Session) -> None:
    given = heated_case(session, [])
    nothing = heated_case(session, [])
    unrated = heated_case(session, [])
    old = heated_case(session, [])
    for case, score in ((given, 4), (nothing, 2), (old, 5)):
        case.satisfaction = score
    old.created_at = NOW - timedelta(days=40)
    for case in (given, nothing, unrated, old):
        case.created_at = case.created_at if case is old else NOW
    concession(session, given, 10.5)
    concession(session, given, 4.25)
    concession(session, unrated, 99)
    session.flush()
    points = trends.concessions_vs_satisfaction(session=session, period=WEEK)
    assert [(p.case_id, p.value, p.concessions, p.satisfaction) for p in points] == [
        (given.id, 14.75, 2, 4), (nothing.id, 0.0, 0, 2)]
    assert all(isinstance(p.value, float) for p in points)


def test_dashboard_to_dict_is_json_ready(session: Session) -> None:
    import json

    heated_case(session, [(0, 90)], subject="Where is my order?")
    board = service.dashboard(session=session, period=DAY, now=NOW)
    data = json.loads(json.dumps(board.to_dict()))
    assert data["period"] == {"from": "2026-03-10", "to": "2026-03-10", "tz": "UTC",
                              "granularity": "day"}
    assert data["hot"][0]["subject"] == "Where is my order?"
    assert data["curves"][0]["points"][0]["at"] == "2026-03-10T12:00:00+00:00"
    assert data["time_to_calm"]["still_hot"] == 1
