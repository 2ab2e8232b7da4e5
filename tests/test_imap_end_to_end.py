"""The whole service against a real Dovecot and real databases: nothing lost, nothing twice."""

from __future__ import annotations

import dataclasses
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config import Config
from intake.mailbox.imap import ImapMailbox
from intake.poller import PollReport, poll_once
from intake.progress import Progress
from storage.database import create_database_engine, session_factory
from storage.migrate import upgrade_to_head
from storage.models import Message
from tests import messages
from tests.configs import write_config_file
from tests.dovecot import DovecotServer
from tests.processes import start_intake

REPO = Path(__file__).resolve().parent.parent
FIRST_RECEIPT = datetime(2025, 10, 1, 9, 0, tzinfo=UTC)


def sample_messages(count: int) -> list[bytes]:
    """A realistic mix: mostly applications, some auto-replies, bounces, lists and questions."""
    kinds: list[Callable[[int], bytes]] = [
        lambda i: messages.application(
            sender=f"Candidate {i} <candidate{i}@example.com>",
            message_id=f"<application-{i}@example.com>",
        ),
        lambda i: messages.auto_reply(sender=f"away{i}@example.net"),
        lambda i: messages.bulk(sender=f"list{i}@example.net"),
        lambda i: messages.enquiry(sender=f"asker{i}@example.com"),
    ]
    result = []
    for index in range(count):
        kind = kinds[0] if index % 5 else kinds[1 + (index // 5) % 3]
        result.append(kind(index))
    return result


def append_all(server: DovecotServer, raws: list[bytes], folder: str = "INBOX") -> None:
    """Append many messages over one connection, one minute apart."""
    with server.client() as client:
        for index, raw in enumerate(raws):
            client.append(folder, raw, msg_time=FIRST_RECEIPT + timedelta(minutes=index))


@pytest.fixture
def imap_config(config: Config, dovecot: DovecotServer) -> Config:
    return dataclasses.replace(config, mailbox=dovecot.mailbox_config(batch_size=25))


def poll(config: Config, sessions: sessionmaker[Session]) -> tuple[PollReport, ImapMailbox]:
    mailbox = ImapMailbox(config.mailbox)
    try:
        report = poll_once(config, sessions, mailbox, progress=Progress(live=False))
    finally:
        mailbox.close()
    assert report.ok, report.error
    return report, mailbox


def stored_keys(sessions: sessionmaker[Session]) -> list[tuple[int, str]]:
    with sessions() as session:
        return list(session.execute(select(Message.uidvalidity, Message.uid)))


def test_200_messages_one_poll_200_rows_and_a_second_poll_stores_nothing(
    imap_config: Config, sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    append_all(dovecot, sample_messages(200))
    report, _ = poll(imap_config, sessions)
    assert report.fetched == 200
    keys = stored_keys(sessions)
    assert len(keys) == len(set(keys)) == 200
    with sessions() as session:
        counts = Counter(session.scalars(select(Message.disposition)))
    assert counts == Counter(application=160, auto_reply=14, bulk=13, enquiry=13)
    again, mailbox = poll(imap_config, sessions)
    assert again.fetched == 0
    assert mailbox.stats.bodies_fetched == 0
    assert len(stored_keys(sessions)) == 200


def test_received_at_is_the_server_internaldate(
    imap_config: Config, sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    append_all(dovecot, sample_messages(3))
    poll(imap_config, sessions)
    with sessions() as session:
        times = list(session.scalars(select(Message.received_at).order_by(Message.id)))
    assert times == [FIRST_RECEIPT + timedelta(minutes=i) for i in range(3)]


def test_same_message_appended_twice_is_one_application_and_one_duplicate(
    imap_config: Config, sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    raw = messages.application(message_id="<twice@example.com>")
    append_all(dovecot, [raw, raw])
    poll(imap_config, sessions)
    with sessions() as session:
        counts = Counter(session.scalars(select(Message.disposition)))
    assert counts == Counter(application=1, duplicate=1)


def test_folder_recreated_with_a_new_uidvalidity_gives_no_duplicates(
    imap_config: Config, sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    raws = sample_messages(30)
    append_all(dovecot, raws)
    poll(imap_config, sessions)
    old_validity = dovecot.uidvalidity()
    dovecot.delete_and_recreate("INBOX")
    append_all(dovecot, raws)
    assert dovecot.uidvalidity() != old_validity
    report, _ = poll(imap_config, sessions)
    assert report.fetched == 30
    keys = stored_keys(sessions)
    assert len(keys) == 30
    assert {validity for validity, _ in keys} == {dovecot.uidvalidity()}


def test_messages_are_marked_done_with_the_keyword(
    imap_config: Config, sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    append_all(dovecot, sample_messages(3))
    poll(imap_config, sessions)
    assert all("$IntakeDone" in dovecot.flags(uid) for uid in dovecot.uids())


def intake_process(config_file: Path, *args: str, tz: str = "UTC") -> subprocess.Popen[str]:
    env = {"INTAKE_IMAP_PASSWORD": "secret", "TZ": tz}
    return start_intake("--config", str(config_file), *args, env=env)


def imap_section(dovecot: DovecotServer) -> dict[str, Any]:
    """The ``[mailbox]`` section of a config file for ``dovecot`` (STARTTLS, password env)."""
    return {
        "kind": "imap",
        "host": dovecot.host,
        "port": dovecot.port,
        "security": "starttls",
        "ca_file": str(dovecot.ca_file),
        "username": dovecot.username,
        "password_env": "INTAKE_IMAP_PASSWORD",
    }


@pytest.fixture
def imap_config_file(tmp_path: Path, database_url: str, dovecot: DovecotServer) -> Path:
    mailbox = imap_section(dovecot) | {"batch_size": 10}
    return write_config_file(tmp_path, database_url, {"mailbox": mailbox})


def wait_for_rows(sessions: sessionmaker[Session], minimum: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sessions() as session:
            count = session.scalar(select(func.count()).select_from(Message)) or 0
        if count >= minimum:
            return count
        time.sleep(0.01)
    raise AssertionError(f"fewer than {minimum} rows after {timeout} s")


@pytest.fixture
def file_sessions(database_url: str, imap_config_file: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_database_engine(database_url)
    upgrade_to_head(engine)
    yield session_factory(engine)
    engine.dispose()


def test_poll_killed_midway_and_restarted_stores_every_message_exactly_once(
    imap_config_file: Path, file_sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    append_all(dovecot, sample_messages(200))
    first = intake_process(imap_config_file, "poll")
    stored_when_killed = wait_for_rows(file_sessions, 20)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert stored_when_killed < 200, "the poll finished before it could be killed"
    second = intake_process(imap_config_file, "poll")
    _, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    keys = stored_keys(file_sessions)
    assert len(keys) == len(set(keys)) == 200
    assert {uid for _, uid in keys} == {str(uid) for uid in dovecot.uids()}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_two_pollers_on_one_mailbox_and_one_postgres_store_each_message_once(
    imap_config_file: Path, file_sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    append_all(dovecot, sample_messages(200))
    pollers = [intake_process(imap_config_file, "poll") for _ in range(2)]
    results = [poller.communicate(timeout=300) for poller in pollers]
    assert [poller.returncode for poller in pollers] == [0, 0], results
    keys = stored_keys(file_sessions)
    assert len(keys) == len(set(keys)) == 200
    with file_sessions() as session:
        counts = Counter(session.scalars(select(Message.disposition)))
    assert counts["duplicate"] == 0


def test_received_at_is_right_when_the_host_runs_in_new_york(
    imap_config_file: Path, file_sessions: sessionmaker[Session], dovecot: DovecotServer
) -> None:
    append_all(dovecot, sample_messages(2))
    process = intake_process(imap_config_file, "poll", tz="America/New_York")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    with file_sessions() as session:
        times = list(session.scalars(select(Message.received_at).order_by(Message.id)))
    assert times == [FIRST_RECEIPT, FIRST_RECEIPT + timedelta(minutes=1)]
