"""``intake erase``: every record of one person leaves the database files; the others stay."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from collections import Counter
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.hr.personal_data import deletion as personal_data
from intake.mailbox.maildir import MaildirMailbox
from intake.poll.cycle import PollReport, poll_once
from intake.poll.progress import Progress
from storage import repository
from storage.audit import DeletionCounts
from storage.database import write_transaction
from storage.erasure import erase_selection
from storage.models import Application, AuditEntry, Document, Message
from storage.records import AcknowledgementRecord
from storage.repository import StoreOutcome
from tests import candidate_files, messages
from tests.cli_runs import config_file, run_intake
from tests.documents import pdf_bytes
from tests.hr_data import Doc, Stored, message_record, store_applications
from tests.poll.test_pipeline import REFUSING_TRIGGERS
from tests.postgres import find_bin_dir

# (not @example.org: that is the organisation's own domain, whose senders get no acknowledgement)
ADDRESS = "Ottilie.Quernbacher@Example.net"
NAME = "Ottilie Quernbacher"
SENTENCE = "I once mapped every lighthouse of the Frisian coast by bicycle."
CV_TEXT = f"{NAME}\nCurriculum vitae\n\n{SENTENCE}\n\nCustoms officer since 2012."
SUBJECT = "Application – Deputy Director, Implementation Support – Ottilie QUERNBACHER"
TRACES = (ADDRESS.lower(), "ottilie", "quernbacher", SENTENCE.lower())
OTHER_SENTENCE = "senior customs adviser, spanish tax agency"  # in the second candidate's CV
STAMP = 1760950000  # 2025-10-20, before the vacancy's deadline


def her_application() -> bytes:
    """Her application: a CV naming her and holding the distinctive sentence, and a letter."""
    return messages.application(
        sender=f"{NAME} <{ADDRESS}>",
        subject=SUBJECT,
        body=f"Dear Sir or Madam,\n\nPlease find my CV and letter attached.\n\n{NAME}",
        attachments=(
            ("CV Ottilie Quernbacher.pdf", "application/pdf", pdf_bytes([CV_TEXT])),
            ("Letter.docx", "application/octet-stream", candidate_files.letter_docx()),
        ),
    )


def her_other_messages() -> list[bytes]:
    """An enquiry, an auto-reply, one the database refuses (quarantined) and a bounce."""
    bounce = messages.bounce().replace(b"x@example.com", ADDRESS.lower().encode())
    return [
        messages.enquiry(sender=f"{NAME} <{ADDRESS}>"),
        messages.auto_reply(sender=ADDRESS),
        messages.application(
            sender=f"{NAME} <{ADDRESS}>", subject="Application REFUSE-ME", attachments=()
        ),
        bounce.replace(b"bounce-1@", b"bounce-her@"),
    ]


def deliver(maildir: Path, raw: bytes, number: int) -> None:
    """Deliver one message into the Maildir as a delivery agent would."""
    (maildir / "new" / f"{STAMP + number}.M{number}P1.mx").write_bytes(raw)


def database_bytes(database_url: str) -> bytes:
    """Everything the database holds, lower-cased: the SQLite file with its -wal and -shm
    files, or a pg_dump of PostgreSQL with its bytea values decoded."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        paths = [Path(url.database + suffix) for suffix in ("", "-wal", "-shm")]
        return b"".join(path.read_bytes() for path in paths if path.exists()).lower()
    dump = postgres_dump(database_url)
    decoded = [bytes.fromhex(hexa.decode()) for hexa in re.findall(rb"\\\\x([0-9a-f]+)", dump)]
    return b"\n".join([dump, *decoded]).lower()


