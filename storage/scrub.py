"""Makes deleted rows leave the database's files, as far as each backend allows."""

from __future__ import annotations

from sqlalchemy import Engine, text

from storage.database import database_errors

#: The tables a purge or an erasure deletes from or empties rows of.
TOUCHED_TABLES = ("messages", "applications", "documents", "flags", "acknowledgements")


def scrub(engine: Engine) -> str:
    """After a committed deletion: rebuild the SQLite file and empty its write-ahead log, or
    VACUUM the touched PostgreSQL tables; one line saying what was done."""
    with database_errors():
        if engine.dialect.name == "sqlite":
            return _scrub_sqlite(engine)
        return _vacuum_postgresql(engine)


def _scrub_sqlite(engine: Engine) -> str:
    """VACUUM writes a fresh copy of the database, leaving out every free page and every old
    row image an earlier update left behind; the TRUNCATE checkpoint then writes the log into
    the file and empties the ``-wal`` file, which still held the old pages."""
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("VACUUM")
        busy, _log_pages, _copied = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        return (
            "database file rebuilt, but its -wal file is still in use by another process: the "
            "old pages leave it at the next checkpoint (when that process is idle)"
        )
    return "database file rebuilt and its -wal file emptied"


def _vacuum_postgresql(engine: Engine) -> str:
    """VACUUM marks the dead rows' space for reuse; it needs a connection outside a transaction."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"VACUUM {', '.join(TOUCHED_TABLES)}"))
    return "touched tables vacuumed (see docs/personal-data.md on what PostgreSQL keeps)"
