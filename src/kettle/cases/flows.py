"""The case stage machine: the ONLY place a case's stage changes.

The method's stages (``kettle.analysis.types.STAGES``) plus ``new`` (nothing
read yet) and ``closed``. Each move is checked against :data:`MOVES`, recorded
as a :class:`~kettle.cases.models.StageMove` and in the audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from kettle.analysis.types import STAGES
from kettle.audit import service as audit
from kettle.cases.errors import IllegalTransition
from kettle.cases.models import Case, StageMove
from kettle.db.base import utcnow

ALL_STAGES: tuple[str, ...] = ("new", *STAGES, "closed")
_ACTIVE = ("venting", "acknowledged", "facts_confirmed", "plan_agreed", "in_progress")

#: Allowed moves: forward through the method, back to venting when the customer
#: re-heats, back to in_progress when a resolved or closed case reopens.
MOVES: dict[str, frozenset[str]] = {
    "new": frozenset({*STAGES, "closed"}),
    "venting": frozenset(
        {"acknowledged", "facts_confirmed", "plan_agreed", "in_progress", "resolved", "closed"}
    ),
    "acknowledged": frozenset(
        {"venting", "facts_confirmed", "plan_agreed", "in_progress", "resolved", "closed"}
    ),
    "facts_confirmed": frozenset({"venting", "plan_agreed", "in_progress", "resolved", "closed"}),
    "plan_agreed": frozenset({"venting", "in_progress", "resolved", "closed"}),
    "in_progress": frozenset({"venting", "plan_agreed", "resolved", "closed"}),
    "resolved": frozenset({"venting", "in_progress", "followed_up", "closed"}),
    "followed_up": frozenset({"venting", "in_progress", "closed"}),
    "closed": frozenset({"in_progress"}),
}
#: Moves out of a finished stage that count as reopening the case.
REOPENING = frozenset(
    {
        ("resolved", "in_progress"),
        ("resolved", "venting"),
        ("followed_up", "in_progress"),
        ("followed_up", "venting"),
        ("closed", "in_progress"),
    }
)


def is_open(stage: str) -> bool:
    """Whether a case at ``stage`` still needs work (not resolved, followed up or closed)."""
    return stage == "new" or stage in _ACTIVE


def can_move(current: str, to: str) -> bool:
    """Whether :data:`MOVES` allows ``current`` → ``to``."""
    return to in MOVES.get(current, frozenset())


def transition(
    *,
    session: Session,
    case: Case,
    to: str,
    actor: str = "system",
    actor_id: int | None = None,
    reason: str = "",
    at: datetime | None = None,
) -> StageMove:
    """Move ``case`` to stage ``to`` or raise :class:`IllegalTransition` naming the valid moves.

    Sets ``resolved_at``/``closed_at``, counts reopenings, records the move and
    an audit entry. Does not commit: the calling service does.
    """
    if to not in MOVES:
        raise IllegalTransition(f"unknown stage {to!r}", field="stage", choices=ALL_STAGES)
    current = case.stage
    if not can_move(current, to):
        allowed = sorted(MOVES[current], key=ALL_STAGES.index)
        raise IllegalTransition(
            f"case {case.id} cannot move from {current!r} to {to!r}", field="stage", choices=allowed
        )
    when = at or utcnow()
    case.stage = to
    if to == "resolved":
        case.resolved_at = when
    if to == "closed":
        case.closed_at = when
    if (current, to) in REOPENING:
        case.reopen_count += 1
        case.closed_at = None
    move = StageMove(
        case_id=case.id,
        from_stage=current,
        to_stage=to,
        actor=actor,
        reason=reason[:300],
        moved_at=when,
    )
    session.add(move)
    audit.record(
        session=session,
        action="stage",
        entity=case,
        actor_id=actor_id,
        actor=actor if actor_id is None else None,
        before={"stage": current},
        after={"stage": to, "reason": reason},
    )
    return move
