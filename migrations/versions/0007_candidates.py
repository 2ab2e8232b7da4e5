"""candidates: one record per person per vacancy, why each application joined it, HR's decisions

``candidates`` holds the judgement of all of a person's applications to one vacancy taken
together (complete, late, relatives, status); ``candidate_applications`` ties every grouped
application to exactly one candidate and says why it was joined; ``identity_keys`` are the
indexed facts grouping compares (address, name, phone, email written in the CV, Message-ID
and the messages replied to), so grouping one application costs a few index lookups;
``candidate_flags`` are the candidate's flags recomputed over every message;
``candidate_decisions`` is the append-only history of what HR decided. The views
``v_candidates`` and ``v_candidate_documents`` show them to HR's SQL tools (docs/schema.md).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

VIEW_NAMES = ("v_candidates", "v_candidate_documents")


def upgrade() -> None:
    _candidates()
    _candidate_applications()
    _identity_keys()
    _candidate_flags()
    _candidate_decisions()
    dialect = op.get_bind().dialect.name
    op.execute(_candidates_view(dialect))
    op.execute(_candidate_documents_view(dialect))


def downgrade() -> None:
    for name in reversed(VIEW_NAMES):
        op.execute(f"DROP VIEW {name}")
    for table in (
        "candidate_decisions",
        "candidate_flags",
        "identity_keys",
        "candidate_applications",
        "candidates",
    ):
        op.drop_table(table)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE"
    )


def _candidates() -> None:
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vacancy", sa.String(length=255), nullable=True),
        sa.Column("candidate_name", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=True),
        sa.Column("relatives", sa.String(length=16), nullable=False),
        sa.Column("has_cv", sa.Boolean(), nullable=False),
        sa.Column("has_letter", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
    )
    op.create_index(op.f("ix_candidates_vacancy"), "candidates", ["vacancy"], unique=False)
    op.create_index(op.f("ix_candidates_status"), "candidates", ["status"], unique=False)


def _candidate_applications() -> None:
    table = "candidate_applications"
    op.create_table(
        table,
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("matched_on", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        _fk(table, "application_id", "applications"),
        _fk(table, "candidate_id", "candidates"),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_candidate_applications")),
    )
    op.create_index(op.f("ix_candidate_applications_candidate_id"), table, ["candidate_id"])


def _identity_keys() -> None:
    table = "identity_keys"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=998), nullable=False),
        _fk(table, "application_id", "applications"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_keys")),
    )
    op.create_index(op.f("ix_identity_keys_application_id"), table, ["application_id"])
    op.create_index("ix_identity_keys_kind_value", table, ["kind", "value"])


def _candidate_flags() -> None:
    table = "candidate_flags"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        _fk(table, "candidate_id", "candidates"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_flags")),
        sa.UniqueConstraint(
            "candidate_id", "code", name=op.f("uq_candidate_flags_candidate_id_code")
        ),
    )
    op.create_index(op.f("ix_candidate_flags_code"), table, ["code"])


def _candidate_decisions() -> None:
    table = "candidate_decisions"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=255), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        _fk(table, "candidate_id", "candidates"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_decisions")),
    )
    op.create_index(op.f("ix_candidate_decisions_candidate_id"), table, ["candidate_id"])


def _utc(column: str, dialect: str) -> str:
    """A stored time in UTC to the second: text on SQLite, a plain timestamp on PostgreSQL."""
    if dialect == "sqlite":
        return f"strftime('%Y-%m-%d %H:%M:%S', {column})"
    if dialect == "postgresql":
        return f"date_trunc('second', {column} AT TIME ZONE 'UTC')"
    raise NotImplementedError(f"no HR views for the {dialect} database")


def _joined(expression: str, source: str, dialect: str) -> str:
    """``expression`` over the rows of ``source`` joined by ', ' in id order."""
    if dialect == "sqlite":
        return (
            f"(SELECT group_concat(ordered.item, ', ') FROM (SELECT {expression} AS item "
            f"{source} ORDER BY 1) AS ordered)"
        )
    return f"(SELECT string_agg({expression}, ', ' ORDER BY {expression}) {source})"


def _candidates_view(dialect: str) -> str:
    of_candidate = "WHERE ca.candidate_id = c.id"
    applications = (
        "FROM candidate_applications AS ca JOIN applications AS a ON a.id = ca.application_id"
    )
    flags = "FROM candidate_flags AS cf WHERE cf.candidate_id = c.id"
    senders = f"FROM (SELECT DISTINCT a.sender AS sender {applications} {of_candidate}) AS s"
    return f"""
CREATE VIEW v_candidates AS
SELECT
    c.id AS id,
    c.vacancy AS vacancy,
    c.candidate_name AS candidate_name,
    c.status AS status,
    c.complete AS complete,
    c.has_cv AS has_cv,
    c.has_letter AS has_letter,
    c.late AS late,
    c.relatives AS relatives,
    coalesce({_joined("cf.code", flags, dialect)}, '') AS flags,
    coalesce({_joined("s.sender", senders, dialect)}, '') AS senders,
    (SELECT count(*) FROM candidate_applications AS ca {of_candidate}) AS application_count,
    (SELECT {_utc("min(a.received_at)", dialect)} {applications} {of_candidate})
        AS first_received_at,
    (SELECT {_utc("max(a.received_at)", dialect)} {applications} {of_candidate})
        AS last_received_at
FROM candidates AS c
"""


def _candidate_documents_view(dialect: str) -> str:
    # Every column but the file's bytes and text: HR's tools see what came, not the content.
    return f"""
CREATE VIEW v_candidate_documents AS
SELECT
    d.id AS id,
    ca.candidate_id AS candidate_id,
    c.candidate_name AS candidate_name,
    c.vacancy AS vacancy,
    d.application_id AS application_id,
    {_utc("a.received_at", dialect)} AS received_at,
    a.sender AS sender,
    d.filename AS filename,
    d.kind AS kind,
    d.status AS status,
    d.language AS language,
    d.pages AS pages
FROM documents AS d
JOIN applications AS a ON a.id = d.application_id
JOIN candidate_applications AS ca ON ca.application_id = a.id
JOIN candidates AS c ON c.id = ca.candidate_id
"""
