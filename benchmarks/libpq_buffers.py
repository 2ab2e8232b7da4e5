"""What one large value costs a process that keeps its PostgreSQL connection: libpq's buffers.

Run from the repository root:
    python3 -m benchmarks.libpq_buffers [--megabytes 6.5]

Against a private PostgreSQL server (as ``benchmarks.scale_out`` starts one), this process's
resident size (after ``malloc_trim``) is printed at each step: a value of ``--megabytes``
stored, a small statement, the value read back, the connection closed. First on a bare
psycopg connection that stays open, then through ``storage.database``'s engine, whose
connections are closed once a large value has passed through them
(``storage.large_transfers``).
"""

from __future__ import annotations

import argparse
import gc
import os
from collections.abc import Callable

from sqlalchemy import LargeBinary, bindparam, text

from benchmarks.scale_out import private_server
from intake.poll.heap import release_free_memory, resident_bytes
from storage.database import create_database_engine, session_factory
from storage.large_transfers import note_read

MB = 1_000_000
MIB = 1024 * 1024


def resident_mib() -> float:
    """This process's resident size, after handing freed heap back to the kernel."""
    gc.collect()
    release_free_memory()
    return resident_bytes() / MIB


def steps(label: str, actions: list[tuple[str, Callable[[], object]]]) -> None:
    """Run ``actions`` in order, printing the resident size after each."""
    print(f"{label}: start {resident_mib():.0f} MiB")
    for name, action in actions:
        action()
        print(f"  {name:34s} {resident_mib():6.0f} MiB")


def bare_psycopg(url: str, value: bytes) -> None:
    """One psycopg connection kept open across the steps."""
    import psycopg

    connection = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"))
    connection.execute("CREATE TABLE bare (body bytea)")
    connection.commit()

    def store() -> None:
        connection.execute("INSERT INTO bare VALUES (%s)", [value])
        connection.commit()

    def read_back() -> None:
        rows = connection.execute("SELECT body FROM bare").fetchall()
        del rows

    steps(
        "psycopg, one connection kept open",
        [
            ("large value stored", store),
            ("small statement", lambda: connection.execute("SELECT 1").fetchall()),
            ("large value read back", read_back),
            ("connection closed", connection.close),
        ],
    )


def through_the_engine(url: str, value: bytes) -> None:
    """The project's engine: a connection that carried a large value is closed on return."""
    engine = create_database_engine(url)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        session.execute(text("CREATE TABLE through_engine (body bytea)"))
    body = bindparam("body", type_=LargeBinary)  # bytes handed to psycopg as the ORM does

    def store() -> None:
        with sessions.begin() as session:
            insert = text("INSERT INTO through_engine VALUES (:body)").bindparams(body)
            session.execute(insert, {"body": value})

    def read_back() -> None:
        with sessions() as session:
            rows = session.execute(text("SELECT body FROM through_engine")).all()
            note_read(session, sum(len(row.body) for row in rows))
            del rows

    def small() -> None:
        with sessions() as session:
            session.execute(text("SELECT 1")).all()

    steps(
        "storage.database's engine",
        [
            ("large value stored", store),
            ("small statement", small),
            ("large value read back", read_back),
            ("engine disposed", engine.dispose),
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=6.5)
    args = parser.parse_args()
    value = os.urandom(int(args.megabytes * MB))
    with private_server() as (server, _):
        with server.connect() as admin:
            admin.execute("CREATE DATABASE buffers")
        url = server.database_url("buffers")
        bare_psycopg(url, value)
        through_the_engine(url, value)


if __name__ == "__main__":
    main()
