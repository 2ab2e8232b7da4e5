"""Alembic environment: runs migrations on the connection the service hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from storage import candidate_models, web_models  # noqa: F401  (their tables join Base.metadata)
from storage.models import Base

target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    """Configure Alembic for ``connection`` and run the pending migrations."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Use the connection in ``config.attributes`` (always set by storage.migrate)."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through 'intake db upgrade', not the alembic CLI")
    run_on(connection)


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
