"""views for HR's own SQL tools

``v_applications``, ``v_documents`` and ``v_flags`` give HR one row per application, document
and flag, in their own words, never the raw message or a file's bytes; docs/schema.md explains
every column. The SQL is written out here rather than imported, because a revision is frozen
history. A later revision that alters a table these views read must, on SQLite, wrap the
alteration in ``migrations.view_guard.views_set_aside`` (see there for why).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 09:12:40.518302
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VIEW_NAMES = ("v_applications", "v_documents", "v_flags")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in (
        _applications_view(dialect),
        _documents_view(dialect),
        _flags_view(dialect),
    ):
        op.execute(statement)


def downgrade() -> None:
    for name in reversed(VIEW_NAMES):
        op.execute(f"DROP VIEW {name}")


def _utc(column: str, dialect: str) -> str:
    """A stored time in UTC to the second: text on SQLite, a plain timestamp on PostgreSQL."""
    _require_known(dialect)
    if dialect == "sqlite":
        return f"strftime('%Y-%m-%d %H:%M:%S', {column})"
    return f"date_trunc('second', {column} AT TIME ZONE 'UTC')"


def _flag_list(dialect: str) -> str:
    """The application's flag codes joined by ', ' in the order the rules raised them.

    SQLite before 3.44 has no ORDER BY inside group_concat (and an older SQLite in HR's tools
    could not even open a database whose view used it), so it aggregates an ordered subquery.
    """
    _require_known(dialect)
    if dialect == "sqlite":
        return (
            "(SELECT group_concat(ordered.code, ', ') FROM (SELECT f.code AS code FROM flags AS f"
            " WHERE f.application_id = a.id ORDER BY f.id) AS ordered)"
        )
    return (
        "(SELECT string_agg(f.code, ', ' ORDER BY f.id) FROM flags AS f"
        " WHERE f.application_id = a.id)"
    )


def _require_known(dialect: str) -> None:
    if dialect not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"no HR views for the {dialect} database")


def _applications_view(dialect: str) -> str:
    return f"""
CREATE VIEW v_applications AS
SELECT
    a.id AS id,
    {_utc("a.received_at", dialect)} AS received_at,
    a.sender AS sender,
    a.sender_name AS sender_name,
    a.candidate_name AS candidate_name,
    a.subject AS subject,
    a.vacancy AS vacancy,
    a.subject_valid AS subject_valid,
    a.late AS late,
    a.relatives AS relatives,
    a.relatives_evidence AS relatives_evidence,
    a.relatives_relation AS relatives_relation,
    a.relatives_name AS relatives_name,
    a.has_cv AS has_cv,
    a.has_letter AS has_letter,
    a.previous_application_id AS previous_application_id,
    (SELECT max(later.id) FROM applications AS later
     WHERE later.previous_application_id = a.id) AS superseded_by,
    coalesce({_flag_list(dialect)}, '') AS flags,
    (SELECT count(*) FROM flags AS f WHERE f.application_id = a.id) AS flag_count,
    (SELECT count(*) FROM documents AS d WHERE d.application_id = a.id) AS document_count,
    coalesce(ack.status, 'disabled') AS acknowledgement,
    {_utc("ack.sent_at", dialect)} AS acknowledgement_sent_at,
    m.message_id AS message_id
FROM applications AS a
JOIN messages AS m ON m.id = a.message_pk
LEFT JOIN acknowledgements AS ack ON ack.application_id = a.id
"""


def _about_the_application(dialect: str) -> str:
    """Who sent the application ``a``, for which vacancy and when: beside each document, flag."""
    return (
        "a.candidate_name AS candidate_name, a.sender AS sender, a.vacancy AS vacancy, "
        f"{_utc('a.received_at', dialect)} AS received_at"
    )


def _documents_view(dialect: str) -> str:
    # Every column but ``content``: the file's bytes stay out of HR's tools.
    return f"""
CREATE VIEW v_documents AS
SELECT
    d.id AS id,
    d.application_id AS application_id,
    {_about_the_application(dialect)},
    d.filename AS filename,
    d.kind AS kind,
    d.content_type AS content_type,
    d.size AS size,
    d.sha256 AS sha256,
    d.status AS status,
    d.language AS language,
    d.pages AS pages,
    d.error AS error,
    d.text AS text
FROM documents AS d
JOIN applications AS a ON a.id = d.application_id
"""


def _flags_view(dialect: str) -> str:
    return f"""
CREATE VIEW v_flags AS
SELECT
    f.id AS id,
    f.application_id AS application_id,
    {_about_the_application(dialect)},
    f.code AS code,
    f.evidence AS evidence
FROM flags AS f
JOIN applications AS a ON a.id = f.application_id
"""
