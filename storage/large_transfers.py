"""Closes a PostgreSQL connection once a large value has passed through it, because libpq
keeps its buffers as large as the largest message the connection ever carried."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

#: Values of at least this many bytes in one statement, or read back in one result, grow
#: libpq's send or receive buffer that much for the connection's life (measured: a 6.5 MB
#: message stored left the process 7 MiB larger, read back 12 MiB more, until the close).
LARGE_TRANSFER_BYTES = 1024 * 1024
_LARGE = "intake_large_transfer"
_CARRIED = (bytes, bytearray, memoryview, str)


def close_connections_after_large_transfers(engine: Engine) -> None:
    """On ``engine``, a connection that sent a large statement is closed when it goes back to
    the pool (the next checkout opens a new one); readers of large values say so with
    ``note_read``."""
    event.listen(engine, "before_cursor_execute", _note_large_parameters)
    event.listen(engine, "checkin", _close_if_large)


def note_read(session: Session, size: int) -> None:
    """The session's connection has just read back values of ``size`` bytes: when that is
    large, it is closed once the session is done with it."""
    if size >= LARGE_TRANSFER_BYTES:
        session.connection().info[_LARGE] = True


def _note_large_parameters(
    conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, many: bool
) -> None:
    parameter_sets = parameters if many else [parameters]
    if sum(_sized(values) for values in parameter_sets) >= LARGE_TRANSFER_BYTES:
        conn.info[_LARGE] = True


def _sized(values: Any) -> int:
    """The bytes and characters one statement's parameters carry."""
    if isinstance(values, Mapping):
        values = values.values()
    if not isinstance(values, Iterable):
        return 0
    return sum(_length(value) for value in values)


def _length(value: Any) -> int:
    # SQLAlchemy hands psycopg a binary column's bytes wrapped (psycopg.Binary, in ``obj``).
    carried = getattr(value, "obj", value)
    return len(carried) if isinstance(carried, _CARRIED) else 0


def _close_if_large(_dbapi_connection: Any, entry: ConnectionPoolEntry) -> None:
    if entry.info.pop(_LARGE, False):
        entry.invalidate()
