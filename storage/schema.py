"""Which schema revision a database is at, checked without Alembic (read commands start fast).

``HEAD_REVISION`` is the newest revision in ``migrations/versions``; a test compares it with
Alembic's own head, so a new migration that does not update it fails the suite. Upgrading
stays in ``storage.migrate``, which imports Alembic.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from storage.errors import MigrationError, SchemaOutOfDate

#: The newest revision the code knows (Alembic's head): update it with every new migration.
HEAD_REVISION = "0010"
#: Where Alembic records the revision a database is at (its default name).
VERSION_TABLE = "alembic_version"


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None before the first upgrade."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        revisions = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    if len(revisions) > 1:
        found = ", ".join(str(row.version_num) for row in revisions)
        raise MigrationError(f"the database records several schema revisions at once: {found}")
    return str(revisions[0].version_num) if revisions else None


def require_head(engine: Engine) -> None:
    """Raise SchemaOutOfDate unless the database is at the newest revision."""
    current = current_revision(engine)
    if current != HEAD_REVISION:
        found = f"revision {current}" if current else "no intake schema"
        raise SchemaOutOfDate(
            f"the database has {found}, this program needs revision {HEAD_REVISION}: "
            "run 'intake db upgrade' (or 'intake poll', which upgrades first)"
        )
