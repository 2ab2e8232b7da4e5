"""A poll killed between messages' commit and their mailbox mark: the next poll marks them,
once, without reading them again. A poll marks stored messages a batch at a time
(``intake.poll.mark_batch``), so a kill before a batch's mark leaves the whole batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.poll.mark_batch import MARK_BATCH
from intake.poll.mark_sweep import MarkSweep
from storage.database import create_database_engine, session_factory
from storage.migrate import upgrade_to_head
from storage.models import Message
from tests import messages
from tests.configs import write_config_file
from tests.dovecot import DovecotServer
from tests.processes import REPO, run_intake

PASSWORD_ENV = {"INTAKE_IMAP_PASSWORD": "secret"}
FIRST = datetime(2025, 10, 20, 9, 0, tzinfo=UTC)
#: One batch marked, then a kill before the second batch (the rest) is marked.
DELIVERED = MARK_BATCH + 4
FIRST_UNMARKED = MARK_BATCH + 1


def imap_config_file(
    tmp_path: Path, database_url: str, dovecot: DovecotServer, **mailbox: Any
) -> Path:
    overrides = {"mailbox": dovecot.mailbox_section(**mailbox), "acknowledgements": {}}
    return write_config_file(tmp_path, database_url, overrides)


def deliver(dovecot: DovecotServer, count: int) -> None:
    for index in range(count):
        raw = messages.application(
            sender=f"Candidate {index} <candidate{index}@example.com>", attachments=()
        )
        dovecot.append(raw, FIRST + timedelta(minutes=index))


def poll_killed_at_mark(config_file: Path, fatal_mark: int) -> None:
    """One poll in its own process, killed with SIGKILL just before its N-th mailbox mark."""
    died = subprocess.run(
        [sys.executable, "-m", "tests.crash_points", str(config_file), str(fatal_mark)],
        cwd=REPO,
        env={**os.environ, **PASSWORD_ENV},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert died.returncode == -signal.SIGKILL, died.stderr


def poll_again(config_file: Path) -> str:
    """``intake poll`` to its end; its summary line."""
    result = run_intake("--config", str(config_file), "poll", env=PASSWORD_ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def file_sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = create_database_engine(database_url)
    upgrade_to_head(engine)
    yield session_factory(engine)
    engine.dispose()


def stored(sessions: sessionmaker[Session]) -> list[tuple[str, bool]]:
    """(uid, marked) of every stored message, in UID order."""
    with sessions() as session:
        rows = session.execute(select(Message.uid, Message.marked_at).order_by(Message.id))
        return [(uid, marked_at is not None) for uid, marked_at in rows]


def test_killed_between_commit_and_keyword_the_next_poll_sets_the_keyword_without_rereading(
    tmp_path: Path,
    database_url: str,
    dovecot: DovecotServer,
    file_sessions: sessionmaker[Session],
) -> None:
    config_file = imap_config_file(tmp_path, database_url, dovecot)
    deliver(dovecot, DELIVERED)
    poll_killed_at_mark(config_file, FIRST_UNMARKED)
    assert stored(file_sessions) == [
        (str(uid), uid < FIRST_UNMARKED) for uid in range(1, DELIVERED + 1)
    ]
    assert "$IntakeDone" in dovecot.flags(MARK_BATCH)
    assert "$IntakeDone" not in dovecot.flags(FIRST_UNMARKED)
    summary = poll_again(config_file)
    assert "0 fetched" in summary  # the unmarked ones are stored: not read again
    assert stored(file_sessions) == [(str(uid), True) for uid in range(1, DELIVERED + 1)]
    assert all("$IntakeDone" in dovecot.flags(uid) for uid in dovecot.uids())


def test_killed_before_the_move_the_next_poll_moves_the_stored_messages(
    tmp_path: Path,
    database_url: str,
    dovecot: DovecotServer,
    file_sessions: sessionmaker[Session],
) -> None:
    config_file = imap_config_file(
        tmp_path, database_url, dovecot, done_keyword="", processed_folder="Processed"
    )
    deliver(dovecot, DELIVERED)
    poll_killed_at_mark(config_file, FIRST_UNMARKED)
    assert dovecot.uids() == list(range(FIRST_UNMARKED, DELIVERED + 1))
    summary = poll_again(config_file)
    assert "0 fetched" in summary
    assert dovecot.uids() == []
    assert len(dovecot.uids("Processed")) == DELIVERED
    assert [marked for _, marked in stored(file_sessions)] == [True] * DELIVERED


def test_killed_between_commit_and_mark_on_a_maildir_the_next_poll_records_it_as_done(
    tmp_path: Path, database_url: str, file_sessions: sessionmaker[Session]
) -> None:
    config_file = write_config_file(tmp_path, database_url, {"acknowledgements": {}})
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    for index in range(DELIVERED):
        name = f"{1760950000 + index}.M{index}P1.host"
        raw = messages.application(sender=f"c{index}@example.com", attachments=())
        (tmp_path / "Maildir" / "new" / name).write_bytes(raw)
    poll_killed_at_mark(config_file, FIRST_UNMARKED)
    assert [marked for _, marked in stored(file_sessions)] == [
        index < MARK_BATCH for index in range(DELIVERED)
    ]
    assert "0 fetched" in poll_again(config_file)
    assert [marked for _, marked in stored(file_sessions)] == [True] * DELIVERED


def test_finding_unmarked_messages_reads_the_partial_index_not_the_table(
    database_url: str,
) -> None:
    engine = create_database_engine(database_url)
    upgrade_to_head(engine)
    query = "SELECT id FROM messages WHERE mailbox = 'm' AND folder = 'f' AND marked_at IS NULL"
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            plan = str(connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}").all())
        else:  # an empty table is read whole unless sequential scans are ruled out
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = str(connection.exec_driver_sql(f"EXPLAIN {query}").all())
    assert "ix_messages_unmarked" in plan
    engine.dispose()


def take_keyword_off(dovecot: DovecotServer, uids: list[int]) -> None:
    with dovecot.client() as client:
        client.select_folder("INBOX")
        client.remove_flags(uids, ["$IntakeDone"])


def test_a_done_keyword_taken_off_by_hand_is_set_again_by_the_next_poll_without_rereading(
    tmp_path: Path,
    database_url: str,
    dovecot: DovecotServer,
    file_sessions: sessionmaker[Session],
) -> None:
    config_file = imap_config_file(tmp_path, database_url, dovecot)
    deliver(dovecot, 4)
    assert "4 fetched" in poll_again(config_file)
    take_keyword_off(dovecot, [2, 4])
    assert "0 fetched" in poll_again(config_file)
    assert stored(file_sessions) == [(str(uid), True) for uid in range(1, 5)]
    assert all("$IntakeDone" in dovecot.flags(uid) for uid in dovecot.uids())


def test_the_daemon_sweeps_for_lost_marks_on_its_first_poll_then_once_an_hour() -> None:
    now = [1000.0]
    sweep = MarkSweep(clock=lambda: now[0])
    answers = [sweep.due()]
    for step in (60.0, 3000.0, 600.0, 60.0):
        now[0] += step
        answers.append(sweep.due())
    assert answers == [True, False, False, True, False]
