"""The promise state machine and follow-up states: the ONLY place they change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from kettle.audit import service as audit
from kettle.cases.errors import IllegalTransition
from kettle.db.base import utcnow
from kettle.promises.models import FOLLOW_UP_STATES, PROMISE_STATES, FollowUp, Promise

#: open → kept | late | broken | cancelled; late → kept (late but done) | broken | cancelled.
PROMISE_MOVES: dict[str, frozenset[str]] = {
    "open": frozenset({"kept", "late", "broken", "cancelled"}),
    "late": frozenset({"kept", "broken", "cancelled"}),
    "kept": frozenset(),
    "broken": frozenset(),
    "cancelled": frozenset(),
}
FOLLOW_UP_MOVES: dict[str, frozenset[str]] = {
    "open": frozenset({"sent", "done", "cancelled"}),
    "sent": frozenset({"done", "cancelled"}),
    "done": frozenset(),
    "cancelled": frozenset(),
}


def transition_promise(
    *,
    session: Session,
    promise: Promise,
    to: str,
    actor: str = "system",
    actor_id: int | None = None,
    at: datetime | None = None,
) -> Promise:
    """Move ``promise`` to state ``to`` or raise :class:`IllegalTransition`; audited."""
    _check("promise", promise.id, promise.state, to, PROMISE_MOVES, PROMISE_STATES)
    before = promise.state
    promise.state = to
    if to in ("kept", "broken", "cancelled"):
        promise.closed_at = at or utcnow()
    audit.record(
        session=session,
        action="state",
        entity=promise,
        actor_id=actor_id,
        actor=actor if actor_id is None else None,
        before={"state": before},
        after={"state": to},
    )
    return promise


def transition_follow_up(
    *,
    session: Session,
    follow_up: FollowUp,
    to: str,
    actor: str = "system",
    actor_id: int | None = None,
    at: datetime | None = None,
) -> FollowUp:
    """Move ``follow_up`` to state ``to`` or raise :class:`IllegalTransition`; audited."""
    _check("follow-up", follow_up.id, follow_up.state, to, FOLLOW_UP_MOVES, FOLLOW_UP_STATES)
    before = follow_up.state
    follow_up.state = to
    when = at or utcnow()
    if to == "sent" and follow_up.sent_at is None:
        follow_up.sent_at = when
    if to in ("done", "cancelled"):
        follow_up.done_at = when
    audit.record(
        session=session,
        action="state",
        entity=follow_up,
        actor_id=actor_id,
        actor=actor if actor_id is None else None,
        before={"state": before},
        after={"state": to},
    )
    return follow_up


def _check(
    what: str,
    ident: int | None,
    current: str,
    to: str,
    moves: dict[str, frozenset[str]],
    states: tuple[str, ...],
) -> None:
    if to not in moves:
        raise IllegalTransition(f"unknown {what} state {to!r}", field="state", choices=states)
    if to not in moves[current]:
        allowed = sorted(moves[current], key=states.index)
        raise IllegalTransition(
            f"{what} {ident} cannot go from {current!r} to {to!r}"
            + ("" if allowed else f" ({current!r} is final)"),
            field="state",
            choices=allowed,
        )
