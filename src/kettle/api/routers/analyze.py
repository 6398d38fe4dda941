"""The engine over HTTP: ``/analyze/read|check|suggest|track`` (any signed-in role).

Handlers are plain ``def``: the engine is CPU-bound, so FastAPI runs them in its
thread pool and the event loop keeps serving other requests.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request

from kettle.api.deps import ReaderUser
from kettle.api.schemas import CheckIn, ReadIn, SuggestIn, TrackIn, TurnIn
from kettle.config import Settings

router = APIRouter(prefix="/analyze", tags=["analyze"])


@lru_cache(maxsize=8)
def _playbook_at(path: str | None) -> Any:
    from kettle.analysis.playbook import load_playbook

    return load_playbook(path)


def playbook_of(request: Request) -> Any:
    settings: Settings = request.app.state.settings
    return _playbook_at(settings.playbook)


def _turns(turns: list[TurnIn] | None) -> list[dict[str, Any]] | None:
    return None if turns is None else [t.plain() for t in turns]


@router.post("/read", summary="Temperature, emotions and signals of a customer message")
def analyze_read(body: ReadIn, request: Request, user: ReaderUser) -> dict[str, Any]:
    from kettle.analysis.thermometer import read

    reading = read(body.text, context=_turns(body.context), playbook=playbook_of(request),
                   tier=body.tier)
    return reading.to_dict()


@router.post("/check", summary="Techniques, anti-patterns, promises and advice for a reply")
def analyze_check(body: CheckIn, request: Request, user: ReaderUser) -> dict[str, Any]:
    from kettle.analysis.coach import check

    book = playbook_of(request)
    if body.playbook is not None:
        from kettle.analysis.playbook import load_playbook, merge

        book = load_playbook({**merge(book.model_dump(exclude_none=True), body.playbook),
                              "extends": "none"})
    review = check(body.reply, conversation=_turns(body.conversation), playbook=book,
                   now=body.now, tz=body.tz or _default_tz(request))
    return review.to_dict()


@router.post("/suggest", summary="What the agent could say next")
def analyze_suggest(body: SuggestIn, request: Request, user: ReaderUser) -> dict[str, Any]:
    from kettle.analysis.suggestions import suggest

    found = suggest(_turns(body.conversation) or [], playbook=playbook_of(request),
                    now=body.now, tz=body.tz or _default_tz(request))
    return {"suggestions": [s.to_dict() for s in found]}


@router.post("/track", summary="Trajectory, stage, next move, open promises and risk")
def analyze_track(body: TrackIn, request: Request, user: ReaderUser) -> dict[str, Any]:
    from kettle.analysis.stage import track

    result = track(_turns(body.conversation) or [], playbook=playbook_of(request),
                   now=body.now, tz=body.tz or _default_tz(request))
    return result.to_dict()


def _default_tz(request: Request) -> str:
    settings: Settings = request.app.state.settings
    return settings.default_tz
