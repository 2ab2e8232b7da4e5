"""``intake quarantine list`` and ``retry``: a message that failed for a passing cause is read
again through the poll's analysis; one that still fails stays quarantined with its error."""

from __future__ import annotations

import csv
import io
import itertools
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.acks.sender import send_due
from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.mailbox.base import RawMessage
from intake.poll.analysis import Analyser, MailboxProblem, quarantined
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from intake.reprocess.quarantine import retry_lines, retry_quarantined
from storage import repository
from storage.database import write_transaction
from storage.models import Acknowledgement, Application, Message, utcnow
from tests import messages
from tests.cli_runs import config_file, run_intake
from tests.configs import make_config
from tests.poll.test_pipeline import REFUSING_TRIGGERS
from tests.polling import poll_arrivals

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
RECEIVED_TEXT = "2025-10-20T08:00:00Z"
DROP_REFUSAL = {
    "sqlite": "DROP TRIGGER refuse_marked",
    "postgresql": "ALTER TABLE applications DROP CONSTRAINT refuse_marked",
}
_UIDS = itertools.count(1)


def store_quarantined(sessions: sessionmaker[Session], raw: bytes, error: Exception) -> int:
    """Store ``raw`` as the pipeline stores a message it could not read; its message id."""
    arrival = RawMessage("test://mailbox", "INBOX", 1, str(next(_UIDS)), RECEIVED, raw)
    try:
        raise error
    except Exception as raised:  # raised, so that the stored error carries its traceback
        record = quarantined(arrival, raised)
    with write_transaction(sessions) as session:
        return repository.store_message(session, record).message_pk


def message(sessions: sessionmaker[Session], message_pk: int) -> Message:
    with sessions() as session:
        row = session.get_one(Message, message_pk)
        if row.application is not None:
            _ = row.application.documents, row.application.flags, row.application.acknowledgement
        return row


def quarantined_ids(sessions: sessionmaker[Session]) -> list[int]:
    with sessions() as session:
        query = select(Message.id).where(Message.disposition == "quarantined")
        return list(session.scalars(query.order_by(Message.id)))


def outbox_files(config: Config) -> list[str]:
    folder = config.acknowledgements.directory
    assert folder is not None
    return sorted(path.name for path in folder.glob("*.eml"))


def inline_analyser(config: Config) -> Analyser:
    return Analyser(config, InlineExtractor(extraction_limits(config)))


