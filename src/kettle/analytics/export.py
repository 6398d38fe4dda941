"""CSV export of the dashboard's tables, one kind of row per file.

Customer data never leaves in an export: free text is redacted by the services
(:mod:`kettle.analytics.types`) and no customer names or contacts are
selected. Cells that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from kettle.analytics.period import AnalyticsInputError
from kettle.analytics.types import Dashboard


class UnknownExport(AnalyticsInputError):
    """An export kind that does not exist (API: 422)."""

    code = "E902"


def _hot(board: Dashboard) -> Iterable[dict[str, Any]]:
    return (row.to_dict() for row in (*board.hot, *board.open))


def _curves(board: Dashboard) -> Iterable[dict[str, Any]]:
    for curve in board.curves:
        for point in curve.points:
            yield {"case_id": curve.case_id, "subject": curve.subject, **point.to_dict()}


def _calm(board: Dashboard) -> Iterable[dict[str, Any]]:
    return (row.to_dict() for row in board.time_to_calm.cases)


#: Export kind → (columns, rows of the dashboard).
KINDS: dict[str, tuple[Sequence[str], Callable[[Dashboard], Iterable[dict[str, Any]]]]] = {
    "cases": (("case_id", "subject", "stage", "temperature", "hot", "owner_id", "owner", "team",
               "updated_at"), _hot),
    "overdue": (("promise_id", "case_id", "subject", "action", "state", "due_at",
                 "overdue_minutes", "owner_id"), lambda b: (r.to_dict() for r in b.overdue)),
    "escalations": (("escalation_id", "case_id", "subject", "reason", "to_user_id", "to_team",
                     "created_at", "waiting_minutes"),
                    lambda b: (r.to_dict() for r in b.escalations)),
    "temperatures": (("case_id", "subject", "at", "hours", "temperature"), _curves),
    "time_to_calm": (("case_id", "subject", "hot_at", "calm_at", "minutes"), _calm),
    "promise_rate": (("label", "start_at", "judged", "kept", "kept_late", "broken", "overdue",
                      "rate"), lambda b: (r.to_dict() for r in b.promise_rate)),
    "root_causes": (("category", "count", "share", "cumulative"),
                    lambda b: (r.to_dict() for r in b.root_causes)),
    "concessions": (("case_id", "subject", "value", "concessions", "satisfaction"),
                    lambda b: (r.to_dict() for r in b.concessions)),
}


def export_csv(*, board: Dashboard, kind: str) -> str:
    """The rows of ``kind`` (see :data:`KINDS`) as CSV text with a header line."""
    if kind not in KINDS:
        raise UnknownExport(f"unknown export {kind!r}", field="kind", choices=tuple(KINDS))
    columns, rows = KINDS[kind]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows(board):
        writer.writerow([_cell(row.get(name)) for name in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
