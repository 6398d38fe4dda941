"""The stage machine: allowed moves pass and are recorded; others are refused clearly."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from kettle.cases import flows, service
from kettle.cases.errors import IllegalTransition
from tests.fixtures_db import make_case


def test_allowed_move_is_recorded_and_audited(session: Session) -> None:
    case = make_case(session)
    service.move(session=session, case_id=case.id, stage="venting", reason="first message")
    moves = service.get_moves(session=session, case_id=case.id)
    assert [(m.from_stage, m.to_stage) for m in moves] == [("new", "venting")]
    from kettle.audit import service as audit

    entries = audit.get_all(session=session, entity_type="cases", entity_id=case.id)
    assert any(e.action == "stage" and e.after and e.after["stage"] == "venting" for e in entries)


def test_illegal_move_is_refused_with_the_valid_choices(session: Session) -> None:
    case = make_case(session)
    service.move(session=session, case_id=case.id, stage="venting")
    with pytest.raises(IllegalTransition) as err:
        service.move(session=session, case_id=case.id, stage="followed_up")
    assert "cannot move from 'venting' to 'followed_up'" in err.value.message
    assert "acknowledged" in err.value.choices
    assert service.get(session=session, case_id=case.id).stage == "venting"


def test_unknown_stage_is_refused(session: Session) -> None:
    case = make_case(session)
    with pytest.raises(IllegalTransition):
        service.move(session=session, case_id=case.id, stage="boiling")


def test_reopening_counts() -> None:
    assert ("resolved", "in_progress") in flows.REOPENING
    assert flows.can_move("closed", "in_progress")
    assert not flows.can_move("closed", "resolved")
