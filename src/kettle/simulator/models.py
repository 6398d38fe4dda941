"""ORM model of a saved training session (the trainer's view of progress)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kettle.db.base import Base, UTCDateTime, utcnow


class TrainingSession(Base):
    __tablename__ = "training_sessions"
    __table_args__ = (Index("ix_training_sessions_trainee_started", "trainee", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee: Mapped[str] = mapped_column(String(100))
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    seed: Mapped[int] = mapped_column(default=0)
    pressure_s: Mapped[float | None] = mapped_column(Float)
    lines_source: Mapped[str] = mapped_column(String(16), default="scripted")
    outcome: Mapped[str] = mapped_column(String(16))
    resolution: Mapped[str | None] = mapped_column(String(100))
    turns: Mapped[int] = mapped_column(default=0)
    hang_ups: Mapped[int] = mapped_column(default=0)
    start_temperature: Mapped[float] = mapped_column(Float)
    final_temperature: Mapped[float] = mapped_column(Float)
    peak_temperature: Mapped[float] = mapped_column(Float)
    score: Mapped[float | None] = mapped_column(Float)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    transcript: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    debrief: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
