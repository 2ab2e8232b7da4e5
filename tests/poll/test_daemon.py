"""The daemon and the health check: clean stop on SIGTERM, one poll at a time, honest status."""

from __future__ import annotations

import logging
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.poll.daemon import Daemon
from intake.poll.health import check_health
from storage.models import Message, PollRun, utcnow
from tests import messages
from tests.configs import write_config_file
from tests.processes import start_intake

REPO = Path(__file__).resolve().parents[2]


def fill_maildir(maildir: Path, count: int) -> None:
    for index in range(count):
        raw = messages.application(
            sender=f"Candidate {index} <c{index}@example.com>",
            message_id=f"<daemon-{index}@example.com>",
        )
        (maildir / "new" / f"{1_760_000_000 + index}.D{index}.test").write_bytes(raw)


def row_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Message)) or 0


def wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def intake(config_file: Path, *args: str) -> subprocess.Popen[str]:
    return start_intake("--config", str(config_file), *args)


# Enough that a poll is still busy when the signal comes after the first 20 rows, few enough
# that finishing the rest stays quick.
MAILDIR_SIZE = 200


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_during_a_poll_finishes_the_current_message_and_exits_0(
    tmp_path: Path, runtime: Runtime, signum: signal.Signals
) -> None:
    assert runtime.config.mailbox.path is not None
    fill_maildir(runtime.config.mailbox.path, MAILDIR_SIZE)
    config_file = write_config_file(tmp_path, runtime.config.database.url)
    daemon = intake(config_file, "run")
    wait_until(lambda: row_count(runtime.sessions) >= 20)
    daemon.send_signal(signum)
    _, err = daemon.communicate(timeout=60)
    assert daemon.returncode == 0, err
    assert "Traceback" not in err
    stored = row_count(runtime.sessions)
    assert 20 <= stored < MAILDIR_SIZE
    with runtime.sessions() as session:
        run = session.scalars(select(PollRun).order_by(PollRun.id.desc())).first()
    assert run is not None
    assert (run.status, run.stored) == ("ok", stored)
    finish = intake(config_file, "poll")
    finish.communicate(timeout=300)
    assert row_count(runtime.sessions) == MAILDIR_SIZE


def test_sigterm_between_polls_stops_the_daemon_at_once(tmp_path: Path, runtime: Runtime) -> None:
    config_file = write_config_file(tmp_path, runtime.config.database.url)
    daemon = intake(config_file, "run")

    def first_poll_finished() -> bool:
        with runtime.sessions() as session:
            return session.scalar(select(PollRun.id).where(PollRun.status == "ok")) is not None

    wait_until(first_poll_finished)
    daemon.send_signal(signal.SIGTERM)  # how fast it exits: benchmarks/idle_latency.py
    _, err = daemon.communicate(timeout=30)
    assert daemon.returncode == 0, err
    assert "daemon stopped" in err


def test_a_second_poll_is_skipped_while_one_is_running(
    runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    assert runtime.config.mailbox.path is not None
    fill_maildir(runtime.config.mailbox.path, 300)
    daemon = Daemon(runtime)
    first = threading.Thread(target=daemon.poll)
    first.start()
    wait_until(lambda: row_count(runtime.sessions) >= 1)
    with caplog.at_level(logging.WARNING, logger="intake.poll.daemon"):
        daemon.poll()
    first.join(timeout=120)
    assert "previous poll still running" in caplog.text
    assert row_count(runtime.sessions) == 300
    assert daemon.last_report is not None
    assert daemon.last_report.fetched == 300


def test_status_is_unhealthy_before_the_first_poll(config: Config, runtime: Runtime) -> None:
    health = check_health(runtime.sessions, config)
    assert not health.healthy
    assert health.reasons == ("no poll has finished yet",)


def test_status_is_healthy_after_a_poll_and_overdue_later(config: Config, runtime: Runtime) -> None:
    Daemon(runtime).poll()
    assert check_health(runtime.sessions, config).healthy
    later = utcnow() + timedelta(seconds=config.schedule.overdue_seconds + 1)
    overdue = check_health(runtime.sessions, config, now=later)
    assert not overdue.healthy
    assert "no successful poll" in overdue.reasons[0]


def test_status_is_unhealthy_after_a_failed_poll_and_cli_exits_1(
    tmp_path: Path, runtime: Runtime
) -> None:
    assert runtime.config.mailbox.path is not None
    for sub in ("cur", "new", "tmp"):
        (runtime.config.mailbox.path / sub).rmdir()
    config_file = write_config_file(tmp_path, runtime.config.database.url)
    poll = intake(config_file, "poll")
    out, err = poll.communicate(timeout=60)
    assert poll.returncode == 1
    assert "is not a Maildir" in out
    status = intake(config_file, "status")
    out, err = status.communicate(timeout=60)
    assert status.returncode == 1
    assert "unhealthy: the last poll failed" in out
    assert "Traceback" not in err


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_poll_of_an_unreachable_imap_server_fails_in_one_line(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = {
        "kind": "imap",
        "host": "127.0.0.1",
        "port": closed_port(),
        "security": "none",
        "username": "recruitment@example.org",
        "password_env": "INTAKE_TEST_PASSWORD",
        "reconnect_attempts": 0,
    }
    config_file = write_config_file(tmp_path, sqlite_url, {"mailbox": mailbox})
    monkeypatch.setenv("INTAKE_TEST_PASSWORD", "x")
    poll = intake(config_file, "poll")
    out, err = poll.communicate(timeout=60)
    assert poll.returncode == 1
    assert out.startswith("poll failed:")
    assert "Traceback" not in err
