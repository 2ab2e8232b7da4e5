"""Alembic is the only schema source: upgrade works on both backends and matches the models."""

from __future__ import annotations

from sqlalchemy import inspect, text

from storage.database import create_database_engine
from storage.migrate import current_revision, head_revision, schema_differences, upgrade_to_head


def test_upgrade_to_head_creates_every_table_and_matches_the_models(database_url: str) -> None:
    engine = create_database_engine(database_url)
    upgrade_to_head(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"messages", "applications", "documents", "flags", "acknowledgements"} <= tables
    assert {"mailbox_state", "poll_runs", "alembic_version"} <= tables
    assert schema_differences(engine) == []
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def test_upgrade_twice_is_harmless(database_url: str) -> None:
    engine = create_database_engine(database_url)
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine = create_database_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
