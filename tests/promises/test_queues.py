"""Promise queues and the promise state machine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from kettle.cases.errors import IllegalTransition
from kettle.promises import service
from kettle.promises.schemas import PromiseCreate
from tests.fixtures_db import make_case, make_user

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_queues_overdue_due_today_per_agent_and_team(session: Session) -> None:
    ana = make_user(session, team="care")
    bo = make_user(session, name="Bo", team="billing")
    care = make_case(session, owner_id=ana.id, tz="UTC")
    billing = make_case(session, owner_id=bo.id, tz="UTC")

    def add(case_id: int, hours: float, action: str) -> int:
        due = NOW + timedelta(hours=hours)
        return service.create(
            session=session, case_id=case_id, promise_in=PromiseCreate(action=action, due_at=due)
        ).id

    late = add(care.id, -2, "late one")
    today = add(care.id, 3, "today")
    add(care.id, 30, "tomorrow")
    other = add(billing.id, -1, "billing late")
    assert [p.id for p in service.list_overdue(session=session, now=NOW)] == [late, other]
    assert [p.id for p in service.list_due_today(session=session, now=NOW)] == [today]
    assert [p.id for p in service.list_overdue(session=session, now=NOW, owner_id=bo.id)] == [other]
    assert [p.id for p in service.list_overdue(session=session, now=NOW, team="care")] == [late]
    service.set_state(session=session, promise_id=late, state="kept")
    assert [p.id for p in service.list_overdue(session=session, now=NOW)] == [other]


def test_naive_due_time_is_the_customer_zone(session: Session) -> None:
    case = make_case(session, tz="America/New_York")
    promise = service.create(
        session=session,
        case_id=case.id,
        promise_in=PromiseCreate(action="refund", due_at=datetime(2026, 3, 2, 17, 0)),
    )
    assert promise.due_at == datetime(2026, 3, 2, 22, 0, tzinfo=UTC)


def test_final_states_cannot_move(session: Session) -> None:
    case = make_case(session)
    promise = service.create(session=session, case_id=case.id, promise_in=PromiseCreate(action="x"))
    service.set_state(session=session, promise_id=promise.id, state="cancelled")
    with pytest.raises(IllegalTransition) as err:
        service.set_state(session=session, promise_id=promise.id, state="kept")
    assert "final" in err.value.message


def test_closing_a_case_breaks_its_unkept_promises(session: Session) -> None:
    from kettle.cases import service as cases

    case = make_case(session)
    kept = service.create(session=session, case_id=case.id, promise_in=PromiseCreate(action="a"))
    unkept = service.create(session=session, case_id=case.id, promise_in=PromiseCreate(action="b"))
    service.set_state(session=session, promise_id=kept.id, state="kept")
    cases.move(session=session, case_id=case.id, stage="closed", now=NOW)
    assert service.get(session=session, promise_id=unkept.id).state == "broken"
    assert service.get(session=session, promise_id=kept.id).state == "kept"
