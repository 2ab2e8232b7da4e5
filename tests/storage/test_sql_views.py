"""The SQL views for HR's tools: made by the migrations, true to the stored rows, as documented."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Connection, Engine, delete, inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from intake.commands.arguments.acks import STATUSES
from intake.config.runtime import Runtime
from intake.flag_codes import ACKNOWLEDGEMENT_UNSAFE, SENDER_MISMATCH
from intake.hr.views import application_dicts
from intake.rules.table import RULES
from migrations.view_guard import views_set_aside
from storage.audit import DeletionCounts, record_deletion
from storage.database import create_database_engine, session_factory, write_transaction
from storage.migrate import (
    _foreign_keys_unenforced,
    alembic_config,
    schema_differences,
    upgrade_to_head,
)
from storage.models import Acknowledgement, Document, Flag
from tests.hr_data import Doc, Stored, store_applications

SCHEMA_MD = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
VIEW_COLUMNS = {
    "v_applications": (
        "id", "received_at", "sender", "sender_name", "candidate_name", "subject", "vacancy",
        "subject_valid", "late", "relatives", "relatives_evidence", "relatives_relation",
        "relatives_name", "has_cv", "has_letter", "previous_application_id", "superseded_by",
        "flags", "flag_count", "document_count", "acknowledgement", "acknowledgement_sent_at",
        "message_id",
    ),
    "v_documents": (
        "id", "application_id", "candidate_name", "sender", "vacancy", "received_at",
        "filename", "kind", "content_type", "size", "sha256", "status", "language", "pages",
        "error", "text",
    ),
    "v_flags": (
        "id", "application_id", "candidate_name", "sender", "vacancy", "received_at", "code",
        "evidence",
    ),
    "v_candidates": (
        "id", "vacancy", "candidate_name", "status", "complete", "has_cv", "has_letter",
        "late", "relatives", "flags", "senders", "application_count", "first_received_at",
        "last_received_at",
    ),
    "v_candidate_documents": (
        "id", "candidate_id", "candidate_name", "vacancy", "application_id", "received_at",
        "sender", "filename", "kind", "status", "language", "pages",
    ),
}  # fmt: skip
SENT_AT = datetime(2025, 10, 20, 9, 31, 5, tzinfo=UTC)
BACKEND_MARK = re.compile(r"^-- (sqlite|postgresql) only\b", re.MULTILINE)


def _at(day: int, hour: int) -> datetime:
    return datetime(2025, 10, day, hour, 15, 30, tzinfo=UTC)


def _letter(text: str = "Dear Madam, I apply") -> Doc:
    return Doc("Letter.pdf", kind="motivation_letter", text=text)


MIX = {
    "declared": Stored(
        received_at=_at(20, 9),
        relatives="declared",
        relatives_evidence="letter: My brother Jan works in the Secretariat.",
        flags=(("relative_declared", "letter: My brother Jan works in the Secretariat."),),
        documents=(Doc("CV.pdf", text="Ten years of risk management in customs."), _letter()),
    ),
    "no_cv": Stored(
        sender="kwame.mensah@example.net",
        sender_name="Kwame Mensah",
        candidate_name=None,
        subject="CV",
        received_at=_at(21, 7),
        flags=(("subject_invalid", "no name"), ("name_missing", None), ("cv_missing", None)),
        documents=(_letter(),),
    ),
    "late": Stored(
        sender="jonas.lindqvist@example.com",
        candidate_name="Jonas LINDQVIST",
        received_at=_at(27, 8),
        late=True,
        flags=(("late", "received 2025-10-27 08:15 UTC, deadline 2025-10-26"),),
    ),
    "no_flags": Stored(
        sender="elodie.marchand@example.net",
        candidate_name="Élodie MARCHAND",
        received_at=_at(26, 21),
    ),
    "possible_relative": Stored(
        sender="pieter.devries@example.org",
        candidate_name="Pieter DE VRIES",
        received_at=_at(22, 10),
        flags=(("possible_relative", "staff register: Anneke de Vries (Finance)"),),
    ),
    "first": Stored(
        sender="anna.kowalska@example.com",
        candidate_name="Anna KOWALSKA",
        vacancy="WCO/2025/HU-NA",
        received_at=_at(23, 17),
        flags=(("letter_missing", None),),
        documents=(Doc("CV_Kowalska.pdf"),),
    ),
    "unknown_vacancy": Stored(
        sender="li.wei@example.org",
        candidate_name="Li WEI",
        subject="Application for the post – Li WEI",
        vacancy=None,
        late=None,
        flags=(("subject_invalid", "no vacancy"), ("vacancy_unknown", None)),
        documents=(
            Doc("CV.pdf"),
            Doc("Diploma.pdf", kind="other", status="encrypted", text=None, language=None),
        ),
    ),
}


def _store_mix(sessions: sessionmaker[Session]) -> dict[str, int]:
    """Store MIX and a resubmission of ``first``; one acknowledgement sent, one row removed.

    The application ids, by label.
    """
    ids = dict(zip(MIX, store_applications(sessions, MIX.values()), strict=True))
    (ids["resubmission"],) = store_applications(
        sessions,
        [
            Stored(
                sender="anna.kowalska@example.com",
                candidate_name="Anna KOWALSKA",
                vacancy="WCO/2025/HU-NA",
                received_at=_at(24, 8),
                flags=(("resubmission", "earlier application of 2025-10-23"),),
                documents=(_letter(),),
                previous_application_id=ids["first"],
            )
        ],
    )
    with write_transaction(sessions) as session:
        session.execute(
            update(Acknowledgement)
            .where(Acknowledgement.application_id == ids["declared"])
            .values(status="sent", sent_at=SENT_AT)
        )
        session.execute(
            delete(Acknowledgement).where(Acknowledgement.application_id == ids["no_flags"])
        )
    return ids


def _rows(engine: Engine, view: str) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        result = connection.execute(text(f"SELECT * FROM {view} ORDER BY id"))
        return [dict(row._mapping) for row in result]


def _iso(value: Any) -> str | None:
    """A view's time (SQLite text, PostgreSQL timestamp) in the JSON contract's form."""
    return None if value is None else str(value).replace(" ", "T") + "Z"


def _yes_no(value: Any) -> bool | None:
    """A view's yes/no value (SQLite 0/1, PostgreSQL boolean) as a bool."""
    return None if value is None else bool(value)


