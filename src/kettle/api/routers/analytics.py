"""Team analytics: the dashboard as JSON, its tables as CSV and its charts as SVG.

Every route is scoped like the case listing (:func:`kettle.api.access.case_scope`):
an agent gets their own cases, a lead their team's, an admin all (or the
``owner_id``/``team`` asked for). Dates are ISO days (``from``, ``to``, both
included) in ``tz`` (default UTC); the default range is the last 30 days.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from kettle.api.access import case_scope
from kettle.api.deps import ReaderUser, ReadSessionDep
from kettle.api.errors import ApiError
from kettle.users.models import User

router = APIRouter(prefix="/analytics", tags=["analytics"])

FromQ = Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD")]
ToQ = Annotated[str | None, Query(alias="to", description="Last day (included), YYYY-MM-DD")]
TzQ = Annotated[str | None, Query(description="Time zone of the days (default UTC)")]
OwnerQ = Annotated[int | None, Query(description="Only cases of this owner (within your scope)")]
TeamQ = Annotated[str | None, Query(description="Only cases of this team (within your scope)")]


def build_board(
    *, session: Session, user: User, start: str | None, end: str | None, tz: str | None = None,
    owner_id: int | None = None, team: str | None = None,
) -> Any:
    """The dashboard for ``user``'s scope and the given range (shared with the console)."""
    from kettle.analytics import service
    from kettle.analytics.period import parse_period
    from kettle.db.base import utcnow

    now = utcnow()
    period = parse_period(start, end, now=now, tz=tz)
    owner_id, team = case_scope(user, owner_id=owner_id, team=team)
    return service.dashboard(session=session, period=period, owner_id=owner_id, team=team,
                             now=now)


@router.get("/dashboard", summary="Hot cases, overdue promises, escalations and trends")
def dashboard(
    session: ReadSessionDep, user: ReaderUser, start: FromQ = None, end: ToQ = None,
    tz: TzQ = None, owner_id: OwnerQ = None, team: TeamQ = None,
) -> dict[str, Any]:
    board = build_board(session=session, user=user, start=start, end=end, tz=tz,
                        owner_id=owner_id, team=team)
    data: dict[str, Any] = board.to_dict()
    return data


@router.get("/export.csv", summary="One dashboard table as CSV (customer data redacted)",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header"}})
def export(
    session: ReadSessionDep, user: ReaderUser,
    kind: Annotated[str, Query(description="Which table (see the docs for the kinds)")],
    start: FromQ = None, end: ToQ = None, tz: TzQ = None, owner_id: OwnerQ = None,
    team: TeamQ = None,
) -> Response:
    from kettle.analytics.export import KINDS, UnknownExport, export_csv

    if kind not in KINDS:
        raise UnknownExport(f"unknown export {kind!r}", field="kind", choices=tuple(KINDS))
    board = build_board(session=session, user=user, start=start, end=end, tz=tz,
                        owner_id=owner_id, team=team)
    name = f"kettle-{kind}-{board.period['from']}-{board.period['to']}.csv"
    return Response(export_csv(board=board, kind=kind), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/chart.svg", summary="One dashboard chart as accessible SVG",
            response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}, "description": "SVG"}})
def chart(
    session: ReadSessionDep, user: ReaderUser,
    name: Annotated[str, Query(description="temperature, time_to_calm, promise_rate, "
                               "root_causes or concessions")],
    start: FromQ = None, end: ToQ = None, tz: TzQ = None, owner_id: OwnerQ = None,
    team: TeamQ = None,
) -> Response:
    from kettle.analytics.figures import FIGURES, figures

    if name not in FIGURES:
        raise ApiError(422, f"unknown chart {name!r}; charts: {', '.join(FIGURES)}",
                       field="name")
    board = build_board(session=session, user=user, start=start, end=end, tz=tz,
                        owner_id=owner_id, team=team)
    return Response(figures(board)[name], media_type="image/svg+xml")
