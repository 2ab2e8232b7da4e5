"""The read-only Maildir mailbox, and the shipped sample mailbox through the whole CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.hr.views import APPLICATION_COLUMNS, application_dicts
from intake.mailbox.ledger import DatabaseLedger
from intake.mailbox.maildir import MaildirMailbox
from intake.output import write_rows
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from tests import messages, processes

REPO = Path(__file__).resolve().parents[2]


def deliver(maildir: Path, name: str, raw: bytes, sub: str = "new") -> Path:
    path = maildir / sub / name
    path.write_bytes(raw)
    return path


def test_delivery_time_comes_from_the_unique_name(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    assert config.mailbox.path is not None
    deliver(config.mailbox.path, "1761552877.M3P1.host", messages.application())
    mailbox = MaildirMailbox(config.mailbox.path)
    (raw,) = list(mailbox.fetch_new(DatabaseLedger(sessions)))
    assert raw.received_at == datetime(2025, 10, 27, 8, 14, 37, tzinfo=UTC)
    assert raw.uid == "1761552877.M3P1.host"


def test_delivery_time_falls_back_to_the_file_time(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    assert config.mailbox.path is not None
    path = deliver(config.mailbox.path, "unusual-name", messages.application())
    os.utime(path, (1_700_000_000, 1_700_000_000))
    (raw,) = list(MaildirMailbox(config.mailbox.path).fetch_new(DatabaseLedger(sessions)))
    assert raw.received_at == datetime.fromtimestamp(1_700_000_000, UTC)


def test_maildir_poll_is_read_only_and_idempotent_through_the_database(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    assert config.mailbox.path is not None
    root = config.mailbox.path
    deliver(root, "1760000000.A.host", messages.application())
    deliver(root, "1760000001.B.host:2,S", messages.auto_reply(), sub="cur")
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    mailbox = MaildirMailbox(root)
    first = poll_once(config, sessions, mailbox, progress=Progress(live=False))
    second = poll_once(config, sessions, mailbox, progress=Progress(live=False))
    assert first.dispositions == Counter(application=1, auto_reply=1)
    assert second.fetched == 0
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*")) == before


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """The shipped config.toml and sample Maildir, copied so the test writes only in tmp."""
    shutil.copytree(REPO / "examples" / "mailbox", tmp_path / "examples" / "mailbox")
    shutil.copy(REPO / "examples" / "staff.csv", tmp_path / "examples" / "staff.csv")
    shutil.copy(REPO / "config.toml", tmp_path / "config.toml")
    return tmp_path / "config.toml"


def run_intake(config_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m intake ARGS`` with INTAKE_CONFIG pointing at ``config_file``."""
    return processes.run_intake(*args, env={"INTAKE_CONFIG": str(config_file)})


def test_sample_mailbox_runs_through_the_cli_as_shipped(shipped_copy: Path) -> None:
    poll = run_intake(shipped_copy, "poll")
    assert poll.returncode == 0, poll.stderr
    listing = run_intake(shipped_copy, "messages", "--format", "json")
    dispositions = Counter(row["disposition"] for row in json.loads(listing.stdout))
    assert dispositions["application"] >= 7
    assert dispositions["auto_reply"] == 1
    assert dispositions["bounce"] == 1
    assert dispositions["enquiry"] == 1
    assert dispositions["bulk"] == 1
    applications = run_intake(shipped_copy, "applications", "--format", "json")
    rows = json.loads(applications.stdout)
    assert all(row["received_at"].endswith("Z") for row in rows)
    assert any(len(row["documents"]) >= 2 for row in rows)
    status = run_intake(shipped_copy, "status")
    assert status.returncode == 0, status.stdout


def test_sample_applications_in_json_carry_name_vacancy_documents_and_flags(
    shipped_copy: Path,
) -> None:
    assert run_intake(shipped_copy, "poll").returncode == 0
    listing = run_intake(shipped_copy, "applications", "--format", "json")
    rows = {row["sender"]: row for row in json.loads(listing.stdout)}
    complete = rows["maria.fernandez.ruiz@example.com"]
    assert complete["candidate_name"] == "Maria FERNÁNDEZ RUIZ"
    assert (complete["vacancy"], complete["subject_valid"]) == ("WCO/2025/DD-IS", True)
    assert [(d["kind"], d["status"], d["language"]) for d in complete["documents"]] == [
        ("cv", "ok", "en"),
        ("motivation_letter", "ok", "en"),
    ]
    assert complete["flags"] == ["relative_declared"]
    assert (complete["relatives"], complete["relatives_relation"]) == ("declared", "brother")
    french = rows["elodie.marchand@example.net"]
    assert (french["vacancy"], french["candidate_name"]) == ("WCO/2025/DD-IS", "Élodie MARCHAND")
    assert {d["language"] for d in french["documents"]} == {"fr"}
    bare_subject = rows["kwame.mensah@example.net"]
    assert (bare_subject["subject"], bare_subject["candidate_name"]) == ("CV", None)
    assert bare_subject["subject_valid"] is False
    assert {"subject_invalid", "name_missing"} <= set(bare_subject["flags"])
    assert rows["rahul.mehta@example.net"]["flags"] == ["letter_in_body"]
    assert "possible_relative" in bare_subject["flags"]  # Kwame Mensah is on the staff list
    assert rows["jonas.lindqvist@example.com"]["late"] is True
    assert french["late"] is False  # 23:41 CET on the night the clocks went back


