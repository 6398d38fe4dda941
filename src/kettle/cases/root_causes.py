"""Root causes (surface issue vs underlying cause) and the process reviews they lead to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import IllegalTransition, NotFound
from kettle.cases.models import Case, ProcessReview, RootCause
from kettle.cases.schemas import RootCauseCreate
from kettle.db.base import utcnow


def create(
    *, session: Session, case_id: int, root_cause_in: RootCauseCreate, actor_id: int | None = None
) -> RootCause:
    """Record the category, surface issue and underlying cause of a case."""
    if session.get(Case, case_id) is None:
        raise NotFound(f"no case {case_id}", field="case_id")
    row = RootCause(case_id=case_id, **root_cause_in.model_dump())
    session.add(row)
    session.flush()
    audit.record(
        session=session,
        action="create",
        entity=row,
        actor_id=actor_id,
        after=root_cause_in.model_dump(),
    )
    session.commit()
    return row


def get_all(
    *, session: Session, case_id: int | None = None, category: str | None = None
) -> list[RootCause]:
    """Root causes, oldest first, of one case and/or one category."""
    query = select(RootCause).order_by(RootCause.id)
    if case_id is not None:
        query = query.where(RootCause.case_id == case_id)
    if category is not None:
        query = query.where(RootCause.category == category)
    return [*session.scalars(query)]


def create_review(
    *, session: Session, root_cause_id: int, title: str, actor_id: int | None = None
) -> ProcessReview:
    """Open a process-review item for a root cause."""
    if session.get(RootCause, root_cause_id) is None:
        raise NotFound(f"no root cause {root_cause_id}", field="root_cause_id")
    row = ProcessReview(root_cause_id=root_cause_id, title=title)
    session.add(row)
    session.flush()
    audit.record(
        session=session, action="create", entity=row, actor_id=actor_id, after={"title": title}
    )
    session.commit()
    return row


def close_review(*, session: Session, review_id: int, actor_id: int | None = None) -> ProcessReview:
    """Mark a process review done (once)."""
    row = session.get(ProcessReview, review_id)
    if row is None:
        raise NotFound(f"no process review {review_id}", field="review_id")
    if row.state != "open":
        raise IllegalTransition(f"process review {review_id} is already {row.state}", field="state")
    row.state, row.closed_at = "done", utcnow()
    audit.record(
        session=session,
        action="state",
        entity=row,
        actor_id=actor_id,
        before={"state": "open"},
        after={"state": "done"},
    )
    session.commit()
    return row
