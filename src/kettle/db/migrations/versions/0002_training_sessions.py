"""training sessions: the simulator's saved sessions and debriefs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trainee", sa.String(length=100), nullable=False),
        sa.Column("scenario_id", sa.String(length=100), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("pressure_s", sa.Float(), nullable=True),
        sa.Column("lines_source", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=100), nullable=True),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("hang_ups", sa.Integer(), nullable=False),
        sa.Column("start_temperature", sa.Float(), nullable=False),
        sa.Column("final_temperature", sa.Float(), nullable=False),
        sa.Column("peak_temperature", sa.Float(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("transcript", sa.JSON(), nullable=False),
        sa.Column("debrief", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_sessions")),
    )
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_training_sessions_trainee_started", ["trainee", "started_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_sessions_scenario_id"), ["scenario_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_sessions_scenario_id"))
        batch_op.drop_index("ix_training_sessions_trainee_started")
    op.drop_table("training_sessions")