def test_sample_letter_sent_a_day_after_the_cv_completes_the_application(
    shipped_copy: Path,
) -> None:
    assert run_intake(shipped_copy, "poll").returncode == 0
    listing = run_intake(shipped_copy, "applications", "--format", "json")
    cv, letter = [
        r for r in json.loads(listing.stdout) if r["sender"] == "anna.kowalska@example.com"
    ]
    assert cv["flags"] == ["letter_missing"]
    assert cv["superseded_by"] == letter["id"]
    assert letter["flags"] == ["resubmission"]
    assert letter["previous_application"] == cv["id"]


@pytest.mark.parametrize(
    ("fmt", "header"),
    [
        ("table", ["id", "received_at", "sender", "subject", "disposition"]),
        ("csv", ["id", "message_id", "received_at", "sender", "subject", "disposition", "error"]),
    ],
)
def test_message_listing_writes_a_header_and_one_row_per_message(
    shipped_copy: Path, fmt: str, header: list[str]
) -> None:
    assert run_intake(shipped_copy, "poll").returncode == 0
    lines = run_intake(shipped_copy, "messages", "--format", fmt).stdout.splitlines()
    assert lines[0].split("," if fmt == "csv" else None) == header
    body = lines[2:-1] if fmt == "table" else lines[1:]
    assert len(body) == 12  # the sample Maildir holds twelve messages


def test_reading_a_database_that_was_never_set_up_says_how_to_fix_it(
    shipped_copy: Path,
) -> None:
    listing = run_intake(shipped_copy, "applications")
    assert listing.returncode == 1
    assert "run 'intake db upgrade'" in listing.stderr
    assert "Traceback" not in listing.stderr
    status = run_intake(shipped_copy, "status")
    assert status.returncode == 1
    assert "Traceback" not in status.stderr


def test_database_folder_that_cannot_be_created_is_one_line(shipped_copy: Path) -> None:
    text = shipped_copy.read_text(encoding="utf-8")
    blocker = shipped_copy.parent / "blocker"
    blocker.write_text("a file where a folder should be")
    text = text.replace('url = "sqlite:///var/intake.db"', 'url = "sqlite:///blocker/sub/x.db"')
    shipped_copy.write_text(text, encoding="utf-8")
    poll = run_intake(shipped_copy, "poll")
    assert poll.returncode == 1
    assert "cannot create the database folder" in poll.stderr
    assert "Traceback" not in poll.stderr


def test_csv_export_defuses_spreadsheet_formulas(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    assert config.mailbox.path is not None
    hostile = messages.application(subject='=HYPERLINK("http://x.example","click")')
    deliver(config.mailbox.path, "1760000000.F.host", hostile)
    poll_once(config, sessions, MaildirMailbox(config.mailbox.path), progress=Progress(live=False))
    buffer = io.StringIO()
    with sessions() as session:
        write_rows(application_dicts(session), APPLICATION_COLUMNS, "csv", buffer)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["subject"] == '\'=HYPERLINK("http://x.example","click")'


def test_status_says_which_ocr_language_is_missing_and_stays_healthy(
    shipped_copy: Path,
) -> None:
    text = shipped_copy.read_text(encoding="utf-8")
    shipped_copy.write_text(
        text.replace('ocr_languages = ["eng", "fra"]', 'ocr_languages = ["eng", "xqz"]'),
        encoding="utf-8",
    )
    assert run_intake(shipped_copy, "poll").returncode == 0
    status = run_intake(shipped_copy, "status")
    assert status.returncode == 0, status.stdout
    assert "ocr: not working: Tesseract lacks the languages xqz" in status.stdout
    assert "install tesseract-ocr-xqz" in status.stdout
