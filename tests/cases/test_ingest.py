"""Ingest runs the engine and updates the case; it is idempotent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from kettle.cases import service
from kettle.cases.errors import Conflict, WorkflowInputError
from kettle.cases.settings import WorkflowSettings
from kettle.promises import service as promises
from tests.fixtures_db import make_case, make_user

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
VENT = "This is ridiculous!!! Three weeks and my kettle still leaks. Nobody calls back."
REPLY = (
    "I'm so sorry, that sounds really frustrating after three weeks. "
    "I will call you back by 5 pm today with a replacement date."
)


def test_customer_message_is_read_and_heats_the_case(session: Session) -> None:
    case = make_case(session)
    msg = service.ingest_message(
        session=session, case_id=case.id, role="customer", text=VENT, sent_at=T0
    )
    assert msg.analysis is not None and msg.analysis["kind"] == "reading"
    assert msg.temperature is not None and 30 <= msg.temperature <= 100
    case = service.get(session=session, case_id=case.id)
    assert case.stage == "venting"
    assert case.temperature == msg.temperature
    assert [p.temperature for p in case.temperatures] == [msg.temperature]


def test_agent_promise_becomes_a_tracked_promise_in_the_customer_zone(session: Session) -> None:
    owner = make_user(session)
    case = make_case(session, owner_id=owner.id)
    service.ingest_message(session=session, case_id=case.id, role="customer", text=VENT, sent_at=T0)
    msg = service.ingest_message(
        session=session, case_id=case.id, role="agent", text=REPLY, sent_at=T0.replace(minute=5)
    )
    assert msg.analysis is not None and msg.analysis["kind"] == "review"
    found = promises.get_all(session=session, case_id=case.id)
    assert len(found) == 1
    promise = found[0]
    assert promise.source == "engine" and promise.state == "open"
    assert promise.owner_id == owner.id
    assert promise.due_at == datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 17:00 Berlin
    assert service.get(session=session, case_id=case.id).stage != "venting"
    progress = promises.get_follow_ups(
        session=session, case_id=case.id, kind="progress", state="open"
    )
    assert len(progress) == 1
    assert progress[0].due_at < promise.due_at  # always before the promise falls due


def test_later_report_keeps_the_promise(session: Session) -> None:
    case = make_case(session)
    service.ingest_message(session=session, case_id=case.id, role="customer", text=VENT, sent_at=T0)
    service.ingest_message(
        session=session, case_id=case.id, role="agent", text=REPLY, sent_at=T0.replace(minute=5)
    )
    service.ingest_message(
        session=session,
        case_id=case.id,
        role="agent",
        text="As promised, I'm getting back to you: the replacement ships tomorrow.",
        sent_at=T0.replace(hour=14),
    )
    states = [
        p.state
        for p in promises.get_all(session=session, case_id=case.id)
        if p.action.startswith("call")
    ]
    assert states == ["kept"]


def test_replay_on_external_id_or_key_returns_the_stored_message(session: Session) -> None:
    case = make_case(session)
    first = service.ingest_message(
        session=session, case_id=case.id, role="customer", text=VENT, sent_at=T0, external_id="m-1"
    )
    again = service.ingest_message(
        session=session,
        case_id=case.id,
        role="customer",
        text="different text",
        sent_at=T0,
        external_id="m-1",
    )
    assert again.id == first.id and again.text == VENT
    keyed = service.ingest_message(
        session=session,
        case_id=case.id,
        role="agent",
        text=REPLY,
        sent_at=T0,
        idempotency_key="k-1",
    )
    replay = service.ingest_message(
        session=session,
        case_id=case.id,
        role="agent",
        text=REPLY,
        sent_at=T0,
        idempotency_key="k-1",
    )
    assert replay.id == keyed.id
    assert len(service.get_messages(session=session, case_id=case.id)) == 2
    assert len(promises.get_all(session=session, case_id=case.id)) == 1
    other = make_case(session)
    with pytest.raises(Conflict):
        service.ingest_message(
            session=session,
            case_id=other.id,
            role="agent",
            text=REPLY,
            sent_at=T0,
            idempotency_key="k-1",
        )


def test_hang_up_schedules_a_callback_with_context(session: Session) -> None:
    case = make_case(session)
    conf = WorkflowSettings(callback_window_minutes=15)
    service.ingest_message(
        session=session,
        case_id=case.id,
        role="customer",
        text="Forget it, I'm hanging up. This is useless!!",
        sent_at=T0,
        settings=conf,
    )
    calls = promises.get_follow_ups(session=session, case_id=case.id, kind="callback")
    assert len(calls) == 1
    assert calls[0].due_at == T0.replace(minute=15)
    assert "hanging up" in calls[0].context


def test_bad_role_is_refused(session: Session) -> None:
    case = make_case(session)
    with pytest.raises(WorkflowInputError) as err:
        service.ingest_message(session=session, case_id=case.id, role="bot", text="hi", sent_at=T0)
    assert err.value.field == "role"


def test_system_note_that_the_customer_left_schedules_a_callback(session: Session) -> None:
    owner = make_user(session, team="care")
    case = make_case(session, owner_id=owner.id)
    service.ingest_message(
        session=session, case_id=case.id, role="system", sent_at=T0, text="Customer left the chat."
    )
    calls = promises.get_follow_ups(session=session, kind="callback", team="care")
    assert [c.case_id for c in calls] == [case.id]
    assert promises.get_follow_ups(session=session, kind="callback", owner_id=owner.id + 999) == []
