"""candidates, relatives details and the acknowledgement sender

Recognising a resubmission needs who sent an application and what it brought; the
acknowledgement sender claims rows and remembers the candidate's language.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:25:19.815718
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_acknowledgements_recipient"), ["recipient"], unique=False
        )
        batch_op.create_index(
            "ix_acknowledgements_status_next_attempt_at",
            ["status", "next_attempt_at"],
            unique=False,
        )

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("relatives_relation", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("relatives_name", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("has_cv", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("has_letter", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("sender_key", sa.String(length=998), nullable=True))
        batch_op.add_column(sa.Column("name_key", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("previous_application_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_applications_name_key"), ["name_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_applications_previous_application_id"),
            ["previous_application_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_applications_sender_key"), ["sender_key"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_applications_previous_application_id_applications"),
            "applications",
            ["previous_application_id"],
            ["id"],
            ondelete="SET NULL",
        )

    _fill_candidate_columns()


def _fill_candidate_columns() -> None:
    """Applications stored before this revision: who sent them and what they brought."""
    op.execute("UPDATE applications SET sender_key = lower(sender) WHERE sender IS NOT NULL")
    op.execute(
        "UPDATE applications SET has_cv = true WHERE EXISTS (SELECT 1 FROM documents "
        "WHERE documents.application_id = applications.id AND documents.kind = 'cv')"
    )
    op.execute(
        "UPDATE applications SET has_letter = true WHERE EXISTS (SELECT 1 FROM documents "
        "WHERE documents.application_id = applications.id "
        "AND documents.kind = 'motivation_letter') OR EXISTS (SELECT 1 FROM flags "
        "WHERE flags.application_id = applications.id AND flags.code = 'letter_in_body')"
    )


def downgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_applications_previous_application_id_applications"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_applications_sender_key"))
        batch_op.drop_index(batch_op.f("ix_applications_previous_application_id"))
        batch_op.drop_index(batch_op.f("ix_applications_name_key"))
        batch_op.drop_column("previous_application_id")
        batch_op.drop_column("name_key")
        batch_op.drop_column("sender_key")
        batch_op.drop_column("has_letter")
        batch_op.drop_column("has_cv")
        batch_op.drop_column("relatives_name")
        batch_op.drop_column("relatives_relation")

    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.drop_index("ix_acknowledgements_status_next_attempt_at")
        batch_op.drop_index(batch_op.f("ix_acknowledgements_recipient"))
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")
        batch_op.drop_column("language")
