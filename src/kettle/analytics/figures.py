"""The dashboard's charts: analytics results drawn with :mod:`kettle.charts`."""

from __future__ import annotations

from collections.abc import Sequence

from kettle.analytics.types import (
    ConcessionPoint,
    Curve,
    Dashboard,
    KeptBucket,
    ParetoRow,
    TimeToCalm,
)
from kettle.charts import (
    Guide,
    Point,
    RatePoint,
    Series,
    bar_chart,
    line_chart,
    pareto_chart,
    rate_chart,
    scatter_chart,
)

#: Chart names, in the order the dashboard shows them.
FIGURES: tuple[str, ...] = (
    "temperature", "time_to_calm", "promise_rate", "root_causes", "concessions",
)


def temperature_figure(curves: Sequence[Curve], threshold: float) -> str:
    series = [Series(f"#{c.case_id} {c.subject}", [(p.hours, p.temperature) for p in c.points])
              for c in curves]
    return line_chart(
        chart_id="chart-temperature", title="Temperature curves",
        desc=f"Customer temperature per message for the {len(curves)} hottest cases of the "
        f"period, in °C (30 calm to 100 boiling), against hours since each case's first message "
        f"in the period. The dashed line is the hot threshold, {threshold:g} °C.",
        series=series, x_label="Hours since first customer message", y_label="Temperature (°C)",
        y_range=(30.0, 100.0), guides=[Guide(threshold, f"hot {threshold:g} °C")],
    )


def calm_figure(ttc: TimeToCalm) -> str:
    median = "none calmed yet" if ttc.median_minutes is None else (
        f"median {ttc.median_minutes:g} minutes")
    return bar_chart(
        chart_id="chart-time-to-calm", title="Time to calm",
        desc=f"{ttc.heated} cases got hot in the period; {ttc.calmed} calmed ({median}), "
        f"{ttc.still_hot} not yet. Bars count cases per time from the first hot customer message "
        "to the first calm one.",
        bars=[(label, float(n)) for label, n in ttc.histogram],
        x_label="Time from hot to calm", y_label="Cases",
    )


def rate_figure(buckets: Sequence[KeptBucket]) -> str:
    judged = sum(b.judged for b in buckets)
    kept = sum(b.kept for b in buckets)
    overall = f"{100 * kept / judged:.0f} % overall" if judged else "no promises fell due"
    return rate_chart(
        chart_id="chart-promise-rate", title="Promise-kept rate",
        desc=f"Share of promises kept by their due time, per period: {kept} of {judged} "
        f"({overall}).",
        points=[RatePoint(b.label, b.rate, b.judged) for b in buckets],
        x_label="Due in", y_label="Kept on time",
    )


def pareto_figure(rows: Sequence[ParetoRow]) -> str:
    top = f"the largest is {rows[0].category} ({rows[0].count})" if rows else "none recorded"
    return pareto_chart(
        chart_id="chart-root-causes", title="Root causes (Pareto)",
        desc=f"Root causes recorded in the period by category, largest first, with the "
        f"cumulative share as a line; {top}.",
        categories=[(r.category, r.count) for r in rows], x_label="Category", y_label="Cases",
    )


def concession_figure(points: Sequence[ConcessionPoint]) -> str:
    return scatter_chart(
        chart_id="chart-concessions", title="Concessions against satisfaction",
        desc=f"{len(points)} cases opened in the period with a satisfaction score: the total "
        "value of their concessions against the customer's score from 1 to 5.",
        points=[Point(p.value, float(p.satisfaction), f"#{p.case_id} {p.subject}")
                for p in points],
        x_label="Concessions (total value)", y_label="Satisfaction (1–5)", y_range=(1.0, 5.0),
    )


def figures(board: Dashboard) -> dict[str, str]:
    """Every chart of ``board`` by name (see :data:`FIGURES`)."""
    return {
        "temperature": temperature_figure(board.curves, board.time_to_calm.threshold),
        "time_to_calm": calm_figure(board.time_to_calm),
        "promise_rate": rate_figure(board.promise_rate),
        "root_causes": pareto_figure(board.root_causes),
        "concessions": concession_figure(board.concessions),
    }
