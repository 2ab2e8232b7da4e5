"""A volume that fills up mid-poll (SQLite database, outbox folder): the poll fails in one line,
status is unhealthy, nothing is half-stored, and the next poll after space is freed finishes."""

from __future__ import annotations

import json
import os
import pwd
import secrets
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from storage.database import create_database_engine, session_factory
from storage.migrate import upgrade_to_head
from storage.models import Acknowledgement, Application, Document, Message
from tests import messages
from tests.configs import write_config_file
from tests.postgres import SYSTEM_USER, URL_ENV, PostgresServer
from tests.processes import run_intake
from tests.smtp import SENDER
from tests.volumes import SmallVolume, mounted

COUNT = 30
LEFT_FREE = 1024 * 1024  # about eight of the test messages fit in it


@pytest.fixture
def volume(tmp_path: Path) -> Iterator[SmallVolume]:
    yield from mounted(tmp_path / "volume", "8m")


@dataclass(frozen=True)
class FullDatabase:
    """A database whose files lie on a small volume."""

    url: str
    volume: SmallVolume


@pytest.fixture(params=["sqlite", "postgresql"])
def database_on_volume(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FullDatabase]:
    """SQLite with its file on the volume, or a PostgreSQL database in a tablespace on it."""
    if request.param == "sqlite":
        # Once freed, the volume must hold the 30 messages (about 3.8 MiB) and SQLite's WAL
        # beside them, which grows to about 4.3 MiB before a checkpoint: 8 MiB left a margin
        # of a few pages, which the timing of checkpoints could eat.
        for volume in mounted(tmp_path / "volume", "12m"):
            yield FullDatabase(f"sqlite:///{volume.path / 'intake.db'}", volume)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    if os.environ.get(URL_ENV):
        pytest.skip(f"{URL_ENV} names a server whose disk this test cannot reach")
    account = pwd.getpwnam(SYSTEM_USER)
    # The server runs as the postgres user: the mount point must be reachable by it.
    place = Path(tempfile.mkdtemp(prefix="intake-tablespace-"))
    place.chmod(0o755)
    owner = f"uid={account.pw_uid},gid={account.pw_gid}"
    for volume in mounted(place, "8m", owner):
        name = f"full_{secrets.token_hex(4)}"
        with server.connect() as admin:
            admin.execute(f"CREATE TABLESPACE {name} LOCATION '{volume.path}'")
            admin.execute(f"CREATE DATABASE {name} TABLESPACE {name}")
        try:
            yield FullDatabase(server.database_url(name), volume)
        finally:
            with server.connect() as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                admin.execute(f"DROP TABLESPACE IF EXISTS {name}")
    place.rmdir()


def fill_maildir(maildir: Path, count: int) -> None:
    """``count`` applications with a CV and a letter attached (about 70 kB each)."""
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for index in range(count):
        raw = messages.application(sender=f"Candidate {index} <c{index}@example.com>")
        (maildir / "new" / f"{1_760_000_000 + index}.F{index}.test").write_bytes(raw)


def config_file(tmp_path: Path, url: str, outbox: Path) -> Path:
    acks = {"transport": "file", "directory": str(outbox), "sender": SENDER, "max_age_days": 0}
    overrides: dict[str, Any] = {"acknowledgements": acks, "schedule": {"claim_seconds": 2}}
    return write_config_file(tmp_path, url, overrides)


def intake(config: Path, *args: str) -> tuple[int, str, str]:
    result = run_intake("--config", str(config), *args)
    return result.returncode, result.stdout, result.stderr


def assert_failed_in_one_line(code: int, err: str, reason: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if " ERROR " in line or "ERROR" in line[:40]]
    assert len(errors) == 1 and reason in errors[0], err


def database_sessions(url: str) -> sessionmaker[Session]:
    engine = create_database_engine(url)
    upgrade_to_head(engine)
    return session_factory(engine)


