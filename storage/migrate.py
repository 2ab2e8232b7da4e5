"""Bring a database to the newest schema with Alembic, and compare the schema with the models.

Checking which revision a database is at needs no Alembic: ``storage.schema``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

import migrations
from storage import candidate_models, web_models  # noqa: F401  (their tables join Base.metadata)
from storage.errors import MigrationError
from storage.models import Base

MIGRATIONS_DIR = Path(migrations.__file__).parent


def alembic_config(engine: Engine) -> AlembicConfig:
    """An Alembic config pointing at the packaged migrations."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration; a failure is a MigrationError."""
    config = alembic_config(engine)
    try:
        with (
            engine.connect() as connection,
            _foreign_keys_unenforced(connection),
            connection.begin(),
        ):
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise MigrationError(f"database upgrade failed: {exc}") from exc


@contextmanager
def _foreign_keys_unenforced(connection: Connection) -> Iterator[None]:
    """On SQLite, foreign keys off while the migrations run, checked afterwards.

    SQLite alters a table by copying it into a new one and dropping the old; with foreign keys
    enforced, dropping ``applications`` would cascade and delete every document and flag. The
    pragma only takes effect outside a transaction, hence the driver connection.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
        broken = driver.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise MigrationError(f"the upgrade left rows that break foreign keys: {broken[:5]}")
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def head_revision(engine: Engine) -> str | None:
    """The newest revision in Alembic's script directory (``storage.schema.HEAD_REVISION``)."""
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would change to make the database match the models (empty = agree)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))
