"""crash recovery: mailbox marks, message claims, acknowledgement attempts, poll heartbeats

``messages.marked_at`` says when the mailbox was told a stored message is done, so a poll
can mark those a crash left unmarked (a partial index keeps finding them O(unmarked));
rows stored before this revision count as marked. ``acknowledgements.sending_since`` records
an attempt before the message goes to the transport. ``poll_runs.heartbeat_at`` is renewed
while a poll runs, so a poll that died (or could not record its end) shows as such.
``message_claims`` holds the messages a poller is processing, so other pollers skip them
until the claim runs out.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from migrations.view_guard import views_set_aside

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UNMARKED = sa.text("marked_at IS NULL")


def upgrade() -> None:
    with views_set_aside(op.get_bind()):
        with op.batch_alter_table("messages") as batch_op:
            batch_op.add_column(sa.Column("marked_at", sa.DateTime(timezone=True), nullable=True))
        with op.batch_alter_table("acknowledgements") as batch_op:
            batch_op.add_column(
                sa.Column("sending_since", sa.DateTime(timezone=True), nullable=True)
            )
    with op.batch_alter_table("poll_runs") as batch_op:
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE messages SET marked_at = stored_at")
    op.create_table(
        "message_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=255), nullable=False),
        sa.Column("folder", sa.String(length=255), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("claimed_by", sa.String(length=255), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_claims")),
        sa.UniqueConstraint(
            "mailbox",
            "folder",
            "uidvalidity",
            "uid",
            name=op.f("uq_message_claims_mailbox_folder_uidvalidity_uid"),
        ),
    )
    op.create_index(
        op.f("ix_message_claims_claimed_by"), "message_claims", ["claimed_by"], unique=False
    )
    op.create_index(
        "ix_messages_unmarked",
        "messages",
        ["mailbox", "folder"],
        unique=False,
        sqlite_where=UNMARKED,
        postgresql_where=UNMARKED,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_message_claims_claimed_by"), table_name="message_claims")
    op.drop_table("message_claims")
    op.drop_index("ix_messages_unmarked", table_name="messages")
    with op.batch_alter_table("poll_runs") as batch_op:
        batch_op.drop_column("heartbeat_at")
    with views_set_aside(op.get_bind()):
        with op.batch_alter_table("acknowledgements") as batch_op:
            batch_op.drop_column("sending_since")
        with op.batch_alter_table("messages") as batch_op:
            batch_op.drop_column("marked_at")
