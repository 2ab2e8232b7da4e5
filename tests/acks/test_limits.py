"""No acknowledgement to auto-replies or bounces, at most the cap per candidate, the global rate."""

from __future__ import annotations

import dataclasses
import email.utils
import logging
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import select, update

from intake.acks.sender import send_due
from intake.config.runtime import Runtime
from storage.models import Acknowledgement, Message
from tests import messages
from tests.smtp import (
    OpenRuntimes,
    SmtpServer,
    open_runtimes,
    outbox_rows,
    poll_through,
    smtp_config,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

START = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
OUT_OF_OFFICE_SUBJECTS = (
    "Out of office: Application",
    "Automatic reply: Deputy Director, Implementation Support",
    "Réponse automatique : Candidature",
    "Abwesenheitsnotiz: Bewerbung",
)


def out_of_office(index: int) -> bytes:
    """An out-of-office reply as mail programs send them: four styles in turn."""
    style = index % 4
    headers: list[tuple[str, str]] = []
    if style == 0:
        headers.append(("Auto-Submitted", "auto-replied"))
    elif style == 1:
        headers += [("X-Autoreply", "yes"), ("Precedence", "auto_reply")]
    elif style == 2:
        headers += [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")]
    return messages.application(
        sender=f"Person {index} <person{index}@example.net>",
        subject=OUT_OF_OFFICE_SUBJECTS[style],
        body="I am away until 3 November with limited access to email.",
        attachments=(),
        message_id=f"<ooo-{index}@example.net>",
        extra_headers=tuple(headers),
    )


def delivery_failure(index: int) -> bytes:
    """A multipart/report DSN from MAILER-DAEMON with a null Return-Path."""
    date = email.utils.format_datetime(START)
    return (
        b"Return-Path: <>\r\n"
        b"From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\r\n"
        b"To: recruitment@example.org\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\n"
        + f"Date: {date}\r\nMessage-ID: <dsn-{index}@mx.example.org>\r\n".encode()
        + b"Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n'
        b"--r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        b"--r\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.org\r\n\r\n"
        + f"Final-Recipient: rfc822; gone{index}@example.com\r\n".encode()
        + b"Action: failed\r\nStatus: 5.1.1\r\n\r\n"
        b"--r\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        b"From: recruitment@example.org\r\nSubject: Re: Application\r\n\r\n--r--\r\n"
    )


def test_500_out_of_office_replies_and_50_bounces_get_no_acknowledgement(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    raws = [(out_of_office(i), START + timedelta(seconds=i)) for i in range(500)]
    raws += [(delivery_failure(i), START + timedelta(seconds=i)) for i in range(50)]
    poll_through(runtime, *raws)
    with runtime.sessions() as session:
        dispositions = Counter(session.scalars(select(Message.disposition)))
    assert dispositions == Counter(auto_reply=500, bounce=50)
    assert [row.status for row in outbox_rows(runtime.sessions) if row.status != "suppressed"] == []
    assert smtp_server.received == []


def test_ten_applications_in_an_hour_from_one_candidate_get_at_most_the_cap(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_per_recipient_vacancy=10)
    runtime = open_runtimes(config)
    raws = [
        (
            messages.application(message_id=f"<again-{i}@example.com>"),
            START + timedelta(minutes=6 * i),
        )
        for i in range(10)
    ]
    poll_through(runtime, *raws)
    rows = outbox_rows(runtime.sessions)
    assert Counter(row.status for row in rows) == Counter(sent=3, suppressed=7)
    assert [row.status for row in rows[:3]] == ["sent"] * 3
    for row in rows[3:]:
        assert row.reason is not None and row.reason.startswith("recipient cap: 3 acknowledgements")
    assert len(smtp_server.received) == 3
    assert {r.rcpt_tos for r in smtp_server.received} == {("maria.fernandez@example.com",)}


def test_the_log_names_acknowledgements_by_number_never_by_recipient(
    tmp_path: Path,
    sqlite_url: str,
    smtp_server: SmtpServer,
    open_runtimes: OpenRuntimes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_per_recipient_vacancy=10)
    runtime = open_runtimes(config)
    raws = [(messages.application(message_id=f"<logged-{i}@example.com>"), START) for i in range(4)]
    with caplog.at_level(logging.INFO, logger="intake.acks"):
        poll_through(runtime, *raws)
    lines = [
        record.getMessage() for record in caplog.records if record.name.startswith("intake.acks")
    ]
    assert sum("sent as <ack." in line for line in lines) == 3
    assert sum("suppressed: recipient cap" in line for line in lines) == 1
    assert not [
        line for line in lines if "maria.fernandez" in line.lower()
    ]  # log files outlive an erasure


def _polled_at_five_a_minute(
    tmp_path: Path,
    sqlite_url: str,
    smtp_server: SmtpServer,
    open_runtimes: OpenRuntimes,
    applications: int = 8,
) -> Runtime:
    """Applications from as many candidates polled with max_per_minute = 5."""
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server, max_per_minute=5))
    raws = [
        (messages.application(sender=f"Candidate {i} <c{i}@example.com>"), START)
        for i in range(applications)
    ]
    poll_through(runtime, *raws)
    return runtime


def test_the_global_rate_leaves_the_rest_pending_not_suppressed(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = _polled_at_five_a_minute(tmp_path, sqlite_url, smtp_server, open_runtimes)
    rows = outbox_rows(runtime.sessions)
    assert Counter(row.status for row in rows) == Counter(sent=5, pending=3)
    assert all(row.claimed_by is None and row.attempts == 0 for row in rows[5:])
    assert len(smtp_server.received) == 5


def test_a_drain_at_the_global_rate_writes_nothing_and_counts_what_waits(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    # A backlog outruns the rate: the poll drains every few seconds while the cap is reached,
    # and each of those drains used to claim a batch only to give every row of it back.
    runtime = _polled_at_five_a_minute(tmp_path, sqlite_url, smtp_server, open_runtimes)
    written: list[str] = []
    reads = 0

    def remember_writes(*event: Any) -> None:
        nonlocal reads
        statement = " ".join(str(event[2]).split())
        if statement == "BEGIN":
            reads += 1
        elif not statement.upper().startswith("SELECT"):
            written.append(statement)  # a write, or the write lock (BEGIN IMMEDIATE)

    sqlalchemy.event.listen(runtime.engine, "before_cursor_execute", remember_writes)
    try:
        report = send_due(runtime.config, runtime.sessions)
    finally:
        sqlalchemy.event.remove(runtime.engine, "before_cursor_execute", remember_writes)

    assert (report.sent, report.deferred) == (0, 3)
    assert written == []
    assert reads == 1  # the rate and the rows waiting, asked in one read
    rows = outbox_rows(runtime.sessions)
    assert Counter(row.status for row in rows) == Counter(sent=5, pending=3)
    assert all(row.claimed_by is None and row.attempts == 0 for row in rows[5:])


def test_a_row_given_back_then_stopped_by_the_rate_is_counted_deferred_once(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    # 5 sent within the minute, rows 6 to 9 pending.
    runtime = _polled_at_five_a_minute(tmp_path, sqlite_url, smtp_server, open_runtimes, 9)
    held, given_back, sent, stopped = (row.id for row in outbox_rows(runtime.sessions)[5:])
    with runtime.sessions.begin() as session:
        # Another daemon is sending row 6; row 7 goes to the same address, so this drain must
        # give it back until row 6 is settled.
        session.execute(
            update(Acknowledgement)
            .where(Acknowledgement.id == held)
            .values(
                claimed_by="another daemon", claimed_until=datetime.now(UTC) + timedelta(hours=1)
            )
        )
        recipient = session.get_one(Acknowledgement, held).recipient
        session.execute(
            update(Acknowledgement)
            .where(Acknowledgement.id == given_back)
            .values(recipient=recipient)
        )
    one_more = dataclasses.replace(runtime.config.acknowledgements, max_per_minute=6)

    report = send_due(
        dataclasses.replace(runtime.config, acknowledgements=one_more), runtime.sessions
    )

    # Row 7 given back, row 8 sent (the rate is now met), row 9 stopped by the rate: rows 7 and
    # 9 wait for a later drain, each counted once.
    assert (report.sent, report.deferred) == (1, 2)
    statuses = {row.id: (row.status, row.claimed_by) for row in outbox_rows(runtime.sessions)}
    assert statuses[given_back] == statuses[stopped] == ("pending", None)
    assert statuses[sent][0] == "sent"
    assert statuses[held] == ("pending", "another daemon")


def test_applications_older_than_max_age_are_suppressed_and_recent_ones_sent(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    # A mailbox with months of mail behind it, polled for the first time.
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_age_days=7)
    runtime = open_runtimes(config)
    now = datetime.now(UTC)
    raws = [
        (messages.application(sender="Old <old@example.com>"), now - timedelta(days=40)),
        (messages.application(sender="Last week <week@example.com>"), now - timedelta(days=8)),
        (messages.application(sender="Today <today@example.com>"), now - timedelta(hours=2)),
    ]
    poll_through(runtime, *raws)
    rows = {row.recipient: row for row in outbox_rows(runtime.sessions)}
    assert rows["today@example.com"].status == "sent"
    for address, days in (("old@example.com", 40), ("week@example.com", 8)):
        assert rows[address].status == "suppressed"
        assert rows[address].reason == (
            f"too old: received {days} days ago, more than acknowledgements.max_age_days (7)"
        )
    assert [r.rcpt_tos for r in smtp_server.received] == [("today@example.com",)]
