"""The training simulator in the console (C7): ``/console/training``.

Pages: the scenario list with a start form (``/training``), one session
(``/training/{id}``: the conversation, then the debrief) and the trainers'
progress view (``/training/progress``: leads see their team's trainees, agents
their own, admins everyone). The conversation runs through JSON endpoints under
``/console/api/training/...`` called by ``static/training.js``; every change
needs the ``X-CSRF-Token`` header. The server keeps no state in memory: each
request rebuilds the session from its database row
(:mod:`kettle.web.training_state`), so reloading the page continues it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session as DBSession

from kettle.api.deps import ReadSessionDep, SessionDep
from kettle.api.errors import ApiError, error_body
from kettle.errors import KettleError
from kettle.simulator.errors import SessionOver, TrainingInputError, UnknownScenario
from kettle.users.models import User
from kettle.web import training_state as live_state
from kettle.web import training_views as views
from kettle.web.auth import ConsoleReader, ConsoleUser, CsrfDep
from kettle.web.templating import render
from kettle.web.views import Gauge

router = APIRouter()

MAX_SEED = 2**31 - 1


class StartIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario: str = Field(min_length=1, max_length=100, description="Scenario id")
    seed: int = Field(default=0, ge=0, le=MAX_SEED, description="Which scripted lines")
    pressure: float | None = Field(default=None, ge=0, le=live_state.MAX_PRESSURE_S,
                                   description="Seconds per reply; 0: the scenario's; none: off")


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reply: str = Field(min_length=1, max_length=live_state.MAX_REPLY, description="The reply")


@router.get("/training", response_class=HTMLResponse)
def training_page(request: Request, session: ReadSessionDep, user: ConsoleReader) -> Response:
    from kettle.simulator.scenarios import library

    mine = [views.row_view(r) for r in live_state.visible_rows(session=session, user=user)
            if r.trainee == user.name][::-1][:12]
    return render(request, "training.html", {
        "active": "training", "scenarios": [views.scenario_view(s) for s in library()],
        "mine": mine, "max_seed": MAX_SEED})


@router.get("/training/progress", response_class=HTMLResponse)
def progress_page(request: Request, session: ReadSessionDep, user: ConsoleReader) -> Response:
    from kettle.simulator import store

    rows = live_state.visible_rows(session=session, user=user)
    finished = [r for r in rows if r.outcome != "talking"]
    scope = {"admin": "everyone", "lead": f"team {user.team}" if user.team else "you"}.get(
        user.role, "you")
    return render(request, "training_progress.html", {
        "active": "training", "scope": scope, "progress": store.progress(finished),
        "rows": [views.row_view(r) for r in rows][::-1]})


@router.get("/training/{training_id}", response_class=HTMLResponse)
def session_page(training_id: int, request: Request, session: ReadSessionDep,
                 user: ConsoleReader) -> Response:
    try:
        row = live_state.row_of(session=session, training_id=training_id)
        if not live_state.may_see(session=session, row=row, user=user):
            raise ApiError(403, "this training session is not yours or your team's")
        live = live_state.load(session=session, training_id=training_id)
    except ApiError as exc:
        title = {403: "Not your session", 404: "No such session"}.get(exc.status, "Error")
        return render(request, "error.html", {"title": title, "message": exc.message},
                      status_code=exc.status)
    context: dict[str, Any] = {"active": "training", "row": views.row_view(row),
                               "debrief": None, "live": None}
    if live is not None:
        context.update(live=views.state_view(live), mine=live.owned_by(user),
                       scenario=views.scenario_view(live.training.scenario),
                       opening=live.training.opening.text,
                       gauge_now=Gauge.of(live.training.temperature),
                       exchanges=[views.exchange_view(e) for e in live.training.exchanges])
    if live is None or live.training.finished:
        context["debrief"] = views.debrief_view(row.debrief or {})
    if live is None:
        context["transcript"] = row.transcript or []
    return render(request, "training_session.html", context)


@router.post("/api/training/sessions", dependencies=[CsrfDep], status_code=201)
def start_session(body: StartIn, session: SessionDep, user: ConsoleUser) -> Response:
    try:
        live = live_state.start(session=session, scenario_id=body.scenario, seed=body.seed,
                                pressure_s=body.pressure, user=user)
    except UnknownScenario as exc:
        return _refused(422, exc, "scenario")
    except TrainingInputError as exc:
        return _refused(422, exc, exc.field or "pressure")
    return JSONResponse({"state": views.state_view(live),
                         "opening": live.training.opening.text}, status_code=201)


@router.get("/api/training/sessions/{training_id}")
def session_state(training_id: int, session: ReadSessionDep,
                  user: ConsoleReader) -> dict[str, Any]:
    live = _live(session, training_id, user, write=False)
    return {"state": views.state_view(live),
            "exchanges": [e.to_dict() for e in live.training.exchanges]}


@router.post("/api/training/sessions/{training_id}/replies", dependencies=[CsrfDep])
def send_reply(training_id: int, body: ReplyIn, session: SessionDep,
               user: ConsoleUser) -> Response:
    text = live_state.check_reply(body.reply)
    live = _live(session, training_id, user, write=True)
    try:
        exchange = live_state.reply(session=session, live=live, text=text)
    except SessionOver as exc:
        return _refused(409, exc, "reply")
    except TrainingInputError as exc:
        return _refused(422, exc, "reply")
    view = views.exchange_view(exchange)
    state = views.state_view(live)
    return JSONResponse({"exchange": exchange.to_dict(), "state": state,
                         "html": _fragments(live, view, state)})


@router.post("/api/training/sessions/{training_id}/end", dependencies=[CsrfDep])
def end_session(training_id: int, session: SessionDep, user: ConsoleUser) -> dict[str, Any]:
    live = _live(session, training_id, user, write=True)
    live_state.end(session=session, live=live)
    state = views.state_view(live)
    return {"state": state, "html": _fragments(live, None, state)}


def _live(session: DBSession, training_id: int, user: User, *, write: bool) -> Any:
    row = live_state.row_of(session=session, training_id=training_id)
    if not live_state.may_see(session=session, row=row, user=user):
        raise ApiError(403, "this training session is not yours or your team's")
    live = live_state.load(session=session, training_id=training_id)
    if live is None:
        raise ApiError(409, "this session was saved outside the console; it cannot continue")
    if write and not live.owned_by(user):
        raise ApiError(403, "only the trainee can reply in this session")
    return live


def _fragments(live: Any, view: dict[str, Any] | None, state: dict[str, Any]) -> dict[str, Any]:
    debrief = None
    if live.training.finished:
        debrief = views.fragment("debrief", views.debrief_view(live.row.debrief or {}))
    return {
        "exchange": views.fragment("exchange", view) if view else None,
        "status": views.fragment("status", state),
        "gauge": views.fragment("now_gauge", Gauge.of(state["temperature"])),
        "debrief": debrief,
    }


def _refused(status: int, exc: KettleError, field: str) -> JSONResponse:
    extra: dict[str, Any] = {"choices": list(exc.choices)} if exc.choices else {}
    return JSONResponse(error_body(exc.code, exc.message, exc.field or field, **extra),
                        status_code=status)
