"""The outbox's queries on a migrated database: what the global rate's count reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.database import create_database_engine, write_transaction
from storage.migrate import upgrade_to_head
from storage.models import Acknowledgement
from storage.outbox import claim_due, release_untouched, sent_since
from tests.hr_data import Stored, store_applications
from tests.sqlite_plans import sqlite_plan

NOW = datetime(2025, 10, 20, 10, 0, tzinfo=UTC)
LEASE = timedelta(minutes=1)


def test_rows_given_back_are_only_those_the_sender_still_holds(
    sessions: sessionmaker[Session],
) -> None:
    store_applications(sessions, [Stored(sender=f"c{i}@example.com") for i in range(3)])
    mine = claim_due(sessions, "poll-a", NOW, LEASE, limit=3)
    # poll-a stalled past its lease; poll-b took its last row and began sending it.
    later = NOW + 2 * LEASE
    with write_transaction(sessions) as session:
        taken = session.get_one(Acknowledgement, mine[-1])
        taken.claimed_by, taken.claimed_until, taken.sending_since = "poll-b", later + LEASE, later
    with write_transaction(sessions) as session:
        release_untouched(session, mine, "poll-a")
    with sessions() as session:
        rows = session.scalars(select(Acknowledgement).order_by(Acknowledgement.id)).all()
    claims = [(row.claimed_by, row.claimed_until, row.sending_since) for row in rows]
    assert claims[:2] == [(None, None, None)] * 2
    assert claims[2][0] == "poll-b" and claims[2][2] is not None
    assert all(row.status == "pending" and row.attempts == 0 for row in rows)


def test_the_global_rate_count_searches_the_status_sent_at_index_on_sqlite(
    sqlite_url: str,
) -> None:
    # Without it the count visits every acknowledgement ever sent, at each drain and each
    # send: 84-88 ms at 200,000 rows (benchmarks.rate_count).
    engine = create_database_engine(sqlite_url)
    upgrade_to_head(engine)

    def count_none_sent(session: Session) -> None:
        assert sent_since(session, NOW) == 0

    try:
        [step] = sqlite_plan(engine, count_none_sent)
    finally:
        engine.dispose()
    assert step.startswith("SEARCH") and "INDEX ix_acknowledgements_status_sent_at" in step
