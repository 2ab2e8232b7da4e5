"""web console: its users, the vacancies a panel user reads, its audit log

``web_users`` are the people who sign in to ``intake web`` (role admin, hr or panel; an
Argon2 password hash; ``disabled_at`` set by ``intake users remove`` keeps the name for the
audit); ``web_user_vacancies`` are the vacancies a panel user may read; ``web_audit`` records
sign-ins, failed sign-ins, downloads, exports, decisions and erasures with who, when, the ids
concerned and the client address (no candidate text).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_users")),
        sa.UniqueConstraint("name", name=op.f("uq_web_users_name")),
    )
    op.create_table(
        "web_user_vacancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("vacancy", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["web_users.id"],
            name=op.f("fk_web_user_vacancies_user_id_web_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_user_vacancies")),
        sa.UniqueConstraint(
            "user_id", "vacancy", name=op.f("uq_web_user_vacancies_user_id_vacancy")
        ),
    )
    _audit()


def _audit() -> None:
    op.create_table(
        "web_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=255), nullable=False),
        sa.Column("target", sa.String(length=255), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_audit")),
    )
    op.create_index(op.f("ix_web_audit_occurred_at"), "web_audit", ["occurred_at"])
    op.create_index(op.f("ix_web_audit_action"), "web_audit", ["action"])


def downgrade() -> None:
    for table in ("web_audit", "web_user_vacancies", "web_users"):
        op.drop_table(table)