def _view_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_view_names())


def _downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_the_views_leave_with_a_downgrade_to_0002_and_come_back_with_the_upgrade(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to_head(engine)
    assert _view_names(engine) == set(VIEW_COLUMNS)
    # Views are not tables: the models-versus-migrations check must not see them.
    assert schema_differences(engine) == []
    _downgrade(engine, "0002")
    assert _view_names(engine) == set()
    assert "applications" in inspect(engine).get_table_names()
    upgrade_to_head(engine)
    assert _view_names(engine) == set(VIEW_COLUMNS)
    assert schema_differences(engine) == []
    engine.dispose()


def test_v_applications_agrees_with_what_intake_applications_lists(runtime: Runtime) -> None:
    ids = _store_mix(runtime.sessions)
    with runtime.sessions() as session:
        listed = {item["id"]: item for item in application_dicts(session)}
    rows = {row["id"]: row for row in _rows(runtime.engine, "v_applications")}
    assert rows.keys() == listed.keys()
    for app_id, row in rows.items():
        item = listed[app_id]
        same = ("message_id", "sender", "subject", "vacancy", "candidate_name", "relatives")
        for column in (*same, "relatives_evidence", "relatives_relation", "relatives_name"):
            assert row[column] == item[column], column
        assert _iso(row["received_at"]) == item["received_at"]
        assert (_yes_no(row["subject_valid"]), _yes_no(row["late"])) == (
            item["subject_valid"],
            item["late"],
        )
        assert row["flags"] == ", ".join(item["flags"])
        assert (row["flag_count"], row["document_count"]) == (
            len(item["flags"]),
            len(item["documents"]),
        )
        kinds = {document["kind"] for document in item["documents"]}
        assert (_yes_no(row["has_cv"]), _yes_no(row["has_letter"])) == (
            "cv" in kinds,
            "motivation_letter" in kinds,
        )
        assert row["previous_application_id"] == item["previous_application"]
        assert row["superseded_by"] == item["superseded_by"]
        assert row["acknowledgement"] == item["acknowledgement"]
    # The mix holds every case the columns must get right.
    assert rows[ids["first"]]["superseded_by"] == ids["resubmission"]
    assert rows[ids["no_cv"]]["flags"] == "subject_invalid, name_missing, cv_missing"
    assert rows[ids["no_flags"]]["flags"] == ""
    assert rows[ids["no_flags"]]["acknowledgement"] == "disabled"
    assert rows[ids["unknown_vacancy"]]["late"] is None
    assert rows[ids["declared"]]["sender_name"] == "Maria Fernández"
    assert _iso(rows[ids["declared"]]["acknowledgement_sent_at"]) == "2025-10-20T09:31:05Z"
    assert rows[ids["late"]]["acknowledgement_sent_at"] is None


_DOCUMENT_FACTS = (
    "id", "application_id", "filename", "kind", "content_type", "size", "sha256", "status",
    "language", "pages", "error", "text",
)  # fmt: skip
_FLAG_FACTS = ("id", "application_id", "code", "evidence")
_ABOUT_THE_APPLICATION = ("candidate_name", "sender", "vacancy", "received_at")


def _picked(values: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    """Those columns of a view row (a dict) or a stored model object."""
    if isinstance(values, dict):
        return {column: values[column] for column in columns}
    return {column: getattr(values, column) for column in columns}


def test_v_documents_and_v_flags_agree_with_the_stored_rows_and_carry_no_bytes(
    runtime: Runtime,
) -> None:
    _store_mix(runtime.sessions)
    engine = runtime.engine
    applications = {row["id"]: row for row in _rows(engine, "v_applications")}
    documents = _rows(engine, "v_documents")
    flags = _rows(engine, "v_flags")
    with runtime.sessions() as session:
        stored_documents = session.scalars(select(Document).order_by(Document.id)).all()
        stored_flags = session.scalars(select(Flag).order_by(Flag.id)).all()
        assert [_picked(row, _DOCUMENT_FACTS) for row in documents] == [
            _picked(document, _DOCUMENT_FACTS) for document in stored_documents
        ]
        assert [_picked(row, _FLAG_FACTS) for row in flags] == [
            _picked(flag, _FLAG_FACTS) for flag in stored_flags
        ]
    for row in documents + flags:
        application = applications[row["application_id"]]
        assert _picked(row, _ABOUT_THE_APPLICATION) == _picked(application, _ABOUT_THE_APPLICATION)
    assert len(documents) == 13
    assert not [value for row in documents for value in row.values() if _is_bytes(value)]


def _is_bytes(value: Any) -> bool:
    return isinstance(value, bytes | bytearray | memoryview)


def test_the_views_refuse_changes(runtime: Runtime) -> None:
    _store_mix(runtime.sessions)
    engine = runtime.engine
    before = [_rows(engine, view) for view in VIEW_COLUMNS]
    for statement in (
        "UPDATE v_applications SET candidate_name = 'Someone Else'",
        "DELETE FROM v_documents",
        "INSERT INTO v_flags (application_id, code) VALUES (1, 'late')",
    ):
        with pytest.raises(DBAPIError), engine.begin() as connection:
            connection.execute(text(statement))
    assert [_rows(engine, view) for view in VIEW_COLUMNS] == before


# -- docs/schema.md ----------------------------------------------------------------------------


def _documented_lists() -> dict[str, list[str]]:
    """Per heading of docs/schema.md (a table's or view's is its name in backticks), the
    backticked names in the first cell of the rows of the table under it."""
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in SCHEMA_MD.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{2,4} (.+)", line)
        if heading:
            current = lists.setdefault(heading.group(1), [])
        elif current is not None and line.startswith("| "):
            current.extend(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return lists


def _sql_examples() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", SCHEMA_MD.read_text(encoding="utf-8"), re.DOTALL)


def _runs_on(example: str, backend: str) -> bool:
    mark = BACKEND_MARK.search(example)
    return mark is None or mark.group(1) == backend


def _statements(example: str) -> Iterator[str]:
    for statement in example.split(";"):
        if statement.strip():
            yield statement


def test_views_and_tables_have_exactly_the_columns_schema_md_explains(runtime: Runtime) -> None:
    documented = _documented_lists()
    with runtime.engine.connect() as connection:
        for view, expected in VIEW_COLUMNS.items():
            result = connection.execute(text(f"SELECT * FROM {view} WHERE 1 = 0"))
            assert tuple(result.keys()) == expected
            assert tuple(documented[f"`{view}`"]) == expected
    inspector = inspect(runtime.engine)
    tables = inspector.get_table_names()
    for table in tables:
        columns = {column["name"] for column in inspector.get_columns(table)}
        assert set(documented.get(f"`{table}`", ())) == columns, table
    named = {heading.strip("`") for heading in documented if re.fullmatch(r"`\w+`", heading)}
    assert named == set(tables) | set(VIEW_COLUMNS)
    assert documented["Flag codes"] == [
        *(code for code, _rule in RULES),
        ACKNOWLEDGEMENT_UNSAFE,
        SENDER_MISMATCH,
    ]
    assert documented["Acknowledgement statuses"] == list(STATUSES)


def test_every_sql_example_in_schema_md_runs_and_finds_rows(runtime: Runtime) -> None:
    _store_mix(runtime.sessions)
    with write_transaction(runtime.sessions) as session:
        record_deletion(
            session, "purge", "vacancy WCO/2024/OLD, received before 2025-01-01T00:00:00Z",
            DeletionCounts(messages=3, applications=3, documents=6, acknowledgements=3),
        )  # fmt: skip
    engine = runtime.engine
    backend = engine.dialect.name
    examples = [example for example in _sql_examples() if _runs_on(example, backend)]
    assert len(examples) > 10 and any(BACKEND_MARK.search(example) for example in examples)
    for example in examples:
        with engine.connect() as connection, connection.begin() as transaction:
            for statement in _statements(example):
                result = _run_as_typed(connection, statement)
                if result.returns_rows:
                    assert result.fetchall(), statement
            transaction.rollback()


def _run_as_typed(connection: Connection, statement: str) -> sa.CursorResult[Any]:
    """The statement sent to the database as HR would type it (no bind-parameter parsing)."""
    return connection.execution_options(no_parameters=True).exec_driver_sql(statement)


def test_the_documented_reader_role_reads_the_views_but_not_the_tables(postgres_url: str) -> None:
    engine = create_database_engine(postgres_url)
    upgrade_to_head(engine)
    (grant,) = [example for example in _sql_examples() if "CREATE ROLE" in example]
    with engine.connect() as connection, connection.begin() as transaction:
        for statement in _statements(grant):
            _run_as_typed(connection, statement)
        connection.exec_driver_sql("SET LOCAL ROLE hr_reader")
        for view in (*VIEW_COLUMNS, "audit_log"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {view}").scalar() == 0
        with pytest.raises(DBAPIError, match="permission denied"), connection.begin_nested():
            connection.exec_driver_sql("SELECT raw FROM messages")
        transaction.rollback()
    engine.dispose()


# -- later migrations on SQLite ----------------------------------------------------------------


def _view_definitions(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        query = text("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name")
        return [(row.name, row.sql) for row in connection.execute(query)]


def _add_column_by_copy(engine: Engine, guard: bool) -> None:
    """A later revision's batch alteration, rebuilding ``applications`` by copy and rename."""
    # The same conditions as every upgrade: foreign keys off, so the copy cascades nothing.
    with engine.connect() as connection, _foreign_keys_unenforced(connection), connection.begin():
        views: AbstractContextManager[None] = (
            views_set_aside(connection) if guard else nullcontext()
        )
        operations = Operations(MigrationContext.configure(connection))
        with views, operations.batch_alter_table("applications", recreate="always") as batch:
            batch.add_column(sa.Column("hr_note", sa.Text(), nullable=True))


def test_sqlite_rebuilds_applications_by_copy_only_with_the_views_set_aside(
    sqlite_url: str,
) -> None:
    engine = create_database_engine(sqlite_url)
    upgrade_to_head(engine)
    store_applications(session_factory(engine), [Stored()])
    definitions = _view_definitions(engine)
    with pytest.raises(DBAPIError, match="error in view"):
        _add_column_by_copy(engine, guard=False)
    _add_column_by_copy(engine, guard=True)
    columns = {column["name"] for column in inspect(engine).get_columns("applications")}
    assert "hr_note" in columns
    assert _view_definitions(engine) == definitions
    assert [row["flags"] for row in _rows(engine, "v_applications")] == [""]
    assert [row["filename"] for row in _rows(engine, "v_documents")] == ["CV.pdf", "Letter.pdf"]
    engine.dispose()
