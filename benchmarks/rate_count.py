"""What the global rate's count costs as sent acknowledgements pile up over the years.

Run from the repository root:
    python3 -m benchmarks.rate_count [--sent 200000] [--repeat 50]

A SQLite database is built through the migrations in a temporary folder and filled with
``--sent`` acknowledgements sent over two years (their application rows are left out:
foreign keys are off for the fill). Then ``storage.outbox.sent_since`` (what every drain and
every send asks: how many went out in the last minute) is timed with the migrations' indexes,
and again without ``ix_acknowledgements_status_sent_at``, with SQLite's query plan for each.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, insert
from sqlalchemy.orm import Session

from storage.database import create_database_engine
from storage.migrate import upgrade_to_head
from storage.models import Acknowledgement
from storage.outbox import sent_since
from tests.sqlite_plans import sqlite_plan

NOW = datetime(2028, 1, 1, tzinfo=UTC)
YEARS_OF_SENDING = timedelta(days=730)
FILL_BATCH = 10_000


def fill(engine: Engine, sent: int) -> None:
    """``sent`` rows with status "sent", sent at random moments over the last two years."""
    with engine.connect() as connection:
        # Outside any transaction (SQLite ignores the pragma inside one), on this connection.
        driver = connection.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            _insert_sent(connection, sent)
        driver.execute("PRAGMA foreign_keys=ON")


def _insert_sent(connection: Connection, sent: int) -> None:
    """The rows, in batches of FILL_BATCH."""
    randomness = random.Random(22)
    for start in range(0, sent, FILL_BATCH):
        rows = [
            {
                "id": index + 1,
                "application_id": index + 1,
                "status": "sent",
                "recipient": f"candidate.{index}@example.com",
                "attempts": 1,
                "created_at": NOW,
                "sent_at": NOW - randomness.random() * YEARS_OF_SENDING - timedelta(minutes=2),
            }
            for index in range(start, min(start + FILL_BATCH, sent))
        ]
        connection.execute(insert(Acknowledgement), rows)


def timed_count(engine: Engine, repeat: int) -> tuple[float, str]:
    """Milliseconds per ``sent_since`` count (median of ``repeat``) and SQLite's plan of it."""
    since = NOW - timedelta(minutes=1)
    spent: list[float] = []
    with Session(engine) as session:
        for _ in range(repeat):
            start = time.perf_counter()
            assert sent_since(session, since) == 0
            spent.append((time.perf_counter() - start) * 1000)
    plan = sqlite_plan(engine, lambda session: sent_since(session, since))
    return sorted(spent)[len(spent) // 2], " / ".join(plan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sent", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        engine = create_database_engine(f"sqlite:///{Path(temporary) / 'rate.sqlite'}")
        upgrade_to_head(engine)
        fill(engine, args.sent)
        with_index = timed_count(engine, args.repeat)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP INDEX ix_acknowledgements_status_sent_at")
        engine.dispose()  # new connections: none keeps a statement prepared with the index
        without_index = timed_count(engine, args.repeat)
        engine.dispose()
    print(f"{args.sent} sent acknowledgements, SQLite; one count of the last minute's sends:")
    for label, (milliseconds, plan) in (
        ("with the (status, sent_at) index", with_index),
        ("status indexes only (before 0010)", without_index),
    ):
        print(f"  {label:34s} {milliseconds:9.3f} ms   plan: {plan}")


if __name__ == "__main__":
    main()