def postgres_dump(database_url: str) -> bytes:
    """``pg_dump`` of the database, from the binaries the PostgreSQL fixture uses."""
    bin_dir = find_bin_dir()
    assert bin_dir is not None
    target = make_url(database_url).set(drivername="postgresql")
    completed = subprocess.run(
        [str(bin_dir / "pg_dump"), "--no-owner", target.render_as_string(hide_password=False)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=True,
    )
    return completed.stdout


def traces_in(haystack: bytes) -> list[str]:
    """Which of her traces ``haystack`` holds."""
    return [trace for trace in TRACES if trace.encode() in haystack]


def checkpoint(runtime: Runtime) -> None:
    """On SQLite, move everything from the -wal file into the database file, as SQLite does on
    its own every thousand pages: the erase must clean the file itself, not only the log."""
    if runtime.engine.dialect.name == "sqlite":
        with runtime.engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            assert driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0


def refuse_marked_subjects(runtime: Runtime) -> None:
    """Make the database refuse one of her messages, so that it is stored quarantined."""
    with runtime.engine.begin() as connection:
        for statement in REFUSING_TRIGGERS[runtime.engine.dialect.name]:
            connection.exec_driver_sql(statement)


def without_zeroing(runtime: Runtime) -> None:
    """SQLite connections that leave deleted content in place, as most SQLite builds do
    (Debian's zeroes it by default): what the erase cleans must not rest on the build."""
    if runtime.engine.dialect.name == "sqlite":
        event.listen(runtime.engine, "connect", _secure_delete_off)
        runtime.engine.dispose()


def _secure_delete_off(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA secure_delete=OFF")


def poll(config: Config, runtime: Runtime) -> PollReport:
    """One poll of the config's Maildir into the runtime's database."""
    assert config.mailbox.path is not None
    mailbox = MaildirMailbox(config.mailbox.path)
    report = poll_once(config, runtime.sessions, mailbox, progress=Progress(live=False))
    assert report.ok, report.error
    return report


def test_after_erase_no_trace_of_her_is_left_the_other_candidate_stays_and_nothing_comes_back(
    database_url: str, config: Config, runtime: Runtime
) -> None:
    assert config.mailbox.path is not None and config.acknowledgements.directory is not None
    maildir, outbox = config.mailbox.path, config.acknowledgements.directory
    without_zeroing(runtime)
    refuse_marked_subjects(runtime)
    application = her_application()
    arrivals = [application, application, *her_other_messages(), messages.application()]
    for number, raw in enumerate(arrivals):
        deliver(maildir, raw, number)
    poll(config, runtime)
    sessions = runtime.sessions
    with sessions() as session:
        dispositions = sorted(session.scalars(select(Message.disposition)))
    assert dispositions == sorted(
        [
            "application",
            "duplicate",
            "enquiry",
            "auto_reply",
            "quarantined",
            "bounce",
            "application",
        ]
    )
    assert len(list(outbox.glob("*.eml"))) == 2
    checkpoint(runtime)
    assert traces_in(database_bytes(database_url)) == list(TRACES)  # the search does find them

    done = personal_data.carry_out(runtime, "erase", "one email address", erasing(ADDRESS))

    assert done.deletion.counts == DeletionCounts(
        messages=6, applications=1, documents=2, acknowledgements=1, files=1
    )
    assert done.deletion.selection.copies == 1
    assert traces_in(database_bytes(database_url)) == []
    (kept_file,) = outbox.glob("*.eml")  # the other candidate's acknowledgement stays
    assert b"maria.fernandez@example.com" in kept_file.read_bytes()
    with sessions() as session:
        erased = list(session.scalars(select(Message).where(Message.disposition == "erased")))
        kept = session.scalars(select(Application)).one()
        kept_text = " ".join(doc.text or "" for doc in kept.documents).lower()
        assert kept.sender == "maria.fernandez@example.com"
        assert kept.message.raw and len(kept.documents) == 2 and kept.acknowledgement is not None
        assert OTHER_SENTENCE in kept_text
    assert len(erased) == 6
    assert all(row.raw == b"" and row.sender is None and row.subject is None for row in erased)

    deliver(maildir, application, 100)  # her application delivered again
    report = poll(config, runtime)
    assert (report.fetched, report.outcomes) == (1, Counter(erased=1))
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 1
        assert session.scalar(select(func.count()).select_from(Message)) == len(arrivals) + 1
        last = session.scalars(select(Message).order_by(Message.id.desc()).limit(1)).one()
        assert (last.disposition, last.raw, last.message_id) == ("erased", b"", None)
    assert traces_in(database_bytes(database_url)) == []


HER = Stored(
    sender=ADDRESS,
    sender_name=NAME,
    candidate_name="Ottilie QUERNBACHER",
    subject=SUBJECT,
    documents=(Doc("CV.pdf", text=CV_TEXT),),
)
OTHER = Stored()  # Maria Fernández, another candidate


def succeeds(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The output of ``intake --config PATH ARGS``, which must exit 0."""
    code, lines, err = run_intake(path, capsys, *args)
    assert code == 0, err
    return "\n".join(lines)


def stored_counts(sessions: sessionmaker[Session]) -> tuple[int, int, int, int]:
    """Applications, documents, erased messages and audit entries stored now."""
    with sessions() as session:
        applications = session.scalar(select(func.count()).select_from(Application))
        documents = session.scalar(select(func.count()).select_from(Document))
        erased = session.scalar(select(func.count()).where(Message.disposition == "erased"))
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
    return applications or 0, documents or 0, erased or 0, audit or 0


def test_erase_without_yes_is_a_dry_run_that_changes_nothing(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_applications(sessions, [HER, HER, OTHER])
    before = stored_counts(sessions)

    path = config_file(tmp_path, database_url)
    out = succeeds(path, capsys, "erase", "--email", ADDRESS)

    assert "dry run: nothing was changed" in out
    assert re.search(r"applications\s+2\b", out) and re.search(r"documents\s+2\b", out)
    assert "--yes" in out
    assert "quernbacher" not in out.lower().replace(ADDRESS.lower(), "")  # only the address
    assert stored_counts(sessions) == before


def test_erase_writes_one_audit_entry_without_personal_data_that_intake_audit_lists(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_applications(sessions, [HER, OTHER])

    path = config_file(tmp_path, database_url)
    out = succeeds(path, capsys, "erase", "--email", ADDRESS.upper(), "--yes")

    assert re.search(r"applications\s+1\b", out)
    assert stored_counts(sessions) == (1, 2, 1, 1)
    with sessions() as session:
        entry = session.scalars(select(AuditEntry)).one()
        row_text = " ".join(str(getattr(entry, c.key)) for c in AuditEntry.__table__.columns)
    assert not [trace for trace in TRACES if trace in row_text.lower()]
    (listed,) = json.loads(succeeds(path, capsys, "audit", "--format", "json"))
    assert {key: listed[key] for key in ("action", "scope", "messages", "applications")} == {
        "action": "erase",
        "scope": "one email address",
        "messages": 1,
        "applications": 1,
    }
    (csv_row,) = csv.DictReader(succeeds(path, capsys, "audit", "--format", "csv").splitlines())
    assert (csv_row["action"], csv_row["documents"], csv_row["files"]) == ("erase", "1", "0")


def test_erase_refuses_what_is_not_one_plain_address_and_our_own_address(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(tmp_path, sqlite_url)
    for typed in ("ottilie", "Ottilie <ottilie@example.org>", "a@b.org, c@d.org", ""):
        code, _lines, err = run_intake(path, capsys, "erase", "--email", typed, "--yes")
        assert code == 2
        assert "--email takes one plain email address" in err
    code, _lines, err = run_intake(path, capsys, "erase", "--email", "Recruitment@example.org")
    assert code == 2
    assert "the organisation's own address" in err


def test_erase_keeps_an_application_linked_by_name_from_another_address_and_names_it(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    (hers,) = store_applications(sessions, [HER])
    (linked,) = store_applications(
        sessions, [replace(HER, sender="o.q@work.example.net", previous_application_id=hers)]
    )

    path = config_file(tmp_path, database_url)
    out = succeeds(path, capsys, "erase", "--email", ADDRESS, "--yes")

    assert f"kept: application(s) {linked}," in out
    with sessions() as session:
        kept = session.get_one(Application, linked)
        assert (kept.sender, kept.previous_application_id) == ("o.q@work.example.net", None)
        assert session.get(Application, hers) is None


def test_erase_takes_an_application_from_another_account_acknowledged_to_her_address(
    sessions: sessionmaker[Session], runtime: Runtime
) -> None:
    record = message_record(replace(HER, sender="assistant@agency.example.com"))
    assert record.application is not None
    to_her = AcknowledgementRecord(status="sent", recipient=ADDRESS.lower())
    with write_transaction(sessions) as session:
        repository.store_message(
            session,
            replace(record, application=replace(record.application, acknowledgement=to_her)),
        )
    store_applications(sessions, [OTHER])

    done = personal_data.carry_out(runtime, "erase", "test", erasing(ADDRESS))

    assert (done.deletion.counts.applications, done.deletion.counts.acknowledgements) == (1, 1)
    with sessions() as session:
        assert session.scalars(select(Application.sender)).all() == [OTHER.sender]


def test_a_copy_of_an_erased_message_is_stored_as_an_empty_tombstone_wherever_it_comes_from(
    sessions: sessionmaker[Session], runtime: Runtime
) -> None:
    record = message_record(HER)
    with write_transaction(sessions) as session:
        repository.store_message(session, record)
    personal_data.carry_out(runtime, "erase", "test", erasing(ADDRESS))
    key = record.key
    redelivered = replace(record, key=replace(key, uid=key.uid + "-again"))
    new_folder_validity = replace(record, key=replace(key, uidvalidity=key.uidvalidity + 1))

    with write_transaction(sessions) as session:
        assert repository.has_copy(session, record.message_id, record.content_hash)
        results = [repository.store_message(session, r) for r in (redelivered, new_folder_validity)]
        again = repository.store_message(session, record)

    assert [result.outcome for result in results] == [StoreOutcome.ERASED, StoreOutcome.ERASED]
    assert again.outcome is StoreOutcome.ALREADY_STORED
    with sessions() as session:
        rows = session.execute(select(Message.disposition, Message.raw, Message.sender)).all()
        assert session.scalar(select(func.count()).select_from(Application)) == 0
    assert [tuple(row) for row in rows] == [("erased", b"", None)] * 3


def erasing(address: str) -> personal_data.Selector:
    """The selector of an erase of ``address``."""
    return partial(erase_selection, address=address.lower())
