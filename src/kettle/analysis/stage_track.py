"""Assemble a :class:`~kettle.analysis.types.Track`: readings, stage, promises, risk."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from kettle.analysis.playbook import Playbook
from kettle.analysis.stage import StageState, is_read, walk
from kettle.analysis.stage_promises import open_promises
from kettle.analysis.timeparse import reference_time, zone_of
from kettle.analysis.types import Commitment, Reading, Review, Track, Turn

#: What the agent should do next, by stage.
NEXT_MOVE: dict[str, str] = {
    "venting": "Let them vent: acknowledge briefly and don't ask for details yet.",
    "acknowledged": "Reflect with a feeling guess in their own words, then check you have "
    "the facts right.",
    "facts_confirmed": "Say exactly what you will do and by when.",
    "plan_agreed": "Take action now and report progress before the time you promised.",
    "in_progress": "Keep them updated: report progress before they have to chase you.",
    "resolved": "Follow up: explain how it was resolved and thank them.",
    "followed_up": "Close warmly: thank them for the chance to help and give them a direct "
    "way to reach you.",
}
_CALM_VENTING = "Show you are on their side: apologise and say you can help."
_CONFIRM_SOLVED = "Check it works for them now, then thank them."
_CALL_BACK = "They have left: call them back promptly to keep the relationship."


def _readings(
    turns: Sequence[Turn], playbook: Playbook | None
) -> tuple[Reading, ...]:
    from kettle.analysis.thermometer import read

    out: list[Reading] = []
    for i, turn in enumerate(turns):
        if is_read(turn):
            out.append(read(turn.text, context=turns[:i], playbook=playbook))
    return tuple(out)


def _reviews(
    turns: Sequence[Turn], playbook: Playbook | None, tz: str | None
) -> tuple[Review, ...]:
    from kettle.analysis.coach import check

    return tuple(
        check(t.text, conversation=turns[:i], playbook=playbook, now=t.sent_at, tz=tz)
        for i, t in enumerate(turns)
        if t.role == "agent" and t.text.strip()
    )


#: A promise due "now" ("I'll close this ticket now") is done within the conversation;
#: it is chased only when nothing is reported for this long (2026-12-07 probe: "your
#: promise to help you is overdue" three minutes after "I'm going to help you right now").
NOW_GRACE = timedelta(hours=1)
_NOW = re.compile(r"^(?:right\s+)?(?:now|away|immediately|straight\s+away|at\s+once|asap)$",
                  re.IGNORECASE)


def overdue_promises(promises: Sequence[Commitment], now: datetime | None) -> list[Commitment]:
    """The open promises whose time has passed at ``now`` (with the grace of a "now")."""
    if now is None:
        return []
    out = []
    for promise in promises:
        if promise.due is None:
            continue
        said_now = promise.due_phrase is not None and _NOW.match(promise.due_phrase.strip())
        if promise.due + (NOW_GRACE if said_now else timedelta(0)) < now:
            out.append(promise)
    return out


def next_move(
    state: StageState,
    readings: Sequence[Reading],
    promises: Sequence[Commitment],
    now: datetime | None,
) -> str:
    """One sentence of advice for the agent, given where the conversation stands."""
    last = readings[-1] if readings else None
    if last is not None and any(s.kind == "hang_up" for s in last.signals):
        return _CALL_BACK
    overdue = overdue_promises(promises, now)
    if overdue:
        return (f"Your promise to {overdue[0].action} is overdue: apologise for it, tell them "
                "where it stands and give a new time now.")
    if state.stage == "venting" and last is not None and last.hot < 0.5:
        return _CALM_VENTING
    if state.stage == "in_progress" and state.resolution_claimed:
        return _CONFIRM_SOLVED
    if state.stage in ("resolved", "followed_up") and promises:
        # Solved for the customer, but a promise is still to keep ("the courier will
        # deliver tomorrow"): keeping it is the follow-up.
        return f"Keep your promise to {promises[0].action}, then check it worked and thank them."
    return NEXT_MOVE[state.stage]


def _last_time(turns: Sequence[Turn]) -> datetime | None:
    return next((t.sent_at for t in reversed(turns) if t.sent_at is not None), None)


def build_track(
    turns: tuple[Turn, ...],
    *,
    playbook: Playbook | None = None,
    now: datetime | None = None,
    tz: str | None = None,
) -> Track:
    from kettle.analysis.forecast import boil_risk

    readings = _readings(turns, playbook)
    state = walk(turns, readings)
    # Without a clock, the moment of the last message; a time without an offset is wall
    # time in the customer's zone.
    clock = now if now is not None else _last_time(turns)
    at = reference_time(clock, zone_of(tz)) if clock is not None else None
    promises = open_promises(turns, now=now, tz=tz, playbook=playbook)
    reviews = _reviews(turns, playbook, tz)
    return Track(
        temperatures=tuple(r.temperature for r in readings),
        readings=readings,
        stage=state.stage,
        next_move=next_move(state, readings, promises, at),
        open_promises=promises,
        risk=boil_risk(turns, readings, reviews,
                       broken=bool(overdue_promises(promises, at))),
        stages=tuple(state.history),
    )
