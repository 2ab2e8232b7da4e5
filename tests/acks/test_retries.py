"""Delivery trouble: server down then up, a 550, 4xx up to the limit, a broken template."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from intake.acks.sender import send_due
from intake.config.runtime import Runtime
from tests import messages
from tests.smtp import (
    OpenRuntimes,
    SmtpServer,
    message_id_counts,
    open_runtimes,
    outbox_rows,
    poll_through,
    smtp_config,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)


def one_row_due(runtime: Runtime) -> datetime:
    """The single row's next attempt time (it must be pending with one)."""
    (row,) = outbox_rows(runtime.sessions)
    assert row.status == "pending" and row.next_attempt_at is not None
    return row.next_attempt_at


def test_server_down_then_up_the_acknowledgement_is_retried_and_sent_once(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    smtp_server.stop()
    poll_through(runtime, (messages.application(), RECEIVED))
    (row,) = outbox_rows(runtime.sessions)
    assert (row.status, row.attempts, row.claimed_by) == ("pending", 1, None)
    assert row.last_error is not None and "cannot connect" in row.last_error
    due = one_row_due(runtime)
    early = send_due(runtime.config, runtime.sessions, now=due - timedelta(seconds=1))
    assert early.sent == 0  # backing off
    smtp_server.start()
    report = send_due(runtime.config, runtime.sessions, now=due)
    assert (report.sent, report.retried) == (1, 0)
    again = send_due(runtime.config, runtime.sessions, now=due + timedelta(days=1))
    assert again.sent == 0
    (row,) = outbox_rows(runtime.sessions)
    assert (row.status, row.attempts) == ("sent", 2)
    assert message_id_counts(smtp_server) == {row.outbound_message_id: 1}


def test_a_550_fails_the_acknowledgement_at_once_and_it_is_never_retried(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    smtp_server.handler.rcpt_reply = "550 5.1.1 <maria.fernandez@example.com>: no such user"
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, (messages.application(), RECEIVED))
    (row,) = outbox_rows(runtime.sessions)
    assert (row.status, row.attempts, row.next_attempt_at) == ("failed", 1, None)
    assert row.last_error is not None and "550 5.1.1" in row.last_error
    smtp_server.handler.rcpt_reply = None
    later = send_due(runtime.config, runtime.sessions, now=datetime.now(UTC) + timedelta(days=2))
    assert later.sent == 0
    assert smtp_server.received == []


def test_4xx_replies_back_off_doubling_and_fail_after_max_attempts(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    smtp_server.handler.data_reply = "451 4.3.0 try again later"
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_attempts=3, retry_after_seconds=60)
    runtime = open_runtimes(config)
    poll_through(runtime, (messages.application(), RECEIVED))
    first = outbox_rows(runtime.sessions)[0]
    assert first.attempts == 1 and first.last_error is not None and "451" in first.last_error
    due = one_row_due(runtime)
    report = send_due(config, runtime.sessions, now=due)
    assert report.retried == 1
    assert one_row_due(runtime) - due == timedelta(seconds=120)  # 60 s, then 120 s
    final = send_due(config, runtime.sessions, now=one_row_due(runtime))
    assert final.failed == 1
    (row,) = outbox_rows(runtime.sessions)
    assert (row.status, row.attempts) == ("failed", 3)
    assert row.last_error is not None and row.last_error.startswith("gave up after 3 attempts")


def test_a_broken_template_keeps_the_row_pending_without_using_an_attempt(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    templates = tmp_path / "templates" / "en"
    templates.mkdir(parents=True)
    (templates / "acknowledgement.txt.j2").write_text("Dear {{ greeting_name\n")
    config = smtp_config(tmp_path, sqlite_url, smtp_server, templates=str(templates.parent))
    runtime = open_runtimes(config)
    poll_through(runtime, (messages.application(), RECEIVED))
    (row,) = outbox_rows(runtime.sessions)
    assert (row.status, row.attempts, row.claimed_by) == ("pending", 0, None)
    assert row.last_error is not None and "acknowledgement.txt.j2" in row.last_error
    (templates / "acknowledgement.txt.j2").unlink()
    report = send_due(config, runtime.sessions, now=one_row_due(runtime))
    assert report.sent == 1
    assert len(smtp_server.received) == 1
