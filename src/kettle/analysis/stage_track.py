"""Assemble a :class:`~kettle.analysis.types.Track`: readings, stage, promises, risk."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from kettle.analysis.playbook import Playbook
from kettle.analysis.stage import StageState, is_read, walk
from kettle.analysis.stage_promises import open_promises
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
    overdue = [p for p in promises if p.due is not None and now is not None and p.due < now]
    if overdue:
        return f"Your promise to {overdue[0].action} is overdue: update them now."
    if state.stage == "venting" and last is not None and last.hot < 0.5:
        return _CALM_VENTING
    if state.stage == "in_progress" and state.resolution_claimed:
        return _CONFIRM_SOLVED
    if state.stage in ("resolved", "followed_up") and promises:
        # Solved for the customer, but a promise is still to keep ("the courier will
        # deliver tomorrow"): keeping it is the follow-up.
        return f"Keep your promise to {promises[0].action}, then check it worked and thank them."
    return NEXT_MOVE[state.stage]


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
    promises = open_promises(turns, now=now, tz=tz, playbook=playbook)
    reviews = _reviews(turns, playbook, tz)
    return Track(
        temperatures=tuple(r.temperature for r in readings),
        readings=readings,
        stage=state.stage,
        next_move=next_move(state, readings, promises, now),
        open_promises=promises,
        risk=boil_risk(turns, readings, reviews),
        stages=tuple(state.history),
    )
