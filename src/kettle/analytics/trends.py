"""Trends over a period: temperature curves, time to calm, promise-kept rate,
root-cause Pareto, concessions against satisfaction.

Definitions (also in docs/console.md):

- **Temperature curve**: a case's customer temperatures (one point per customer
  message) inside the period, x = hours since its first point in the period.
- **Time to calm**: for each case whose customer turn first reached the hot
  threshold (65 °C, the coach's ``HOT_C``) inside the period, the time from that
  turn to the first later customer turn below the threshold. Cases without such
  a turn yet are counted as *still hot* and left out of the median.
- **Promise-kept rate**: of the promises that fell due in a period (due time in
  it and already past, cancelled ones and ones without a due time left out), the
  share kept by their due time. Kept late, broken and still open are the rest.
- **Root-cause Pareto**: root causes recorded in the period per category
  (case-insensitive), largest first, with the cumulative share.
- **Concessions against satisfaction**: cases opened in the period that have a
  satisfaction score (1–5), with the total value of their concessions (0 if none).
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kettle.analysis.coach_context import HOT_C
from kettle.analytics.period import Period
from kettle.analytics.scope import scoped
from kettle.analytics.types import (
    CalmRow,
    ConcessionPoint,
    Curve,
    CurvePoint,
    KeptBucket,
    ParetoRow,
    TimeToCalm,
)
from kettle.cases.models import Case, Concession, RootCause, TemperaturePoint
from kettle.db.base import utcnow
from kettle.promises.models import Promise
from kettle.redaction import redact

#: Histogram bins of time to calm: (label, upper bound in minutes).
CALM_BINS: tuple[tuple[str, float], ...] = (
    ("< 15 min", 15.0),
    ("15–60 min", 60.0),
    ("1–4 h", 240.0),
    ("4–24 h", 1440.0),
    ("> 1 day", math.inf),
)
STILL_HOT = "not yet"

_Point = tuple[int, datetime, float, str]


def temperature_curves(
    *,
    session: Session,
    period: Period,
    owner_id: int | None = None,
    team: str | None = None,
    limit: int = 8,
) -> list[Curve]:
    """The ``limit`` cases with the hottest peak in the period, each with its curve."""
    query = _points(owner_id, team).where(
        TemperaturePoint.at >= period.start_at, TemperaturePoint.at < period.end_at
    )
    by_case = _group(session.execute(query))
    ranked = sorted(by_case.items(), key=lambda item: (-max(p[2] for p in item[1]), item[0]))
    curves: list[Curve] = []
    for case_id, points in ranked[:limit]:
        first = points[0][1]
        curves.append(Curve(
            case_id=case_id, subject=redact(points[0][3]), peak=max(p[2] for p in points),
            points=tuple(CurvePoint(at=at, hours=round((at - first).total_seconds() / 3600, 4),
                                    temperature=temp) for _, at, temp, _ in points),
        ))
    return curves


def time_to_calm(
    *,
    session: Session,
    period: Period,
    owner_id: int | None = None,
    team: str | None = None,
    threshold: float = HOT_C,
) -> TimeToCalm:
    """Time from the first hot customer turn in the period to the first calm one after it."""
    heated = scoped(
        select(TemperaturePoint.case_id).join(Case, Case.id == TemperaturePoint.case_id),
        owner_id, team,
    ).where(TemperaturePoint.at >= period.start_at, TemperaturePoint.at < period.end_at,
            TemperaturePoint.temperature >= threshold)
    query = _points(None, None).where(
        TemperaturePoint.case_id.in_(heated), TemperaturePoint.at >= period.start_at
    )
    rows = [row for points in _group(session.execute(query)).values()
            if (row := _calm_row(points, period, threshold)) is not None]
    minutes = sorted(r.minutes for r in rows if r.minutes is not None)
    return TimeToCalm(
        threshold=threshold, heated=len(rows), calmed=len(minutes),
        still_hot=len(rows) - len(minutes),
        median_minutes=round(statistics.median(minutes), 1) if minutes else None,
        p90_minutes=_nearest_rank(minutes, 0.9),
        histogram=_calm_histogram(minutes, len(rows) - len(minutes)),
        cases=tuple(sorted(rows, key=lambda r: (r.hot_at, r.case_id))),
    )


def promise_kept_rate(
    *,
    session: Session,
    period: Period,
    owner_id: int | None = None,
    team: str | None = None,
    now: datetime | None = None,
) -> list[KeptBucket]:
    """Per period bucket: promises that fell due there, by outcome, and the kept rate."""
    when = now or utcnow()
    query = scoped(select(Promise).join(Case, Case.id == Promise.case_id), owner_id, team)
    query = query.where(
        Promise.due_at >= period.start_at, Promise.due_at < period.end_at,
        Promise.due_at <= when, Promise.state != "cancelled",
    )
    buckets = period.buckets()
    starts = [b.start_at for b in buckets]
    tally = [dict.fromkeys(("kept", "kept_late", "broken", "overdue"), 0) for _ in buckets]
    for promise in session.scalars(query):
        if promise.due_at is not None:
            tally[bisect_right(starts, promise.due_at) - 1][_outcome(promise)] += 1
    out: list[KeptBucket] = []
    for bucket, counts in zip(buckets, tally, strict=True):
        judged = sum(counts.values())
        out.append(KeptBucket(label=bucket.label, start_at=bucket.start_at, judged=judged,
                              rate=round(counts["kept"] / judged, 4) if judged else None,
                              **counts))
    return out


def root_cause_pareto(
    *,
    session: Session,
    period: Period,
    owner_id: int | None = None,
    team: str | None = None,
) -> list[ParetoRow]:
    """Root causes recorded in the period per category, largest first, with cumulative shares."""
    category = func.lower(func.trim(RootCause.category))
    count = func.count(RootCause.id)
    query = scoped(select(category, count).join(Case, Case.id == RootCause.case_id),
                   owner_id, team)
    query = query.where(RootCause.created_at >= period.start_at,
                        RootCause.created_at < period.end_at)
    query = query.group_by(category).order_by(count.desc(), category)
    counts = [(redact(str(name)), int(n)) for name, n in session.execute(query)]
    total = sum(n for _, n in counts)
    rows: list[ParetoRow] = []
    running = 0
    for name, n in counts:
        running += n
        rows.append(ParetoRow(category=name, count=n, share=round(n / total, 4),
                              cumulative=round(running / total, 4)))
    return rows


def concessions_vs_satisfaction(
    *,
    session: Session,
    period: Period,
    owner_id: int | None = None,
    team: str | None = None,
) -> list[ConcessionPoint]:
    """Cases opened in the period with a satisfaction score, and their concessions' total."""
    total = func.coalesce(func.sum(Concession.value), 0)
    given = func.count(Concession.id)
    query = select(Case.id, Case.subject, Case.satisfaction, total, given).outerjoin(
        Concession, Concession.case_id == Case.id)
    query = scoped(query, owner_id, team).where(
        Case.satisfaction.is_not(None), Case.created_at >= period.start_at,
        Case.created_at < period.end_at,
    )
    query = query.group_by(Case.id, Case.subject, Case.satisfaction).order_by(Case.id)
    points: list[ConcessionPoint] = []
    for case_id, subject, score, value, n in session.execute(query):
        if score is None:
            continue
        # SUM over NUMERIC comes back as Decimal on PostgreSQL and as float on SQLite.
        points.append(ConcessionPoint(case_id=case_id, subject=redact(subject),
                                      value=round(float(value), 2), concessions=int(n),
                                      satisfaction=int(score)))
    return points


