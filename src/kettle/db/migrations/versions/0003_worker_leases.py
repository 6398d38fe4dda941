"""worker leases: claimed_until, attempts, retry_at, failed_at, last_error; delivery ids

Reminders are claimed with a lease and marked sent only after delivery (D10).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_REMINDERS = ("promises", "follow_ups")


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    for table in _REMINDERS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("claimed_until", when, nullable=True))
            batch_op.add_column(
                sa.Column("attempts", sa.Integer(), nullable=False, server_default="0")
            )
            batch_op.add_column(sa.Column("retry_at", when, nullable=True))
            batch_op.add_column(sa.Column("failed_at", when, nullable=True))
            batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivery_id", sa.String(length=100), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_deliveries_delivery_id"), ["delivery_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_delivery_id"))
        batch_op.drop_column("delivery_id")
    for table in reversed(_REMINDERS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in ("last_error", "failed_at", "retry_at", "attempts", "claimed_until"):
                batch_op.drop_column(column)
