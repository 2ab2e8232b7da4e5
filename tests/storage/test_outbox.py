"""The outbox's queries on a migrated database: what the global rate's count reads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy
from sqlalchemy.orm import Session

from storage.database import create_database_engine
from storage.migrate import upgrade_to_head
from storage.outbox import sent_since


def test_the_global_rate_count_searches_the_status_sent_at_index_on_sqlite(
    sqlite_url: str,
) -> None:
    # Without it the count visits every acknowledgement ever sent, at each drain and each
    # send: 84-88 ms at 200,000 rows (benchmarks.rate_count).
    engine = create_database_engine(sqlite_url)
    upgrade_to_head(engine)
    statements: list[tuple[str, Any]] = []

    def remember(*event: Any) -> None:
        statements.append((event[2], event[3]))

    sqlalchemy.event.listen(engine, "before_cursor_execute", remember)
    with Session(engine) as session:
        assert sent_since(session, datetime(2028, 1, 1, tzinfo=UTC)) == 0
    sqlalchemy.event.remove(engine, "before_cursor_execute", remember)
    [(sql, parameters)] = [(s, p) for s, p in statements if s.lstrip().startswith("SELECT")]
    with engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
    engine.dispose()
    assert [row[-1] for row in plan] == [
        "SEARCH acknowledgements USING COVERING INDEX ix_acknowledgements_status_sent_at "
        "(status=? AND sent_at>?)"
    ]
