"""What the analytics services return: plain frozen dataclasses with ``to_dict`` for JSON.

Free text that may hold customer data (case subjects, promise actions,
escalation reasons, root causes) is already redacted here
(:func:`kettle.redaction.redact`): analytics never carry e-mail addresses,
phone or card numbers (C9).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


class _Plain:
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _jsonable(asdict(self))  # type: ignore[call-overload]
        return data


@dataclass(frozen=True)
class CaseRow(_Plain):
    """An open case on the dashboard: how hot it is now and who has it."""

    case_id: int
    subject: str
    stage: str
    temperature: float | None
    hot: bool
    owner_id: int | None
    owner: str | None
    team: str | None
    updated_at: datetime


@dataclass(frozen=True)
class PromiseRow(_Plain):
    """A live promise past its due time."""

    promise_id: int
    case_id: int
    subject: str
    action: str
    state: str
    due_at: datetime
    overdue_minutes: int
    owner_id: int | None


@dataclass(frozen=True)
class EscalationRow(_Plain):
    """An escalation still waiting for its answer."""

    escalation_id: int
    case_id: int
    subject: str
    reason: str
    to_user_id: int | None
    to_team: str | None
    created_at: datetime
    waiting_minutes: int


@dataclass(frozen=True)
class CurvePoint(_Plain):
    at: datetime
    hours: float
    temperature: float


@dataclass(frozen=True)
class Curve(_Plain):
    """One case's customer temperatures in the period (hours since its first point there)."""

    case_id: int
    subject: str
    peak: float
    points: tuple[CurvePoint, ...]


@dataclass(frozen=True)
class CalmRow(_Plain):
    """A case that got hot in the period: when, and when (if yet) it calmed."""

    case_id: int
    subject: str
    hot_at: datetime
    calm_at: datetime | None
    minutes: float | None


@dataclass(frozen=True)
class TimeToCalm(_Plain):
    """Time to calm over the cases that got hot in the period."""

    threshold: float
    heated: int
    calmed: int
    still_hot: int
    median_minutes: float | None
    p90_minutes: float | None
    histogram: tuple[tuple[str, int], ...]
    cases: tuple[CalmRow, ...] = field(default=())


@dataclass(frozen=True)
class KeptBucket(_Plain):
    """Promises that fell due in one period, by outcome; ``rate`` = kept on time / judged."""

    label: str
    start_at: datetime
    judged: int
    kept: int
    kept_late: int
    broken: int
    overdue: int
    rate: float | None


@dataclass(frozen=True)
class ParetoRow(_Plain):
    category: str
    count: int
    share: float
    cumulative: float


@dataclass(frozen=True)
class ConcessionPoint(_Plain):
    """A case with a satisfaction score: what it was given and how satisfied it was."""

    case_id: int
    subject: str
    value: float
    concessions: int
    satisfaction: int


@dataclass(frozen=True)
class Dashboard(_Plain):
    """Everything the team dashboard shows, for one viewer's scope and one period."""

    period: dict[str, str]
    generated_at: datetime
    hot: tuple[CaseRow, ...]
    open: tuple[CaseRow, ...]
    overdue: tuple[PromiseRow, ...]
    escalations: tuple[EscalationRow, ...]
    curves: tuple[Curve, ...]
    time_to_calm: TimeToCalm
    promise_rate: tuple[KeptBucket, ...]
    root_causes: tuple[ParetoRow, ...]
    concessions: tuple[ConcessionPoint, ...]
