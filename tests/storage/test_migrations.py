"""Alembic is the only schema source: upgrade works on both backends and matches the models."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text

from storage.database import create_database_engine
from storage.errors import SchemaOutOfDate
from storage.migrate import alembic_config, head_revision, schema_differences, upgrade_to_head
from storage.schema import HEAD_REVISION, current_revision, require_head


def downgrade_to(engine: Engine, revision: str) -> None:
    """Alembic downgrade of ``engine`` to ``revision``."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Bring an empty database to an older ``revision``, to test what later ones do."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def insert_message(connection: Connection, when: datetime) -> None:
    """One message row with the columns every revision has."""
    connection.execute(
        text(
            "INSERT INTO messages (id, mailbox, folder, uidvalidity, uid, sha256, "
            "content_hash, size, raw, received_at, disposition, stored_at) VALUES "
            "(1, 'm', 'INBOX', 1, '1', 'a', 'b', 1, :raw, :when, 'application', :when)"
        ),
        {"raw": b"x", "when": when},
    )


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


def test_revision_0002_fills_in_who_sent_and_what_came_for_applications_stored_before(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to(engine, "0001")
    when = datetime(2025, 10, 1, tzinfo=UTC)
    with engine.begin() as connection:
        insert_message(connection, when)
        connection.execute(
            text(
                "INSERT INTO applications (id, message_pk, sender, received_at, body_text, "
                "subject_valid, relatives) VALUES (1, 1, 'Jean.Dupont@Mail.BE', :when, '', "
                ":valid, 'none')"
            ),
            {"when": when, "valid": True},
        )
        connection.execute(
            text(
                "INSERT INTO documents (id, application_id, filename, content_type, size, "
                "sha256, kind) VALUES (1, 1, 'cv.pdf', 'application/pdf', 1, 'c', 'cv')"
            )
        )
        connection.execute(
            text("INSERT INTO flags (id, application_id, code) VALUES (1, 1, 'letter_in_body')")
        )
    upgrade_to_head(engine)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT sender_key, has_cv, has_letter, previous_application_id FROM applications")
        ).one()
    assert (row.sender_key, bool(row.has_cv), bool(row.has_letter)) == (
        "jean.dupont@mail.be",
        True,
        True,
    )
    assert row.previous_application_id is None
    engine.dispose()


def test_revision_0005_counts_messages_stored_before_as_marked_in_the_mailbox(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to(engine, "0004")
    with engine.begin() as connection:
        insert_message(connection, datetime(2025, 10, 1, tzinfo=UTC))
    upgrade_to_head(engine)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT stored_at, marked_at FROM messages")).one()
    assert row.marked_at is not None and row.marked_at == row.stored_at
    engine.dispose()


def test_revision_0006_adds_daemon_runs_and_its_downgrade_removes_them(database_url: str) -> None:
    engine = create_database_engine(database_url)
    upgrade_to(engine, "0006")
    assert "daemon_runs" in inspect(engine).get_table_names()
    downgrade_to(engine, "0005")
    inspector = inspect(engine)
    assert "daemon_runs" not in inspector.get_table_names()
    assert "poll_runs" in inspector.get_table_names()
    upgrade_to_head(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_revision_0007_adds_the_candidate_tables_and_its_downgrade_takes_them_away(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to(engine, "0006")
    with engine.begin() as connection:
        insert_message(connection, datetime(2025, 10, 1, tzinfo=UTC))
    upgrade_to(engine, "0007")
    candidate_tables = {
        "candidates",
        "candidate_applications",
        "identity_keys",
        "candidate_flags",
        "candidate_decisions",
    }
    assert candidate_tables <= set(inspect(engine).get_table_names())
    assert {"v_candidates", "v_candidate_documents"} <= set(inspect(engine).get_view_names())
    downgrade_to(engine, "0006")
    assert not candidate_tables & set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM messages")).scalar() == 1
    engine.dispose()


def test_revision_0009_adds_the_email_and_its_downgrade_drops_accounts_without_a_password(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to(engine, "0008")
    when = datetime(2025, 10, 1, tzinfo=UTC)
    insert_user = text(
        "INSERT INTO web_users (id, name, role, password_hash, created_at) "
        "VALUES (:id, :name, 'hr', :hash, :when)"
    )
    with engine.begin() as connection:
        connection.execute(insert_user, {"id": 1, "name": "ana", "hash": "argon2", "when": when})
    upgrade_to(engine, "0009")
    with engine.begin() as connection:
        assert connection.execute(text("SELECT email FROM web_users")).scalar() is None
        connection.execute(insert_user, {"id": 2, "name": "olga", "hash": None, "when": when})
        connection.execute(text("UPDATE web_users SET email = 'olga@org.example' WHERE id = 2"))
    downgrade_to(engine, "0008")
    assert "email" not in {column["name"] for column in inspect(engine).get_columns("web_users")}
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM web_users")).scalars().all()
    assert names == ["ana"]
    upgrade_to_head(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_revision_0010_indexes_sent_acknowledgements_by_time_and_its_downgrade_drops_it(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to(engine, "0009")
    upgrade_to(engine, "0010")

    def indexed_columns() -> list[list[str | None]]:
        return [index["column_names"] for index in inspect(engine).get_indexes("acknowledgements")]

    assert ["status", "sent_at"] in indexed_columns()
    downgrade_to(engine, "0009")
    assert ["status", "sent_at"] not in indexed_columns()
    upgrade_to_head(engine)
    assert schema_differences(engine) == []
    engine.dispose()


def test_head_revision_constant_is_alembics_newest_migration(sqlite_url: str) -> None:
    # A new migration must update storage.schema.HEAD_REVISION, or read commands refuse
    # every upgraded database (and accept an old one).
    engine = create_database_engine(sqlite_url)
    assert head_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_current_revision_reads_what_alembic_recorded_without_alembic(database_url: str) -> None:
    engine = create_database_engine(database_url)
    assert current_revision(engine) is None  # an empty database: no version table yet
    upgrade_to(engine, "0006")
    with engine.connect() as connection:
        recorded = MigrationContext.configure(connection).get_current_revision()
    assert current_revision(engine) == recorded == "0006"
    with pytest.raises(SchemaOutOfDate, match="has revision 0006, this program needs revision"):
        require_head(engine)
    upgrade_to_head(engine)
    require_head(engine)
    engine.dispose()
