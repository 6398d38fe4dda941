"""The team dashboard (``/console/dashboard``): what needs attention now, and the trends.

It shows the same data as ``GET /analytics/dashboard`` for the signed-in user's
scope (:func:`kettle.api.access.case_scope`: agents their own cases, leads their
team's, admins all), drawn with the server-side SVG charts of :mod:`kettle.charts`;
no script is needed. CSV exports come from ``/console/dashboard/export.csv``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from kettle.api.deps import ReadSessionDep
from kettle.api.errors import ApiError, kettle_status
from kettle.api.routers.analytics import FromQ, TeamQ, ToQ, TzQ, build_board
from kettle.db.base import utcnow
from kettle.errors import KettleError
from kettle.users.models import User
from kettle.web.auth import ConsoleReader
from kettle.web.templating import render
from kettle.web.views import STAGE_LABELS, Gauge

router = APIRouter()

#: CSV exports offered on the page: (kind, label).
EXPORTS: tuple[tuple[str, str], ...] = (
    ("cases", "Open cases"),
    ("overdue", "Overdue promises"),
    ("escalations", "Escalations waiting"),
    ("temperatures", "Temperature curves"),
    ("time_to_calm", "Time to calm"),
    ("promise_rate", "Promise-kept rate"),
    ("root_causes", "Root causes"),
    ("concessions", "Concessions and satisfaction"),
)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(
    request: Request, session: ReadSessionDep, user: ConsoleReader, start: FromQ = None,
    end: ToQ = None, tz: TzQ = None, team: TeamQ = None,
) -> Response:
    from kettle.analytics.figures import figures

    status, error = 200, None
    try:
        try:
            board = build_board(session=session, user=user, start=start, end=end, tz=tz,
                                team=team)
        except KettleError as exc:
            # A bad date: say so above the form and show the default range instead.
            status, error = kettle_status(exc), exc.message
            board = build_board(session=session, user=user, start=None, end=None, team=team)
    except ApiError as exc:
        return _error(request, exc.status, exc.message)
    context: dict[str, Any] = {
        "active": "dashboard", "error": error, "board": board, "scope": _scope(user, team),
        "form": {"from": start or board.period["from"], "to": end or board.period["to"],
                 "team": team or ""},
        "hot": [_case(row) for row in board.hot],
        "others": [_case(row) for row in board.open],
        "charts": {name: Markup(svg) for name, svg in figures(board).items()},
        "rate": _overall_rate(board.promise_rate), "ago": duration,
        "exports": [(kind, label, _export_url(kind, board.period, team)) for kind, label
                    in EXPORTS],
    }
    return render(request, "dashboard.html", context, status_code=status)


@router.get("/dashboard/export.csv")
def dashboard_export(
    request: Request, session: ReadSessionDep, user: ConsoleReader,
    kind: Annotated[str, Query()], start: FromQ = None, end: ToQ = None, tz: TzQ = None,
    team: TeamQ = None,
) -> Response:
    """The same CSV as ``GET /analytics/export.csv``, for the signed-in console user."""
    from kettle.api.routers.analytics import export

    return export(session=session, user=user, kind=kind, start=start, end=end, tz=tz,
                  team=team)


def _case(row: Any) -> dict[str, Any]:
    return {
        "id": row.case_id, "subject": row.subject or f"Case {row.case_id}",
        "gauge": Gauge.of(row.temperature), "stage": STAGE_LABELS.get(row.stage, row.stage),
        "owner": row.owner or "unassigned", "team": row.team or "",
        "updated": f"{duration(_minutes_since(row.updated_at))} ago",
    }


def duration(minutes: int) -> str:
    """``3 d 4 h``, ``2 h 5 min`` or ``40 min``."""
    days, rest = divmod(max(0, minutes), 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    return f"{mins} min"


def _minutes_since(value: datetime) -> int:
    return int((utcnow() - value).total_seconds() // 60)


def _scope(user: User, team: str | None) -> str:
    if user.role == "admin":
        return f"team {team}" if team else "all teams"
    if user.role == "lead" and user.team:
        return f"team {user.team}"
    return "your cases"


def _overall_rate(buckets: Any) -> dict[str, Any]:
    judged = sum(b.judged for b in buckets)
    kept = sum(b.kept for b in buckets)
    return {"judged": judged, "kept": kept,
            "percent": round(100 * kept / judged) if judged else None}


def _export_url(kind: str, period: dict[str, str], team: str | None) -> str:
    params = {"kind": kind, "from": period["from"], "to": period["to"], "tz": period["tz"]}
    if team:
        params["team"] = team
    return "/console/dashboard/export.csv?" + urlencode(params)


def _error(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"title": "Not in your scope", "message": message},
                  status_code=status)
