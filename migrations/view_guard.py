"""Sets the views aside while a migration rebuilds, on SQLite, a table they read.

Alembic's batch mode alters a SQLite table by copy and move: it creates a new table, copies
the rows, drops the old table and renames the new one into its place. SQLite refuses that
rename while a view names a table that is missing at that moment (the one just dropped), so
every later revision that alters ``applications``, ``messages``, ``documents``, ``flags`` or
``acknowledgements`` wraps the alteration::

    from migrations.view_guard import views_set_aside

    def upgrade() -> None:
        with views_set_aside(op.get_bind()), op.batch_alter_table("applications") as batch_op:
            batch_op.alter_column(...)

The views are dropped before the alteration and created again after it from the definitions
the database itself holds, so this module never holds a view's SQL and stays right at every
revision. When the alteration removes or renames a column a view reads, creating that view
again fails and the upgrade stops (nothing is changed): such a revision drops the view itself
and creates its new version, with the new SQL written in that revision.

PostgreSQL alters tables in place and keeps its views (and the grants on them), so nothing is
set aside there; it refuses only to change the type of, or drop, a column a view reads, and
the revision that does so drops and recreates that view itself.

Revisions already written rely on this: keep what it does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text


@contextmanager
def views_set_aside(connection: Connection) -> Iterator[None]:
    """On SQLite, drop every view, let the caller alter tables, then create the views again."""
    if connection.dialect.name != "sqlite":
        yield
        return
    # rowid is creation order: a view is created again after the views it reads.
    views = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid")
    ).all()
    quote = connection.dialect.identifier_preparer.quote
    for name, _definition in reversed(views):
        connection.exec_driver_sql(f"DROP VIEW {quote(name)}")
    yield
    # No ``finally``: when the alteration fails, the migration's transaction is rolled back,
    # and the views with it.
    for _name, definition in views:
        connection.exec_driver_sql(definition)
