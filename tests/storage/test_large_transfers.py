"""PostgreSQL connections that carried a large value are closed when they go back to the pool,
so that libpq's grown buffers go with them; other connections are kept."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, LargeBinary, bindparam, text
from sqlalchemy.orm import Session

from storage.database import create_database_engine, session_factory
from storage.large_transfers import LARGE_TRANSFER_BYTES, note_read

# Typed as a binary column, so that SQLAlchemy hands psycopg the bytes as it does a message's.
LENGTH = text("SELECT octet_length(:value)").bindparams(bindparam("value", type_=LargeBinary))


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    """The project's engine on a fresh PostgreSQL database."""
    made = create_database_engine(postgres_url)
    yield made
    made.dispose()


def pid_of(connection: Connection | Session) -> int:
    """The server process behind ``connection``."""
    pid = connection.scalar(text("SELECT pg_backend_pid()"))
    assert isinstance(pid, int)
    return pid


def backend(engine: Engine) -> int:
    """The server process behind the connection the pool hands out next."""
    with engine.connect() as connection:
        return pid_of(connection)


def backend_ends(engine: Engine, pid: int) -> bool:
    """Whether the server process ``pid`` is gone (it exits a moment after its client)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            query = text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
            if connection.scalar(query, {"pid": pid}) == 0:
                return True
        time.sleep(0.05)
    return False


def test_a_connection_that_sent_only_small_values_is_kept(engine: Engine) -> None:
    first = backend(engine)
    with engine.connect() as connection:
        assert connection.scalar(LENGTH, {"value": b"x" * 1000}) == 1000
    assert backend(engine) == first


def test_a_connection_that_sent_a_large_value_is_closed_and_the_next_one_is_new(
    engine: Engine,
) -> None:
    with engine.connect() as connection:
        first = pid_of(connection)
        stored = connection.scalar(LENGTH, {"value": b"x" * LARGE_TRANSFER_BYTES})
    assert stored == LARGE_TRANSFER_BYTES
    assert backend(engine) != first
    assert backend_ends(engine, first)


def test_many_rows_adding_up_to_a_large_statement_close_the_connection_too(
    engine: Engine,
) -> None:
    with engine.begin() as connection:
        first = pid_of(connection)
        connection.execute(text("CREATE TEMPORARY TABLE letters (body text)"))
        rows = [{"body": "é" * (LARGE_TRANSFER_BYTES // 8)} for _ in range(8)]
        connection.execute(text("INSERT INTO letters (body) VALUES (:body)"), rows)
    assert backend(engine) != first


def test_a_session_that_read_a_large_value_back_closes_its_connection_and_a_small_one_not(
    engine: Engine,
) -> None:
    sessions = session_factory(engine)
    with sessions() as session:
        first = pid_of(session)
        note_read(session, LARGE_TRANSFER_BYTES - 1)
    assert backend(engine) == first
    with sessions() as session:
        note_read(session, LARGE_TRANSFER_BYTES)
    assert backend(engine) != first
