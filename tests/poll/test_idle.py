"""IMAP IDLE against a real Dovecot: new mail handled and acknowledged without waiting for the
poll interval, drops survived, servers without IDLE polled, SIGTERM obeyed while idling."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.errors import ConfigError
from intake.mailbox.idle import IdleWatcher
from tests import messages
from tests.configs import make_config, write_config_file
from tests.daemon_process import RunningDaemon
from tests.dovecot import DovecotServer
from tests.poll.test_daemon import wait_until
from tests.smtp import SENDER, SmtpServer, smtp_server

__all__ = ["smtp_server"]

IDLE_UP = "IDLE: waiting for new mail"
# Dovecot's capabilities with IDLE left out.
NO_IDLE = "IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE UIDPLUS MOVE"


def application(index: int) -> bytes:
    return messages.application(
        sender=f"Candidate {index} <candidate{index}@example.com>",
        message_id=f"<idle-{index}@example.com>",
        attachments=(),
    )


def config_file(
    tmp_path: Path, dovecot: DovecotServer, smtp: SmtpServer, poll_interval: int = 300
) -> Path:
    mailbox = dovecot.mailbox_section()
    # The scheduled send comes only after 300 s too: an acknowledgement seen sooner was sent
    # at the end of the poll that IDLE triggered.
    acks = {"transport": "smtp", "sender": SENDER, "max_age_days": 0, "send_interval": 300}
    overrides = {
        "mailbox": mailbox,
        "acknowledgements": acks,
        "smtp": smtp.config(),
        "schedule": {"poll_interval": poll_interval},
    }
    return write_config_file(tmp_path, f"sqlite:///{tmp_path / 'intake.db'}", overrides)


@pytest.fixture
def daemon_for(tmp_path: Path) -> Iterator[Any]:
    """Starts ``intake run`` for a config file; killed at the end if a test left it running."""
    started: list[RunningDaemon] = []

    def start(config: Path) -> RunningDaemon:
        started.append(RunningDaemon(config, {"INTAKE_IMAP_PASSWORD": "secret"}).start())
        return started[-1]

    yield start
    for daemon in started:
        daemon.kill()


def wait_for_acknowledgements(smtp: SmtpServer, count: int) -> None:
    wait_until(lambda: len(smtp.received) >= count, timeout=60)


def test_mail_arriving_while_the_daemon_idles_is_acknowledged_without_waiting_for_the_interval(
    tmp_path: Path, dovecot: DovecotServer, smtp_server: SmtpServer, daemon_for: Any
) -> None:
    daemon = daemon_for(config_file(tmp_path, dovecot, smtp_server, poll_interval=300))
    daemon.wait_for(IDLE_UP)
    daemon.wait_for("poll finished: 0 fetched")
    seen = daemon.count()
    for index in range(3):
        dovecot.append(application(index))
        # The next scheduled poll and send are 300 s away: only IDLE can explain these.
        wait_for_acknowledgements(smtp_server, index + 1)
    assert [r.rcpt_tos for r in smtp_server.received] == [
        (f"candidate{index}@example.com",) for index in range(3)
    ]
    # The acknowledgement goes out before its poll logs its end.
    wait_until(lambda: daemon.log_after(seen).count("poll finished: 1 fetched") >= 3)
    assert daemon.log_after(seen).count("poll finished: 1 fetched") == 3
    assert daemon.stop() == 0
    assert "Traceback" not in daemon.log()


def test_a_dropped_idle_connection_comes_back_and_still_picks_up_new_mail(
    tmp_path: Path, dovecot: DovecotServer, smtp_server: SmtpServer, daemon_for: Any
) -> None:
    daemon = daemon_for(config_file(tmp_path, dovecot, smtp_server))
    daemon.wait_for(IDLE_UP)
    for round_ in range(2):
        seen = daemon.count()
        dovecot.kill_connections()
        daemon.wait_for("IDLE connection down", after=seen)
        daemon.wait_for("IDLE connection back", after=seen)
        dovecot.append(application(round_))
        wait_for_acknowledgements(smtp_server, round_ + 1)
    assert daemon.stop() == 0
    assert "Traceback" not in daemon.log()


def restart_without_idle(server: DovecotServer) -> None:
    """Restart Dovecot advertising no IDLE (``imap_capability`` without it)."""
    server.stop()
    with server.config_path.open("a") as config:
        config.write(f"protocol imap {{\n  imap_capability = {NO_IDLE}\n}}\n")
    server.start()


def test_a_server_without_idle_is_polled_every_interval_instead(
    tmp_path: Path, dovecot: DovecotServer, smtp_server: SmtpServer, daemon_for: Any
) -> None:
    restart_without_idle(dovecot)
    daemon = daemon_for(config_file(tmp_path, dovecot, smtp_server, poll_interval=5))
    daemon.wait_for("IDLE: the server does not offer it; polling every 5 s only")
    dovecot.append(application(1))
    wait_for_acknowledgements(smtp_server, 1)
    assert daemon.find(IDLE_UP) is None
    assert daemon.stop() == 0


def test_sigterm_while_idling_stops_the_daemon_cleanly(
    tmp_path: Path, dovecot: DovecotServer, smtp_server: SmtpServer, daemon_for: Any
) -> None:
    daemon = daemon_for(config_file(tmp_path, dovecot, smtp_server))
    daemon.wait_for(IDLE_UP)
    daemon.wait_for("poll finished")
    # Bounded, not timed: the wait is interruptible, so the exit comes within seconds.
    assert daemon.stop(timeout=20) == 0
    log = daemon.log()
    assert "daemon stopped" in log
    assert "Traceback" not in log


def test_idle_is_reissued_when_the_renew_interval_passes_and_still_announces_mail(
    dovecot: DovecotServer,
) -> None:
    announced = threading.Semaphore(0)
    stop = threading.Event()
    watcher = IdleWatcher(dovecot.mailbox_config(idle_renew_seconds=1), announced.release, stop)
    thread = threading.Thread(target=watcher.run)
    thread.start()
    try:
        assert announced.acquire(timeout=30)  # the call made when the connection came up
        wait_until(lambda: watcher.state.idle_commands >= 3, timeout=30)
        dovecot.append(application(1))
        assert announced.acquire(timeout=30)
        assert watcher.state.announcements >= 1
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert not watcher.state.live


IMAP_SECTION = {
    "kind": "imap",
    "host": "127.0.0.1",
    "username": "recruitment@example.org",
    "password_env": "INTAKE_IMAP_PASSWORD",
}


def test_idle_is_on_by_default_and_renewed_every_25_minutes(tmp_path: Path) -> None:
    config = make_config(
        tmp_path, "sqlite://", {"mailbox": IMAP_SECTION}, {"INTAKE_IMAP_PASSWORD": "x"}
    )
    assert (config.mailbox.idle, config.mailbox.idle_renew_seconds) == (True, 1500)


@pytest.mark.parametrize(
    ("key", "value"), [("idle", "yes"), ("idle_renew_seconds", 1800), ("idle_renew_seconds", 5)]
)
def test_a_bad_idle_setting_is_a_config_error_naming_the_key(
    tmp_path: Path, key: str, value: object
) -> None:
    with pytest.raises(ConfigError) as raised:
        make_config(
            tmp_path,
            "sqlite://",
            {"mailbox": IMAP_SECTION | {key: value}},
            {"INTAKE_IMAP_PASSWORD": "x"},
        )
    assert raised.value.key == f"mailbox.{key}"
