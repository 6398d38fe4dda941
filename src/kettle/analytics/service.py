"""Team dashboard queries: what needs attention now, and the trends of a period.

Every function takes keyword-only arguments and two scope filters, ``owner_id``
and ``team`` (cases owned by that user, cases of that team). The faces compute
them from the viewer with :func:`kettle.api.access.case_scope`, the same rule
the case listings use: an agent sees their own cases, a lead their team's, an
admin everything. Trends live in :mod:`kettle.analytics.trends`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kettle.analysis.coach_context import HOT_C
from kettle.analytics import trends
from kettle.analytics.period import Period
from kettle.analytics.scope import scoped
from kettle.analytics.types import CaseRow, Dashboard, EscalationRow, PromiseRow
from kettle.cases import flows
from kettle.cases.models import Case, Escalation
from kettle.db.base import utcnow
from kettle.promises.models import Promise
from kettle.redaction import redact
from kettle.users.models import User

__all__ = [
    "HOT_C",
    "dashboard",
    "list_hot",
    "list_open",
    "list_overdue",
    "list_waiting_escalations",
    "scoped",
]

_LIVE = ("open", "late")
_Row = TypeVar("_Row", Promise, Escalation)


def list_hot(
    *,
    session: Session,
    owner_id: int | None = None,
    team: str | None = None,
    threshold: float = HOT_C,
    limit: int = 50,
) -> list[CaseRow]:
    """Open cases whose latest customer temperature is at least ``threshold``, hottest first."""
    query = _open_cases(owner_id, team).where(Case.temperature >= threshold)
    query = query.order_by(Case.temperature.desc(), Case.id).limit(limit)
    return [_case_row(case, name, threshold) for case, name in session.execute(query)]


def list_open(
    *,
    session: Session,
    owner_id: int | None = None,
    team: str | None = None,
    threshold: float = HOT_C,
    limit: int = 50,
) -> list[CaseRow]:
    """The other open cases (below ``threshold`` or not read yet): warmest first, then newest."""
    cool = (Case.temperature < threshold) | Case.temperature.is_(None)
    query = _open_cases(owner_id, team).where(cool)
    # PostgreSQL sorts NULLs first in a descending order, SQLite last: say it explicitly.
    order = (Case.temperature.desc().nulls_last(), Case.updated_at.desc(), Case.id.desc())
    query = query.order_by(*order).limit(limit)
    return [_case_row(case, name, threshold) for case, name in session.execute(query)]


def list_overdue(
    *,
    session: Session,
    owner_id: int | None = None,
    team: str | None = None,
    now: datetime | None = None,
    limit: int = 100,
) -> list[PromiseRow]:
    """Open or late promises past their due time on cases in scope, most overdue first."""
    when = now or utcnow()
    query = _with_subject(Promise, owner_id, team)
    query = query.where(Promise.state.in_(_LIVE), Promise.due_at < when)
    query = query.order_by(Promise.due_at, Promise.id).limit(limit)
    rows: list[PromiseRow] = []
    for promise, subject in session.execute(query):
        due = promise.due_at or when
        rows.append(PromiseRow(
            promise_id=promise.id, case_id=promise.case_id, subject=redact(subject),
            action=redact(promise.action), state=promise.state, due_at=due,
            overdue_minutes=_minutes(when - due), owner_id=promise.owner_id,
        ))
    return rows


def list_waiting_escalations(
    *,
    session: Session,
    owner_id: int | None = None,
    team: str | None = None,
    now: datetime | None = None,
    limit: int = 100,
) -> list[EscalationRow]:
    """Open (unanswered) escalations on cases in scope, longest waiting first."""
    when = now or utcnow()
    query = _with_subject(Escalation, owner_id, team).where(Escalation.state == "open")
    query = query.order_by(Escalation.created_at, Escalation.id).limit(limit)
    return [
        EscalationRow(
            escalation_id=row.id, case_id=row.case_id, subject=redact(subject),
            reason=redact(row.reason), to_user_id=row.to_user_id, to_team=row.to_team,
            created_at=row.created_at, waiting_minutes=_minutes(when - row.created_at),
        )
        for row, subject in session.execute(query)
    ]


def dashboard(
    *,
    session: Session,
    period: Period,
    owner_id: int | None = None,
    team: str | None = None,
    now: datetime | None = None,
    threshold: float = HOT_C,
) -> Dashboard:
    """Everything the team dashboard shows for this scope and period."""
    when = now or utcnow()
    scope: dict[str, Any] = {"session": session, "owner_id": owner_id, "team": team}
    return Dashboard(
        period=period.to_dict(),
        generated_at=when,
        hot=tuple(list_hot(**scope, threshold=threshold)),
        open=tuple(list_open(**scope, threshold=threshold)),
        overdue=tuple(list_overdue(**scope, now=when)),
        escalations=tuple(list_waiting_escalations(**scope, now=when)),
        curves=tuple(trends.temperature_curves(**scope, period=period)),
        time_to_calm=trends.time_to_calm(**scope, period=period, threshold=threshold),
        promise_rate=tuple(trends.promise_kept_rate(**scope, period=period, now=when)),
        root_causes=tuple(trends.root_cause_pareto(**scope, period=period)),
        concessions=tuple(trends.concessions_vs_satisfaction(**scope, period=period)),
    )


def _open_cases(owner_id: int | None, team: str | None) -> Select[Case, str]:
    query = select(Case, User.name).outerjoin(User, User.id == Case.owner_id)
    return scoped(query, owner_id, team).where(Case.stage.in_(_open_stages()))


def _with_subject(model: type[_Row], owner_id: int | None, team: str | None
                  ) -> Select[_Row, str]:
    """Rows of ``model`` (promises or escalations) with their case's subject, in scope."""
    query = select(model, Case.subject).join(Case, Case.id == model.case_id)
    return scoped(query, owner_id, team)


def _open_stages() -> Sequence[str]:
    return [s for s in flows.ALL_STAGES if flows.is_open(s)]


def _case_row(case: Case, owner: str | None, threshold: float) -> CaseRow:
    temp = case.temperature
    return CaseRow(
        case_id=case.id, subject=redact(case.subject), stage=case.stage, temperature=temp,
        hot=temp is not None and temp >= threshold, owner_id=case.owner_id, owner=owner,
        team=case.team, updated_at=case.updated_at,
    )


def _minutes(delta: Any) -> int:
    return max(0, int(delta.total_seconds() // 60))
