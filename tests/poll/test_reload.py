"""``intake run`` re-reads config.toml on SIGHUP and when the file changes: a vacancy added is
recognised for the next application, a bad file is refused and the running config kept, a
reload during a poll neither loses nor doubles a message."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime, open_runtime
from storage.models import Message
from tests.configs import VACANCIES, make_config
from tests.daemon_process import RunningDaemon
from tests.dovecot import DovecotServer
from tests.poll.test_daemon import MAILDIR_SIZE, fill_maildir, row_count, wait_until
from tests.poll.test_idle import IDLE_UP
from tests.processes import run_intake
from tests.reload_rig import (
    NEW_VACANCY,
    RELOADED,
    application_id,
    config_with,
    judged,
    new_vacancy_application,
    with_new_vacancy,
    write,
)

REFERENCE = NEW_VACANCY["reference"]
Start = Callable[..., RunningDaemon]


@pytest.fixture
def start_daemon() -> Iterator[Start]:
    """Starts ``intake run``; killed at the end if a test left it running."""
    started: list[RunningDaemon] = []

    def start(config_file: Path, env: dict[str, str] | None = None) -> RunningDaemon:
        started.append(RunningDaemon(config_file, env or {}).start())
        return started[-1]

    yield start
    for daemon in started:
        daemon.kill()


@pytest.fixture
def sqlite_runtime(tmp_path: Path, sqlite_url: str) -> Iterator[Runtime]:
    opened = open_runtime(make_config(tmp_path, sqlite_url))
    yield opened
    opened.close()


def deliver(folder: Path, index: int) -> None:
    """Deliver ``new_vacancy_application(index)`` to the Maildir as an MTA does (tmp, then new)."""
    name = f"{1_770_000_000 + index}.R{index}.reload"
    temporary = folder / "Maildir" / "tmp" / name
    temporary.write_bytes(new_vacancy_application(index))
    temporary.replace(folder / "Maildir" / "new" / name)


def stored(sessions: sessionmaker[Session], index: int) -> tuple[str | None, set[str]]:
    wait_until(lambda: judged(sessions, index) is not None)
    found = judged(sessions, index)
    assert found is not None
    return found


def started_with_one_unknown(tmp_path: Path, url: str, start: Start) -> tuple[Any, RunningDaemon]:
    """A daemon polling every 5 s that stored application 0 under the old config."""
    document = config_with(tmp_path, url, VACANCIES, schedule={"poll_interval": 5})
    write(tmp_path / "config.toml", document)
    deliver(tmp_path, 0)
    daemon = start(tmp_path / "config.toml")
    daemon.wait_for("poll finished: 1 fetched")
    return document, daemon


@pytest.mark.parametrize("how", ["sighup", "rewrite only"])
def test_a_vacancy_added_to_the_running_daemon_is_recognised_for_the_next_application(
    tmp_path: Path, sqlite_runtime: Runtime, start_daemon: Start, how: str
) -> None:
    sessions, url = sqlite_runtime.sessions, sqlite_runtime.config.database.url
    document, daemon = started_with_one_unknown(tmp_path, url, start_daemon)
    vacancy, flags = stored(sessions, 0)
    assert (vacancy, "vacancy_unknown" in flags) == (None, True)
    seen = daemon.count()
    write(tmp_path / "config.toml", with_new_vacancy(document), in_place=how != "sighup")
    if how == "sighup":
        daemon.send(signal.SIGHUP)
    line = daemon.wait_for(RELOADED, after=seen)
    assert line.text.rstrip().endswith("config reloaded: vacancies[2] changed")
    deliver(tmp_path, 1)
    vacancy, flags = stored(sessions, 1)
    assert vacancy == REFERENCE
    assert "vacancy_unknown" not in flags
    earlier = application_id(sessions, 0)
    dry_run = run_intake(
        "--config", str(tmp_path / "config.toml"), "reprocess", "--dry-run", "--vacancy", REFERENCE
    )
    listed = [line for line in dry_run.stdout.splitlines() if line.startswith("application ")]
    assert len(listed) == 1
    assert listed[0].startswith(f"application {earlier} would change: ")
    assert f"vacancy: unknown → {REFERENCE}" in listed[0]
    assert "vacancy_unknown" in listed[0].split("flags removed: ")[1]
    assert "(dry run: nothing written)" in dry_run.stdout
    assert stored(sessions, 0)[0] is None
    assert daemon.stop() == 0


def test_an_unknown_key_in_the_new_file_is_refused_in_one_line_and_the_old_config_kept(
    tmp_path: Path, sqlite_runtime: Runtime, start_daemon: Start
) -> None:
    sessions, url = sqlite_runtime.sessions, sqlite_runtime.config.database.url
    document, daemon = started_with_one_unknown(tmp_path, url, start_daemon)
    seen = daemon.count()
    bad = with_new_vacancy(document)
    bad["organisation"] = {**document["organisation"], "colour": "blue"}
    write(tmp_path / "config.toml", bad)
    daemon.send(signal.SIGHUP)
    refused = daemon.wait_for("config reload refused", after=seen)
    assert "config error at 'organisation.colour': unknown key" in refused.text
    deliver(tmp_path, 1)
    vacancy, flags = stored(sessions, 1)
    assert (vacancy, "vacancy_unknown" in flags) == (None, True)
    daemon.wait_for("poll finished: 1 fetched", after=seen)
    assert daemon.log_after(seen).count("config reload refused") == 1
    assert RELOADED not in daemon.log_after(seen)
    assert daemon.running()
    # Fixed, with another database: that part needs a restart and is kept, the rest is taken.
    fixed = with_new_vacancy(document) | {"database": {"url": f"sqlite:///{tmp_path / 'b.db'}"}}
    write(tmp_path / "config.toml", fixed)
    assert "vacancies[2] changed" in daemon.wait_for(RELOADED, after=seen).text
    restart = daemon.find("needs a restart", after=seen)
    assert restart is not None
    assert "config reload: database.url needs a restart; the running value is kept" in restart.text
    deliver(tmp_path, 2)
    assert stored(sessions, 2)[0] == REFERENCE
    assert daemon.stop() == 0


def message_ids(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(func.distinct(Message.message_id)))) or 0


def test_a_sighup_during_a_poll_neither_loses_nor_doubles_a_message(
    tmp_path: Path, runtime: Runtime, start_daemon: Start
) -> None:
    assert runtime.config.mailbox.path is not None
    fill_maildir(runtime.config.mailbox.path, MAILDIR_SIZE)
    url = runtime.config.database.url
    document = config_with(tmp_path, url, VACANCIES, schedule={"poll_interval": 5})
    write(tmp_path / "config.toml", document)
    daemon = start_daemon(tmp_path / "config.toml")
    wait_until(lambda: row_count(runtime.sessions) >= 20)
    # A new vacancy and another worker count: the worker pool is rebuilt too.
    changed = with_new_vacancy(document) | {"extraction": {"workers": 1}}
    write(tmp_path / "config.toml", changed)
    daemon.send(signal.SIGHUP)
    # The reload waits for the running poll: its end comes first, however slow the machine.
    first_poll = daemon.wait_for("poll finished", timeout=600)
    reloaded = daemon.wait_for(RELOADED)
    assert "extraction.workers" in reloaded.text
    assert f"poll finished: {MAILDIR_SIZE} fetched" in first_poll.text
    assert first_poll.at <= reloaded.at
    deliver(tmp_path, 0)
    assert stored(runtime.sessions, 0)[0] == REFERENCE
    assert row_count(runtime.sessions) == message_ids(runtime.sessions) == MAILDIR_SIZE + 1
    assert daemon.stop() == 0


def test_the_idle_connection_is_reopened_only_when_the_mailbox_settings_change(
    tmp_path: Path, sqlite_runtime: Runtime, dovecot: DovecotServer, start_daemon: Start
) -> None:
    sessions, url = sqlite_runtime.sessions, sqlite_runtime.config.database.url
    sections = {"mailbox": dovecot.mailbox_section(), "schedule": {"poll_interval": 300}}
    document = config_with(tmp_path, url, VACANCIES, **sections)
    config_file = tmp_path / "config.toml"
    write(config_file, document)
    daemon = start_daemon(config_file, {"INTAKE_IMAP_PASSWORD": dovecot.password})
    daemon.wait_for(IDLE_UP)
    daemon.wait_for("poll finished")
    seen = daemon.count()
    added = with_new_vacancy(document)
    write(config_file, added)
    daemon.send(signal.SIGHUP)
    daemon.wait_for(RELOADED, after=seen)
    # The next poll is 300 s away: only the IDLE connection can announce this one.
    dovecot.append(new_vacancy_application(0))
    assert stored(sessions, 0)[0] == REFERENCE
    assert IDLE_UP not in daemon.log_after(seen)
    seen = daemon.count()
    write(config_file, added | {"mailbox": dovecot.mailbox_section(idle_renew_seconds=600)})
    daemon.send(signal.SIGHUP)
    assert "mailbox.idle_renew_seconds" in daemon.wait_for(RELOADED, after=seen).text
    daemon.wait_for(IDLE_UP, after=seen)
    dovecot.append(new_vacancy_application(1))
    assert stored(sessions, 1)[0] == REFERENCE
    assert daemon.stop() == 0
