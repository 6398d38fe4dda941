"""Saved training sessions: one row per session, so a trainer can follow progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session as DBSession

from kettle.simulator.models import TrainingSession

if TYPE_CHECKING:
    from kettle.simulator.debrief import Debrief
    from kettle.simulator.runner import Session


def create(
    *,
    session: DBSession,
    training: Session,
    debrief: Debrief | None = None,
    started_at: datetime | None = None,
) -> TrainingSession:
    """Save a training session (finished or not) with its debrief."""
    from kettle.simulator.lines import LLMLines

    report = debrief if debrief is not None else training.debrief()
    now = datetime.now(UTC)
    row = TrainingSession(
        trainee=training.trainee,
        scenario_id=training.scenario.id,
        seed=training.seed,
        pressure_s=training.pressure_s,
        lines_source="llm" if isinstance(training.lines, LLMLines) else "scripted",
        outcome=report.outcome,
        resolution=report.resolution,
        turns=len(training.exchanges),
        hang_ups=training.customer.state.hang_ups,
        start_temperature=training.scenario.starting_temperature,
        final_temperature=round(training.temperature, 1),
        peak_temperature=round(max(training.curve), 1),
        score=report.overall,
        started_at=started_at or now,
        finished_at=now,
        transcript=training.transcript(),
        debrief=report.to_dict(),
    )
    session.add(row)
    session.commit()
    return row


def update(
    *,
    session: DBSession,
    row: TrainingSession,
    training: Session,
    extra: dict[str, object] | None = None,
) -> TrainingSession:
    """Bring a saved session up to date with ``training`` (after a reply or at its end).

    ``extra`` entries are kept beside the debrief (the web console keeps what it
    needs to rebuild the session there).
    """
    from sqlalchemy.orm.attributes import flag_modified

    report = training.debrief()
    row.outcome = training.outcome
    row.resolution = report.resolution
    row.turns = len(training.exchanges)
    row.hang_ups = training.customer.state.hang_ups
    row.final_temperature = round(training.temperature, 1)
    row.peak_temperature = round(max(training.curve), 1)
    row.score = report.overall
    row.finished_at = datetime.now(UTC)
    row.transcript = training.transcript()
    row.debrief = {**report.to_dict(), **(extra or {})}
    flag_modified(row, "debrief")
    flag_modified(row, "transcript")
    session.commit()
    return row


def get(*, session: DBSession, training_id: int) -> TrainingSession | None:
    return session.get(TrainingSession, training_id)


def get_all(
    *, session: DBSession, trainee: str | None = None, limit: int = 50
) -> list[TrainingSession]:
    """Saved sessions, oldest first (the last ``limit``), of one trainee or of everyone."""
    query = select(TrainingSession)
    if trainee is not None:
        query = query.where(TrainingSession.trainee == trainee)
    query = query.order_by(TrainingSession.started_at.desc(), TrainingSession.id.desc())
    rows = list(session.scalars(query.limit(max(limit, 1))))
    return rows[::-1]


@dataclass(frozen=True, slots=True)
class Progress:
    """A trainee's record over their sessions."""

    trainee: str
    sessions: int
    resolved: int
    hang_ups: int
    average_score: float | None
    first_score: float | None
    last_score: float | None


def progress(rows: list[TrainingSession]) -> list[Progress]:
    """Per trainee, in order of first appearance: counts and the trend of the score."""
    by: dict[str, list[TrainingSession]] = {}
    for row in rows:
        by.setdefault(row.trainee, []).append(row)
    out = []
    for trainee, mine in by.items():
        scores = [r.score for r in mine if r.score is not None]
        out.append(
            Progress(
                trainee=trainee,
                sessions=len(mine),
                resolved=sum(r.outcome == "resolved" for r in mine),
                hang_ups=sum(r.hang_ups for r in mine),
                average_score=round(sum(scores) / len(scores), 1) if scores else None,
                first_score=scores[0] if scores else None,
                last_score=scores[-1] if scores else None,
            )
        )
    return out
