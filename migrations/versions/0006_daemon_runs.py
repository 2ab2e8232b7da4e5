"""daemon runs: each ``intake run`` process's start, heartbeat and IDLE connection

``intake status`` reads them to say ``starting`` during a daemon's first cycle and whether its
IDLE connection is live (and since when); nothing else depends on them.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daemon_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=255), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("idle_since", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daemon_runs")),
    )
    op.create_index(op.f("ix_daemon_runs_started_at"), "daemon_runs", ["started_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_daemon_runs_started_at"), table_name="daemon_runs")
    op.drop_table("daemon_runs")
