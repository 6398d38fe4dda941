"""What the scorecard needs to know about a conversation, gathered once.

Every judgement here comes from the engine's own parts: the thermometer reads
each customer turn, the reply coach checks each agent reply in its context,
:mod:`~kettle.analysis.stage_evidence` says what a turn does in the method,
the stage tracker walks the conversation, and
:mod:`~kettle.analysis.stage_promises` decides when a promise was reported kept.
The scorecard's step rules (:mod:`~kettle.analysis.scorecard_steps`) only weigh
these facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kettle.analysis.coach import check
from kettle.analysis.coach_context import read_context
from kettle.analysis.playbook import Playbook
from kettle.analysis.stage import is_read, walk
from kettle.analysis.stage_evidence import AgentEvidence, agent_evidence
from kettle.analysis.stage_promises import kept_by
from kettle.analysis.thermometer import read
from kettle.analysis.timeparse import reference_time, zone_of
from kettle.analysis.types import Commitment, Reading, Review, Turn


@dataclass(frozen=True, slots=True)
class AgentReply:
    """One agent reply, the coach's review of it, and how hot the customer was."""

    index: int
    review: Review
    #: The customer was still hot when the agent replied (the coach's own test).
    hot: bool
    #: A customer had written before this reply.
    answers_customer: bool
    evidence: AgentEvidence


@dataclass(frozen=True, slots=True)
class PromiseFate:
    """A promise made in turn ``index`` and what became of it."""

    index: int
    commitment: Commitment
    kept_at: int | None
    late: bool
    overdue: bool
    #: Open, with a due time still ahead of the clock (none without a clock).
    pending: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    turns: tuple[Turn, ...]
    readings: tuple[tuple[int, Reading], ...]
    replies: tuple[AgentReply, ...]
    promises: tuple[PromiseFate, ...]
    stage: str
    #: Resolved only as a plain question answered and thanked (nothing to follow up).
    answered_only: bool = False


def gather(
    turns: tuple[Turn, ...], book: Playbook, *, now: datetime | None, tz: str | None
) -> Facts:
    readings = tuple(
        (i, read(t.text, context=turns[:i], playbook=book))
        for i, t in enumerate(turns)
        if is_read(t)
    )
    replies = tuple(_reply(turns, i, book, now, tz) for i, t in enumerate(turns)
                    if t.role == "agent" and t.text.strip())
    state = walk(turns, [r for _, r in readings])
    return Facts(
        turns=turns,
        readings=readings,
        replies=replies,
        promises=_fates(turns, replies, now, tz),
        stage=state.stage,
        answered_only=state.answered_only and state.stage == "resolved",
    )


def _reply(
    turns: tuple[Turn, ...], index: int, book: Playbook, now: datetime | None, tz: str | None
) -> AgentReply:
    turn = turns[index]
    before = turns[:index]
    review = check(turn.text, conversation=before, playbook=book, now=turn.sent_at or now, tz=tz)
    context = read_context(before, book)
    return AgentReply(
        index=index,
        review=review,
        hot=context.hot,
        answers_customer=context.situation != "none",
        evidence=agent_evidence(turn),
    )


def _reference(turns: tuple[Turn, ...], now: datetime | None, tz: str | None) -> datetime | None:
    """The time against which a promise is overdue: ``now``, else the last turn's time."""
    if now is None:
        times = [t.sent_at for t in turns if t.sent_at is not None]
        if not times:
            return None
        now = times[-1]
    return reference_time(now, zone_of(tz))


def _fates(
    turns: tuple[Turn, ...], replies: tuple[AgentReply, ...], now: datetime | None, tz: str | None
) -> tuple[PromiseFate, ...]:
    ref = _reference(turns, now, tz)
    zone = zone_of(tz)
    out = []
    for reply in replies:
        for promise in reply.review.commitments:
            kept_at = next(
                (j for j in range(reply.index + 1, len(turns))
                 if kept_by(promise, turns[reply.index].sent_at, turns[j])),
                None,
            )
            due = promise.due
            kept_time = turns[kept_at].sent_at if kept_at is not None else None
            late = (
                due is not None
                and kept_time is not None
                and reference_time(kept_time, zone) > due
            )
            overdue = kept_at is None and due is not None and ref is not None and due < ref
            pending = kept_at is None and due is not None and ref is not None and due >= ref
            out.append(PromiseFate(reply.index, promise, kept_at, late, overdue, pending))
    return tuple(out)
