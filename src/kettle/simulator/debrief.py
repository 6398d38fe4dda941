"""The debrief after a session: the QA scorecard, the temperature curve, best and worst replies.

The scorecard is the one QA uses for any conversation
(:func:`kettle.analysis.scorecard.score`), run on the session's transcript, so
practice and real work share one rubric. The best reply is the one that cooled
the customer most, the worst the one that heated them most; both come with the
reply coach's rewrites and advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kettle.simulator.runner import Exchange, Session


@dataclass(frozen=True, slots=True)
class ReplyNote:
    """One reply singled out in the debrief, with what the coach would say instead."""

    index: int
    reply: str
    delta: float
    temperature: float
    anti_patterns: tuple[str, ...]
    rewrites: tuple[str, ...]
    advice: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "reply": self.reply,
            "delta": round(self.delta, 1),
            "temperature": round(self.temperature, 1),
            "anti_patterns": list(self.anti_patterns),
            "rewrites": list(self.rewrites),
            "advice": self.advice,
        }


@dataclass(frozen=True, slots=True)
class Debrief:
    scenario_id: str
    title: str
    trainee: str
    outcome: str
    resolution: str | None
    resolution_text: str | None
    underlying: str
    underlying_found: bool
    curve: tuple[float, ...]
    hang_ups: int
    turns: int
    overall: float | None
    scorecard: dict[str, Any]
    best: ReplyNote | None
    worst: ReplyNote | None
    promises: tuple[dict[str, Any], ...]

    @property
    def peak(self) -> float:
        return max(self.curve)

    @property
    def final(self) -> float:
        return self.curve[-1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario_id": self.scenario_id,
            "title": self.title,
            "trainee": self.trainee,
            "outcome": self.outcome,
            "resolution": self.resolution,
            "resolution_text": self.resolution_text,
            "underlying": self.underlying,
            "underlying_found": self.underlying_found,
            "curve": [round(t, 1) for t in self.curve],
            "peak": round(self.peak, 1),
            "final": round(self.final, 1),
            "hang_ups": self.hang_ups,
            "turns": self.turns,
            "overall": self.overall,
            "scorecard": self.scorecard,
            "best": self.best.to_dict() if self.best else None,
            "worst": self.worst.to_dict() if self.worst else None,
            "promises": list(self.promises),
        }


def build(session: Session) -> Debrief:
    """The debrief of ``session`` (finished or not)."""
    scenario = session.scenario
    state = session.customer.state
    card = _scorecard(session)
    resolution_text = next(
        (r.description for r in scenario.resolutions if r.id == state.resolution), None
    )
    return Debrief(
        scenario_id=scenario.id,
        title=scenario.title,
        trainee=session.trainee,
        outcome=session.status,
        resolution=state.resolution,
        resolution_text=resolution_text,
        underlying=scenario.hidden_issue.underlying,
        underlying_found=state.revealed,
        curve=tuple(session.curve),
        hang_ups=state.hang_ups,
        turns=len(session.exchanges),
        overall=card.get("overall"),
        scorecard=card,
        best=_note(min(session.exchanges, key=_delta, default=None), best=True),
        worst=_note(max(session.exchanges, key=_delta, default=None), best=False),
        promises=tuple(
            {"action": p.action, "due": p.due.isoformat(), "state": p.state}
            for p in state.promises
        ),
    )


def _scorecard(session: Session) -> dict[str, Any]:
    from kettle.analysis.scorecard import score

    if not session.exchanges:
        return {}
    last = session.turns[-1].sent_at
    card = score(session.transcript(), now=last, tz=session.scenario.tz,
                 playbook=session.playbook)
    data: dict[str, Any] = card.to_dict()
    return data


def _delta(exchange: Exchange) -> float:
    return exchange.reaction.delta


def _note(exchange: Exchange | None, *, best: bool) -> ReplyNote | None:
    if exchange is None or (best and exchange.reaction.delta >= 0):
        return None
    if not best and exchange.reaction.delta <= 0:
        return None
    review = exchange.review
    rewrites = tuple(dict.fromkeys(f.rewrite for f in review.anti_patterns if f.rewrite))
    return ReplyNote(
        index=exchange.index,
        reply=exchange.reply,
        delta=exchange.reaction.delta,
        temperature=exchange.reaction.temperature,
        anti_patterns=tuple(dict.fromkeys(f.name for f in review.anti_patterns)),
        rewrites=rewrites,
        advice=review.advice,
    )