def whole_applications(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    """(messages, applications, applications with both their documents)."""
    with sessions() as session:
        stored = session.scalar(select(func.count()).select_from(Message)) or 0
        applications = session.scalar(select(func.count()).select_from(Application)) or 0
        documents = select(Document.application_id).group_by(Document.application_id)
        complete = documents.having(func.count() == 2).subquery()
        whole = session.scalar(select(func.count()).select_from(complete)) or 0
    return stored, applications, whole


def test_database_volume_full_mid_poll_fails_then_the_next_poll_finishes(
    tmp_path: Path, database_on_volume: FullDatabase
) -> None:
    volume = database_on_volume.volume
    config = config_file(tmp_path, database_on_volume.url, tmp_path / "outbox")
    fill_maildir(tmp_path / "Maildir", COUNT)
    sessions = database_sessions(database_on_volume.url)
    volume.fill(leave=LEFT_FREE)
    code, _, err = intake(config, "poll")
    reason = "disk is full" if "sqlite" in database_on_volume.url else "No space left on device"
    assert_failed_in_one_line(code, err, reason)
    status_code, status, _ = intake(config, "status")
    assert status_code != 0 and "unhealthy" in status and reason in status, status
    stored, applications, whole = whole_applications(sessions)
    assert 0 < stored < COUNT
    assert stored == applications == whole  # each message whole, or not at all
    volume.free()
    code, _, err = intake(config, "poll")
    assert code == 0, err
    assert whole_applications(sessions) == (COUNT, COUNT, COUNT)
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == COUNT
    status_code, status, _ = intake(config, "status")
    assert status_code == 0 and "healthy" in status, status


def test_outbox_folder_full_fails_the_poll_and_the_acknowledgements_go_out_later(
    tmp_path: Path, volume: SmallVolume
) -> None:
    outbox = volume.path / "outbox"
    config = config_file(tmp_path, f"sqlite:///{tmp_path / 'intake.db'}", outbox)
    fill_maildir(tmp_path / "Maildir", COUNT)
    outbox.mkdir()
    volume.fill(leave=0)
    code, _, err = intake(config, "poll")
    assert_failed_in_one_line(code, err, "No space left on device")
    status_code, status, _ = intake(config, "status")
    assert status_code != 0 and "No space left on device" in status, status
    _, listing, _ = intake(config, "acks", "--format", "json")
    rows = json.loads(listing)
    assert [row["status"] for row in rows] == ["pending"] * COUNT
    assert list(outbox.glob("*.eml")) == []
    volume.free()
    code, _, err = intake(config, "poll")
    assert code == 0, err
    assert len(list(outbox.glob("*.eml"))) == COUNT
    _, listing, _ = intake(config, "acks", "--format", "json")
    assert [row["status"] for row in json.loads(listing)] == ["sent"] * COUNT


def test_outbox_folder_full_after_a_few_acks_frees_the_rest_of_the_batch_for_the_next_poll(
    tmp_path: Path, volume: SmallVolume
) -> None:
    outbox = volume.path / "outbox"
    config = config_file(tmp_path, f"sqlite:///{tmp_path / 'intake.db'}", outbox)
    fill_maildir(tmp_path / "Maildir", COUNT)
    outbox.mkdir()
    volume.fill(leave=4 * 4096)  # a few acknowledgements fit, then the folder is full
    code, _, err = intake(config, "poll")
    assert_failed_in_one_line(code, err, "No space left on device")
    written = len(list(outbox.glob("*.eml")))
    assert claimed_acks(f"sqlite:///{tmp_path / 'intake.db'}") == 0  # the batch was given back
    volume.free()
    code, _, err = intake(config, "poll")
    assert code == 0, err
    _, listing, _ = intake(config, "acks", "--format", "json")
    assert 0 < written < COUNT
    assert [row["status"] for row in json.loads(listing)] == ["sent"] * COUNT


def claimed_acks(url: str) -> int:
    """Acknowledgements some drain still holds a claim on."""
    engine = create_database_engine(url)
    try:
        with session_factory(engine)() as session:
            query = select(func.count()).where(Acknowledgement.claimed_by.is_not(None))
            return session.scalar(query) or 0
    finally:
        engine.dispose()
