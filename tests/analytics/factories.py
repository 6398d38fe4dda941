"""Factories for analytics tests: cases with a temperature history, promises, causes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from kettle.cases.models import Case, Concession, Message, RootCause, TemperaturePoint
from kettle.promises.flows import transition_promise
from kettle.promises.models import Promise
from tests.fixtures_db import make_case

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def heated_case(
    session: Session, temps: list[tuple[float, float]], *, stage: str = "venting",
    **fields: Any,
) -> Case:
    """A case whose customer wrote at ``NOW + hours`` with each temperature, in order."""
    case = make_case(session, tz="UTC", **fields)
    case.stage = stage
    for hours, temp in temps:
        at = NOW + timedelta(hours=hours)
        message = Message(case_id=case.id, role="customer", text=f"at {temp}", sent_at=at,
                          temperature=temp)
        session.add(message)
        session.flush()
        session.add(TemperaturePoint(case_id=case.id, message_id=message.id, temperature=temp,
                                     at=at))
    if temps:
        case.temperature = temps[-1][1]
    session.flush()
    return case


def promise(
    session: Session, case: Case, *, due_hours: float, state: str = "open",
    closed_hours: float | None = None, action: str = "call back",
) -> Promise:
    row = Promise(case_id=case.id, owner_id=case.owner_id, action=action,
                  due_at=NOW + timedelta(hours=due_hours), source="manual", state="open")
    session.add(row)
    session.flush()
    if state != "open":
        at = NOW + timedelta(hours=closed_hours if closed_hours is not None else due_hours)
        if state == "kept" and closed_hours is not None and closed_hours > due_hours:
            transition_promise(session=session, promise=row, to="late", at=at)
        transition_promise(session=session, promise=row, to=state, at=at)
    session.flush()
    return row


def root_cause(session: Session, case: Case, category: str, *, hours: float = 0.0) -> RootCause:
    row = RootCause(case_id=case.id, category=category, surface="s", underlying="u",
                    created_at=NOW + timedelta(hours=hours))
    session.add(row)
    session.flush()
    return row


def concession(session: Session, case: Case, value: float) -> Concession:
    row = Concession(case_id=case.id, kind="credit", value=value, tier="standard",
                     severity="medium")
    session.add(row)
    session.flush()
    return row
