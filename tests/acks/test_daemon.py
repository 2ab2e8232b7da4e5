"""The daemon killed between polls with acknowledgements pending sends each exactly once after
a restart; the file transport, ``off`` and the ``intake acks`` commands as an operator runs them."""

from __future__ import annotations

import signal
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import load_config
from storage.models import PollRun
from tests import messages
from tests.configs import write_config_file
from tests.poll.test_daemon import wait_until
from tests.processes import run_intake, start_intake
from tests.smtp import SENDER, SmtpServer, message_id_counts, outbox_rows, smtp_server

__all__ = ["smtp_server"]

COUNT = 20


def fill_maildir(maildir: Path, count: int) -> None:
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for index in range(count):
        raw = messages.application(
            sender=f"Candidate {index} <c{index}@example.com>",
            message_id=f"<ack-daemon-{index}@example.com>",
            attachments=(),
        )
        (maildir / "new" / f"{1_760_000_000 + index}.A{index}.test").write_bytes(raw)


def statuses(runtime: Runtime) -> Counter[str]:
    return Counter(row.status for row in outbox_rows(runtime.sessions))


def config_file(tmp_path: Path, url: str, acks: dict[str, Any], smtp: dict[str, Any]) -> Path:
    section = {"sender": SENDER, "max_per_minute": 1000, "send_interval": 5, "max_age_days": 0}
    section |= acks
    overrides = {"acknowledgements": section, "smtp": smtp, "schedule": {"poll_interval": 3600}}
    return write_config_file(tmp_path, url, overrides)


def test_daemon_killed_between_polls_sends_each_pending_acknowledgement_once_after_restart(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer
) -> None:
    runtime_config = config_file(
        tmp_path, sqlite_url, {"transport": "smtp", "retry_after_seconds": 1}, smtp_server.config()
    )
    fill_maildir(tmp_path / "Maildir", COUNT)
    runtime = open_runtime(load_config(runtime_config, {}))
    try:
        smtp_server.stop()
        first = start_intake("--config", str(runtime_config), "run")
        wait_until(lambda: _polls_done(runtime) >= 1, timeout=120)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
        assert statuses(runtime) == Counter(pending=COUNT)
        assert smtp_server.received == []
        smtp_server.start()
        second = start_intake("--config", str(runtime_config), "run")
        wait_until(lambda: statuses(runtime) == Counter(sent=COUNT), timeout=120)
        second.send_signal(signal.SIGTERM)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        counts = message_id_counts(smtp_server)
        assert len(counts) == COUNT and set(counts.values()) == {1}
    finally:
        runtime.close()


def _polls_done(runtime: Runtime) -> int:
    with runtime.sessions() as session:
        return session.scalar(select(func.count()).where(PollRun.status == "ok")) or 0


def intake(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_intake("--config", str(config), *args)


def test_file_transport_writes_one_eml_per_acknowledgement_and_a_resend_replaces_it(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = config_file(
        tmp_path, sqlite_url, {"transport": "file", "directory": str(tmp_path / "out")}, {}
    )
    fill_maildir(tmp_path / "Maildir", 3)
    assert intake(config, "poll").returncode == 0
    files = sorted((tmp_path / "out").glob("*.eml"))
    assert len(files) == 3
    assert intake(config, "acks", "retry", "1").returncode == 2  # sent: not retried
    listing = intake(config, "acks", "--format", "json")
    assert listing.returncode == 0 and listing.stdout.count('"status": "sent"') == 3
    preview = intake(config, "acks", "preview", "1")
    assert preview.returncode == 0
    assert "Auto-Submitted: auto-replied" in preview.stdout
    assert sorted((tmp_path / "out").glob("*.eml")) == files  # preview sends nothing


def test_off_sends_nothing_and_retry_puts_a_row_back_for_the_next_drain(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer
) -> None:
    config = config_file(tmp_path, sqlite_url, {"transport": "off"}, smtp_server.config())
    fill_maildir(tmp_path / "Maildir", 2)
    assert intake(config, "poll").returncode == 0
    disabled = intake(config, "acks", "--status", "disabled", "--format", "csv")
    assert disabled.stdout.count("disabled") == 2
    assert smtp_server.received == []
    assert intake(config, "acks", "retry", "99").returncode == 2
    config = config_file(tmp_path, sqlite_url, {"transport": "smtp"}, smtp_server.config())
    retried = intake(config, "acks", "retry", "2")
    assert retried.returncode == 0, retried.stderr
    sent = intake(config, "acks", "send")
    assert "1 sent" in sent.stdout
    assert [r.rcpt_tos for r in smtp_server.received] == [("c1@example.com",)]
    status = intake(config, "status")
    assert "acknowledgements failed: 0" in status.stdout
