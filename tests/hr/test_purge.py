"""``intake purge``: a vacancy's old applications go, after a dry run that changes nothing."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.acks.sender import send_due
from intake.config.settings import Config
from storage import repository
from storage.database import write_transaction
from storage.models import Application, AuditEntry, Document, Message, utcnow
from tests.cli_runs import config_file, run_intake
from tests.hr.test_erase import succeeds
from tests.hr_data import Stored, message_record, store_applications

REF = "WCO/2025/DD-IS"
OTHER_REF = "WCO/2025/HU-NA"
NOW = utcnow()
OLD = Stored(sender="old.one@example.com", received_at=NOW - timedelta(days=400))
OLDER = Stored(sender="older.one@example.com", received_at=NOW - timedelta(days=500))
RECENT = Stored(sender="recent.one@example.com", received_at=NOW - timedelta(days=5))
OLD_OTHER_VACANCY = replace(OLD, sender="other.vacancy@example.com", vacancy=OTHER_REF)


PURGE = ("purge", "--vacancy", REF, "--older-than", "30")


def senders(sessions: sessionmaker[Session]) -> list[str]:
    """The senders of the stored applications, sorted."""
    with sessions() as session:
        return sorted(sender or "" for sender in session.scalars(select(Application.sender)))


def test_purge_without_yes_says_what_it_would_delete_or_that_nothing_matches_and_changes_nothing(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_applications(sessions, [OLD, OLDER, RECENT, OLD_OTHER_VACANCY])

    path = config_file(tmp_path, database_url)
    out = succeeds(path, capsys, *PURGE)

    assert "dry run: nothing was changed" in out
    assert re.search(r"applications\s+2\b", out) and re.search(r"documents\s+4\b", out)
    received = re.search(r"received from (\S+) to (\S+)", out)
    assert received is not None
    assert received.groups() == (
        OLDER.received_at.isoformat().replace("+00:00", "Z"),
        OLD.received_at.isoformat().replace("+00:00", "Z"),
    )
    assert f"(of 3 applications for {REF})" in out
    assert "run the same command again with --yes" in out
    mistyped = succeeds(path, capsys, "purge", "--vacancy", "WCO/2025/DD-IZ", "--older-than", "0")
    assert "no application names the vacancy WCO/2025/DD-IZ" in mistyped
    assert mistyped.endswith("nothing to delete")
    assert len(senders(sessions)) == 4
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
        assert session.scalar(select(func.count()).where(Message.disposition == "erased")) == 0


def test_purge_deletes_only_the_vacancys_old_applications_their_copies_and_their_files(
    tmp_path: Path,
    database_url: str,
    config: Config,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    old_record = message_record(OLD)
    with write_transaction(sessions) as session:
        repository.store_message(session, old_record)
        copy_key = replace(old_record.key, uid=old_record.key.uid + "-copy")
        copy = repository.store_message(session, replace(old_record, key=copy_key))
    store_applications(sessions, [OLDER, RECENT, OLD_OTHER_VACANCY])
    assert send_due(config, sessions).sent == 4
    outbox = config.acknowledgements.directory
    assert outbox is not None

    out = succeeds(config_file(tmp_path, database_url), capsys, *PURGE, "--yes")

    assert re.search(r"messages\s+3 \(1 of them duplicate copies\)", out)
    assert senders(sessions) == [OLD_OTHER_VACANCY.sender, RECENT.sender]
    kept_files = b"".join(path.read_bytes() for path in outbox.glob("*.eml"))
    assert len(list(outbox.glob("*.eml"))) == 2
    assert b"old.one@" not in kept_files and b"older.one@" not in kept_files
    with sessions() as session:
        assert session.get_one(Message, copy.message_pk).disposition == "erased"
        assert session.scalar(select(func.count()).select_from(Document)) == 4
        erased = session.scalars(select(Message).where(Message.disposition == "erased")).all()
        entry = session.scalars(select(AuditEntry)).one()
    assert [(row.raw, row.sender, row.subject) for row in erased] == [(b"", None, None)] * 3
    counts = (entry.messages, entry.applications, entry.documents, entry.acknowledgements)
    assert (entry.action, counts, entry.files) == ("purge", (3, 2, 4, 2), 2)
    assert re.fullmatch(rf"{REF} before \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.scope)
    assert "@" not in entry.scope


def test_purge_refuses_a_negative_number_of_days(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(tmp_path, sqlite_url)
    code, _lines, err = run_intake(path, capsys, "purge", "--vacancy", REF, "--older-than", "-1")
    assert code == 2
    assert "--older-than takes a number of days from 0" in err


def test_intake_audit_lists_purges_and_erasures_oldest_first(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_applications(sessions, [OLD, RECENT])
    path = config_file(tmp_path, database_url)
    succeeds(path, capsys, *PURGE, "--yes")
    succeeds(path, capsys, "erase", "--email", RECENT.sender, "--yes")

    listed = json.loads(succeeds(path, capsys, "audit", "--format", "json"))
    table = succeeds(path, capsys, "audit")

    assert [(entry["action"], entry["applications"]) for entry in listed] == [
        ("purge", 1),
        ("erase", 1),
    ]
    assert listed[1]["scope"] == "one email address"
    assert "recent.one" not in json.dumps(listed) + table
    assert "(2 rows)" in table
