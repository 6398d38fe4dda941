"""Resolution, satisfaction, reopening, escalation, concessions, root causes, customer data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases import concessions, customers, escalations, root_causes, service
from kettle.cases.errors import ApprovalRequired, IllegalTransition, NotFound
from kettle.cases.models import Message
from kettle.cases.schemas import ConcessionCreate, EscalationCreate, RootCauseCreate
from kettle.cases.settings import WorkflowSettings
from kettle.promises import service as promises
from kettle.promises.models import Promise
from tests.fixtures_db import make_case, make_user

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CONF = WorkflowSettings(
    satisfaction_delay_hours=2, callback_window_minutes=20, reopen_escalate_after=2
)


def _resolved(session: Session, **fields: object) -> int:
    case = make_case(session, **fields)
    service.move(session=session, case_id=case.id, stage="in_progress", now=T0)
    service.resolve(
        session=session, case_id=case.id, resolution="new kettle sent", settings=CONF, now=T0
    )
    return int(case.id)


def test_resolving_schedules_the_satisfaction_check(session: Session) -> None:
    case_id = _resolved(session)
    checks = promises.get_follow_ups(session=session, case_id=case_id, kind="satisfaction")
    assert [(c.state, c.due_at) for c in checks] == [("open", T0 + timedelta(hours=2))]
    assert not promises.get_follow_ups(
        session=session, case_id=case_id, kind="progress", state="open"
    )


def test_good_score_follows_up_the_case(session: Session) -> None:
    case_id = _resolved(session)
    case = service.record_satisfaction(
        session=session, case_id=case_id, score=5, settings=CONF, now=T0
    )
    assert case.stage == "followed_up" and case.satisfaction == 5
    checks = promises.get_follow_ups(session=session, case_id=case_id, kind="satisfaction")
    assert [c.state for c in checks] == ["done"]


def test_low_score_reopens_and_twice_escalates_to_the_team_lead(session: Session) -> None:
    lead = make_user(session, name="Lea Lead", role="lead", team="care")
    agent = make_user(session, team="care")
    case_id = _resolved(session, owner_id=agent.id)
    case = service.record_satisfaction(
        session=session, case_id=case_id, score=1, comment="still leaks", settings=CONF, now=T0
    )
    assert case.stage == "in_progress" and case.reopen_count == 1
    calls = promises.get_follow_ups(session=session, case_id=case_id, kind="callback")
    assert len(calls) == 1 and calls[0].due_at == T0 + timedelta(minutes=20)
    assert "still leaks" in calls[0].context
    assert escalations.get_all(session=session, case_id=case_id) == []
    service.resolve(session=session, case_id=case_id, resolution="again", settings=CONF, now=T0)
    service.record_satisfaction(session=session, case_id=case_id, score=2, settings=CONF, now=T0)
    found = escalations.get_all(session=session, case_id=case_id)
    assert [(e.to_user_id, e.state) for e in found] == [(lead.id, "open")]
    assert service.get(session=session, case_id=case_id).owner_id == agent.id  # owner stays


def test_escalation_is_tracked_until_answered(session: Session) -> None:
    case = make_case(session)
    row = escalations.create(
        session=session,
        case_id=case.id,
        escalation_in=EscalationCreate(to_team="billing", reason="refund"),
    )
    assert escalations.get_all(session=session, open_only=True)[0].id == row.id
    escalations.answer(session=session, escalation_id=row.id, answer_text="approved")
    assert escalations.get_all(session=session, open_only=True) == []
    with pytest.raises(IllegalTransition):
        escalations.answer(session=session, escalation_id=row.id, answer_text="again")


def test_concession_policy_proposes_a_bit_more_and_refuses_above_tier(session: Session) -> None:
    case = make_case(
        session, severity="high", customer={"name": "G", "tz": "UTC", "value_tier": "gold"}
    )
    offer = concessions.propose(session=session, case_id=case.id)
    assert offer.expected == 50 and offer.expected < offer.proposed <= offer.limit == 150
    ok = concessions.create(
        session=session,
        case_id=case.id,
        concession_in=ConcessionCreate(kind="credit", value=offer.proposed),
    )
    assert ok.tier == "gold" and ok.approved_by_id is None
    with pytest.raises(ApprovalRequired):
        concessions.create(
            session=session,
            case_id=case.id,
            concession_in=ConcessionCreate(kind="refund", value=500),
        )
    agent = make_user(session)
    with pytest.raises(ApprovalRequired):
        concessions.create(
            session=session,
            case_id=case.id,
            concession_in=ConcessionCreate(kind="refund", value=500, approved_by_id=agent.id),
        )
    lead = make_user(session, role="lead")
    big = concessions.create(
        session=session,
        case_id=case.id,
        concession_in=ConcessionCreate(kind="refund", value=500, approved_by_id=lead.id),
    )
    assert big.approved_by_id == lead.id
    assert len(concessions.get_all(session=session, case_id=case.id)) == 2


def test_root_cause_and_process_review(session: Session) -> None:
    case = make_case(session)
    cause = root_causes.create(
        session=session,
        case_id=case.id,
        root_cause_in=RootCauseCreate(
            category="logistics", surface="parcel late", underlying="depot understaffed"
        ),
    )
    review = root_causes.create_review(
        session=session, root_cause_id=cause.id, title="staff the depot on Mondays"
    )
    root_causes.close_review(session=session, review_id=review.id)
    assert [c.underlying for c in root_causes.get_all(session=session, category="logistics")] == [
        "depot understaffed"
    ]
    with pytest.raises(IllegalTransition):
        root_causes.close_review(session=session, review_id=review.id)


def test_customer_export_redacted_and_deletion_audited(session: Session) -> None:
    case = make_case(session, customer={"name": "Dan", "tz": "UTC", "contact": "dan@example.com"})
    service.ingest_message(
        session=session,
        case_id=case.id,
        role="customer",
        sent_at=T0,
        text="Call me on +44 20 7946 0958 or dan@example.com, now!!",
    )
    service.ingest_message(
        session=session,
        case_id=case.id,
        role="agent",
        sent_at=T0,
        text="Sorry Dan, I will call you back within the hour.",
    )
    customer_id = case.customer_id
    full = customers.export(session=session, customer_id=customer_id)
    assert "dan@example.com" in full["cases"][0]["messages"][0]["text"]
    clean = customers.export(session=session, customer_id=customer_id, redacted=True)
    text = clean["cases"][0]["messages"][0]["text"]
    assert "[phone]" in text and "[email]" in text and "7946" not in text
    assert clean["customer"]["contact"] == "[email]"
    counts = customers.delete(session=session, customer_id=customer_id, actor_id=None)
    assert counts == {"cases": 1, "messages": 2}
    with pytest.raises(NotFound):
        service.get(session=session, case_id=case.id)
    assert (
        session.scalar(select(func.count()).select_from(Message).where(Message.case_id == case.id))
        == 0
    )
    assert (
        session.scalar(select(func.count()).select_from(Promise).where(Promise.case_id == case.id))
        == 0
    )
    entry = audit.get_all(session=session, entity_type="customers", entity_id=customer_id)[0]
    assert entry.action == "delete" and entry.before == counts
