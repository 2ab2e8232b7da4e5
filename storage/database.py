"""Engine and session setup for SQLite (WAL, foreign keys) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from storage.errors import DatabaseUnavailable
from storage.large_transfers import close_connections_after_large_transfers

SQLITE_BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "intake_write"
# Errors that belong to one statement's values, not to the database: PostgreSQL SQLSTATE
# classes (data exception, integrity violation, program limit) and SQLite result codes.
_RECORD_SQLSTATE_CLASSES = ("22", "23", "54")
_RECORD_SQLITE_ERRORS = ("SQLITE_CONSTRAINT", "SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE")


def create_database_engine(url: str | URL) -> Engine:
    """An engine for ``url``; SQLite files get their folder created and WAL switched on."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseUnavailable(f"invalid database URL: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    try:
        engine = create_engine(parsed, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise DatabaseUnavailable(f"cannot open database: {exc}") from exc
    close_connections_after_large_transfers(engine)
    return engine


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        folder = Path(url.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"cannot create the database folder {folder}: {exc}") from exc
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling is switched off so that _sqlite_begin decides how
    # each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A writer takes the write lock at BEGIN, so two writers queue on busy_timeout; a
    # deferred transaction that reads first would fail at once when it tries to write.
    # Readers stay deferred and never block a writer (WAL).
    immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session in one transaction meant to write: committed at the end, rolled back on error."""
    with sessions.begin() as session:
        session.connection(execution_options={_WRITE_OPTION: True})
        yield session


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (the pipeline reads them back)."""
    return sessionmaker(engine, expire_on_commit=False)


def refuses_values(error: DBAPIError) -> bool:
    """Whether the database refused this statement's values, as opposed to being unavailable
    (lost connection, lock or statement timeout, deadlock, full disk): only the first is the
    record's fault."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        return sqlstate[:2] in _RECORD_SQLSTATE_CLASSES
    sqlite_error = getattr(error.orig, "sqlite_errorname", None)
    if isinstance(sqlite_error, str):
        return sqlite_error.startswith(_RECORD_SQLITE_ERRORS)
    return False


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn a lost or unreachable database into DatabaseUnavailable at the storage boundary."""
    try:
        yield
    except DBAPIError as exc:
        raise DatabaseUnavailable(f"database error: {exc.orig or exc}") from exc
