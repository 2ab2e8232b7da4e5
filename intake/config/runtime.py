"""Opens the database a command needs from the config (upgraded, required or as it is)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from storage.database import create_database_engine, database_errors, session_factory
from storage.schema import HEAD_REVISION, current_revision, require_head


@dataclass(frozen=True)
class Runtime:
    """The validated config with an open database."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        """Release pooled connections."""
        self.engine.dispose()


SchemaMode = Literal["upgrade", "require", "any"]


def open_runtime(config: Config, schema: SchemaMode = "upgrade") -> Runtime:
    """Open the database; ``upgrade`` brings the schema to the newest revision, ``require``
    refuses a database that is not there yet (read-only commands), ``any`` takes it as is."""
    engine = create_database_engine(config.database.connect_url())
    try:
        with database_errors():
            if schema == "upgrade" and current_revision(engine) != HEAD_REVISION:
                # Imported only to upgrade: Alembic costs a tenth of a second and 11 MiB that a
                # database already at the newest revision (every start but the first) never needs.
                from storage.migrate import upgrade_to_head

                upgrade_to_head(engine)
            elif schema == "require":
                require_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Runtime(config=config, engine=engine, sessions=session_factory(engine))


@contextmanager
def runtime_for(config: Config, schema: SchemaMode = "require") -> Iterator[Runtime]:
    """The runtime for one command, closed when the command is done.

    Read commands use ``require``: they never create or upgrade a database.
    """
    runtime = open_runtime(config, schema=schema)
    try:
        yield runtime
    finally:
        runtime.close()