def test_a_message_the_database_refused_becomes_an_application_when_retried(
    tmp_path: Path,
    database_url: str,
    config: Config,
    runtime: Runtime,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialect, sessions = runtime.engine.dialect.name, runtime.sessions
    with runtime.engine.begin() as connection:
        for statement in REFUSING_TRIGGERS[dialect]:
            connection.exec_driver_sql(statement)
    refused = messages.application(subject="Application REFUSE-ME Deputy Director, Maria FERNÁNDEZ")
    jean = messages.application(
        sender="Jean Dupont <jean.dupont@example.fr>",  # not our own domain example.org
        subject="Application – Deputy Director, Implementation Support – Jean DUPONT",
    )
    poll_arrivals(config, sessions, [(refused, RECEIVED), (jean, RECEIVED)])
    (pk,) = quarantined_ids(sessions)
    assert len(outbox_files(config)) == 1
    path = config_file(tmp_path, database_url)

    monkeypatch.setenv("COLUMNS", "160")  # wide enough for the whole address and error
    code, lines, _err = run_intake(path, capsys, "quarantine", "list")
    assert code == 0
    assert lines[2].split()[:3] == [str(pk), RECEIVED_TEXT, "maria.fernandez@example.com"]
    assert "RecordRefused: integrity error" in lines[2]
    assert lines[-1] == "(1 row)"

    code, lines, err = run_intake(path, capsys, "quarantine", "retry", str(pk))
    assert (code, lines) == (1, [])
    assert err.startswith(f"intake: error: message {pk} is still quarantined: RecordRefused: ")
    still = message(sessions, pk)
    assert (still.disposition, still.application) == ("quarantined", None)
    assert (still.error or "").startswith("RecordRefused: ")

    with runtime.engine.begin() as connection:
        connection.exec_driver_sql(DROP_REFUSAL[dialect])
    code, lines, _err = run_intake(path, capsys, "quarantine", "retry", str(pk))
    settled = message(sessions, pk)
    application = settled.application
    assert application is not None
    assert code == 0
    assert lines == [
        f"message {pk}: quarantined → application {application.id} (vacancy WCO/2025/DD-IS; "
        "flags: none)",
        "acknowledgement pending: the next poll or the daemon sends it (nothing sent now)",
    ]
    assert (settled.disposition, settled.error) == ("application", None)
    assert (settled.sender, settled.subject) == ("maria.fernandez@example.com", application.subject)
    assert [doc.kind for doc in application.documents] == ["cv", "motivation_letter"]
    assert application.acknowledgement is not None
    assert application.acknowledgement.status == "pending"
    assert len(outbox_files(config)) == 1, "the retry itself sends nothing"
    send_due(config, sessions)
    assert len(outbox_files(config)) == 2

    assert run_intake(path, capsys, "quarantine", "list")[1][-1] == "(0 rows)"
    code, _lines, err = run_intake(path, capsys, "quarantine", "retry", str(pk))
    assert code == 2
    assert f"message {pk} is application, not quarantined" in err


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_old_message_retried_gets_an_acknowledgement_the_next_drain_suppresses(
    tmp_path: Path, database_url: str, sessions: sessionmaker[Session]
) -> None:
    acknowledgements = make_config(tmp_path, database_url).acknowledgements
    config = make_config(
        tmp_path,
        database_url,
        overrides={
            "acknowledgements": {
                "transport": "file",
                "sender": acknowledgements.sender,
                "directory": str(acknowledgements.directory),
                "max_age_days": 7,
            }
        },
    )
    problem = MailboxProblem("server gave no usable INTERNALDATE for UID 1: None")
    pk = store_quarantined(sessions, messages.application(date=RECEIVED), problem)

    retried = retry_quarantined(inline_analyser(config), sessions, pk)
    lines = retry_lines(retried, config, utcnow())
    assert lines[0].startswith(f"message {pk}: quarantined → application {retried.application_id}")
    assert "over acknowledgements.max_age_days (7): the next poll suppresses it" in lines[1]
    assert lines[2] == (
        "note: the mailbox gave no receipt time for this message; the time stored is when it "
        "was fetched"
    )
    send_due(config, sessions)
    with sessions() as session:
        ack = session.scalars(select(Acknowledgement)).one()
    assert ack.status == "suppressed"
    assert (ack.reason or "").startswith("too old")
    assert outbox_files(config) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_retried_enquiry_becomes_an_enquiry_with_no_application(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    pk = store_quarantined(sessions, messages.enquiry(), ValueError("a passing fault"))
    retried = retry_quarantined(inline_analyser(config), sessions, pk)
    assert retry_lines(retried, config, utcnow()) == [
        f"message {pk}: quarantined → enquiry (question_without_application)"
    ]
    settled = message(sessions, pk)
    assert (settled.disposition, settled.error, settled.application) == ("enquiry", None, None)
    assert settled.sender == "curious.candidate@example.com"
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 0


def test_a_later_application_of_the_candidate_is_pointed_out_after_a_retry(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    later = datetime(2025, 10, 21, 8, 0, tzinfo=UTC)
    poll_arrivals(config, sessions, [(messages.application(date=later), later)])
    pk = store_quarantined(sessions, messages.application(), ValueError("a passing fault"))
    retried = retry_quarantined(inline_analyser(config), sessions, pk)
    assert retried.later_applications == 1
    assert retry_lines(retried, config, utcnow())[-1] == (
        "note: 1 later application(s) of the same candidate to WCO/2025/DD-IS were judged "
        "without this one; `intake reprocess --vacancy WCO/2025/DD-IS` brings their "
        "resubmission links up to date"
    )


def test_the_list_shows_the_first_line_of_each_error_and_json_and_csv_the_whole(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readable = store_quarantined(sessions, messages.enquiry(), ValueError("first\nsecond"))
    unreadable = store_quarantined(sessions, b" ", RuntimeError("no headers at all"))
    path = config_file(tmp_path, database_url)

    monkeypatch.setenv("COLUMNS", "160")  # wide enough for the whole address and error
    code, lines, _err = run_intake(path, capsys, "quarantine", "list", "--format", "table")
    assert code == 0
    assert lines[0].split() == ["id", "received_at", "sender", "subject", "error"]
    assert lines[2].split()[:3] == [
        str(readable),
        "2025-10-20T08:00:00Z",
        "curious.candidate@example.com",
    ]
    assert lines[2].endswith("ValueError: first")
    assert lines[3].split() == [
        str(unreadable),
        "2025-10-20T08:00:00Z",
        "RuntimeError:",
        "no",
        "headers",
        "at",
        "all",
    ]

    code, lines, _err = run_intake(path, capsys, "quarantine", "list", "--format", "json")
    listed = json.loads("\n".join(lines))
    assert [row["id"] for row in listed] == [readable, unreadable]
    assert listed[0]["subject"] == "Question about the Head of Unit vacancy"
    assert listed[0]["error"].startswith("ValueError: first\nsecond\n\nTraceback")
    assert listed[1]["sender"] is None

    code, lines, _err = run_intake(path, capsys, "quarantine", "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    assert [row["id"] for row in rows] == [str(readable), str(unreadable)]
    assert "Traceback" in rows[1]["error"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_retrying_an_unknown_message_is_refused(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines, err = run_intake(
        config_file(tmp_path, database_url), capsys, "quarantine", "retry", "99"
    )
    assert (code, lines, err) == (2, [], "intake: no message 99\n")
