"""The poll benchmark's SQL statement counter: by thread, by verb and table."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from benchmarks.sql_statements import MAIN, OTHER, StatementCounter, statement_kind


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        ("INSERT INTO flags (application_id, code) VALUES (?, ?) RETURNING id", "INSERT flags"),
        ("SELECT messages.id FROM messages WHERE messages.uid = ?", "SELECT messages"),
        ("UPDATE candidates SET late=? WHERE candidates.id = ?", "UPDATE candidates"),
        ("DELETE FROM message_claims WHERE message_claims.uid = ?", "DELETE message_claims"),
        ('PRAGMA main.table_info("alembic_version")', "PRAGMA"),
        ("BEGIN IMMEDIATE", "BEGIN"),
        ('select count(*) from "candidate_applications"', "SELECT candidate_applications"),
        ("", "(empty)"),
    ],
)
def test_a_statement_is_named_by_its_verb_and_first_table(statement: str, kind: str) -> None:
    assert statement_kind(statement) == kind


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    made = create_engine(f"sqlite:///{tmp_path / 'counted.db'}")
    with made.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    yield made
    made.dispose()


def _insert_notes(engine: Engine, count: int) -> None:
    with engine.begin() as connection:
        for number in range(count):
            connection.execute(text("INSERT INTO notes (body) VALUES (:b)"), {"b": str(number)})


def test_statements_of_the_main_thread_and_of_another_are_counted_apart(engine: Engine) -> None:
    counter = StatementCounter()
    counter.install()
    try:
        _insert_notes(engine, 3)
        other = threading.Thread(target=_insert_notes, args=(engine, 2))
        other.start()
        other.join()
    finally:
        counter.remove()
    _insert_notes(engine, 5)  # after remove(): not counted

    assert counter.counts[(MAIN, "INSERT notes")] == 3
    assert counter.counts[(OTHER, "INSERT notes")] == 2
    assert counter.total(MAIN) == 3
    report = counter.report(messages=1)
    assert report[0] == "SQL statements, polling thread: 3 (3.0 a message)"
    assert report[1] == "SQL statements, other threads: 2 (2.0 a message)"
    assert "INSERT notes" in report[2]