def _points(owner_id: int | None, team: str | None) -> Any:
    query = select(TemperaturePoint.case_id, TemperaturePoint.at, TemperaturePoint.temperature,
                   Case.subject).join(Case, Case.id == TemperaturePoint.case_id)
    query = scoped(query, owner_id, team)
    return query.order_by(TemperaturePoint.case_id, TemperaturePoint.at, TemperaturePoint.id)


def _group(rows: Any) -> dict[int, list[_Point]]:
    out: dict[int, list[_Point]] = {}
    for case_id, at, temp, subject in rows:
        out.setdefault(case_id, []).append((case_id, at, float(temp), subject))
    return out


def _calm_row(points: Sequence[_Point], period: Period, threshold: float) -> CalmRow | None:
    first = next((i for i, p in enumerate(points) if p[2] >= threshold and p[1] < period.end_at),
                 None)
    if first is None:
        return None
    hot = points[first]
    calm = next((p for p in points[first + 1:] if p[2] < threshold), None)
    minutes = round((calm[1] - hot[1]).total_seconds() / 60, 1) if calm else None
    return CalmRow(case_id=hot[0], subject=redact(hot[3]), hot_at=hot[1],
                   calm_at=calm[1] if calm else None, minutes=minutes)


def _calm_histogram(minutes: Sequence[float], still_hot: int) -> tuple[tuple[str, int], ...]:
    counts = dict.fromkeys([label for label, _ in CALM_BINS], 0)
    for value in minutes:
        label = next(label for label, upper in CALM_BINS if value < upper)
        counts[label] += 1
    return (*counts.items(), (STILL_HOT, still_hot))


def _nearest_rank(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    return values[max(0, math.ceil(q * len(values)) - 1)]


def _outcome(promise: Promise) -> str:
    if promise.state == "kept":
        on_time = promise.closed_at is None or promise.due_at is None or (
            promise.closed_at <= promise.due_at)
        return "kept" if on_time else "kept_late"
    return "broken" if promise.state == "broken" else "overdue"
