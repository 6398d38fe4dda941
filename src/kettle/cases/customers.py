"""Customer data on request: export everything held about a customer, or delete it (audited)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete as sa_delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import NotFound
from kettle.cases.models import Customer
from kettle.promises.models import FollowUp, Promise
from kettle.redaction import redact


def get(*, session: Session, customer_id: int) -> Customer:
    """The customer ``customer_id``; raises :class:`NotFound`."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(f"no customer {customer_id}", field="customer_id")
    return customer


def export(
    *, session: Session, customer_id: int, redacted: bool = False, actor_id: int | None = None
) -> dict[str, Any]:
    """Everything held about the customer as JSON-ready data (``redacted`` for analytics).

    The export itself is audited.
    """
    customer = get(session=session, customer_id=customer_id)
    clean = redact if redacted else _same
    data = {
        "customer": {
            "id": customer.id,
            "name": customer.name if not redacted else "[name]",
            "contact": clean(customer.contact or ""),
            "tz": customer.tz,
            "value_tier": customer.value_tier,
        },
        "cases": [_case(session, case, clean) for case in customer.cases],
    }
    audit.record(
        session=session,
        action="export",
        entity=customer,
        actor_id=actor_id,
        after={"redacted": redacted, "cases": len(data["cases"])},
    )
    session.commit()
    return data


def delete(*, session: Session, customer_id: int, actor_id: int | None = None) -> dict[str, int]:
    """Delete the customer and every case, message and promise about them; audited.

    The audit entry keeps counts only, never the deleted data. Returns the counts.
    """
    customer = get(session=session, customer_id=customer_id)
    counts = {
        "cases": len(customer.cases),
        "messages": sum(len(c.messages) for c in customer.cases),
    }
    # The database cascades to cases, messages, promises and follow-ups.
    session.expunge_all()
    session.execute(sa_delete(Customer).where(Customer.id == customer_id))
    audit.record(
        session=session,
        action="delete",
        entity_type="customers",
        entity_id=customer_id,
        actor_id=actor_id,
        before=counts,
    )
    session.commit()
    return counts


def _same(text: str) -> str:
    return text


def _case(session: Session, case: Any, clean: Any) -> dict[str, Any]:
    promises = session.scalars(select(Promise).where(Promise.case_id == case.id))
    follow_ups = session.scalars(select(FollowUp).where(FollowUp.case_id == case.id))
    return {
        "id": case.id,
        "subject": clean(case.subject),
        "stage": case.stage,
        "created_at": case.created_at.isoformat(),
        "satisfaction": case.satisfaction,
        "messages": [
            {"role": m.role, "text": clean(m.text), "sent_at": m.sent_at.isoformat()}
            for m in case.messages
        ],
        "promises": [
            {
                "action": clean(p.action),
                "state": p.state,
                "due_at": p.due_at.isoformat() if p.due_at else None,
            }
            for p in promises
        ],
        "follow_ups": [
            {"kind": f.kind, "state": f.state, "due_at": f.due_at.isoformat()} for f in follow_ups
        ],
    }
