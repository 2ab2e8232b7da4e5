"""Acknowledgements go out while a poll is still storing, and the poll reports all it sent."""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.acks.errors import AckTransportError
from intake.acks.report import SendReport
from intake.config.settings import Config
from intake.mailbox.base import RawMessage
from intake.mailbox.fake import FakeMailbox
from intake.poll.cycle import poll_once
from intake.poll.drain_alongside import DrainAlongside
from intake.poll.progress import Progress
from storage.models import Acknowledgement, Application, Message
from storage.records import MessageRecord
from storage.repository import StoreResult
from tests import messages

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
WAIT_SECONDS = 30.0


class LastMessageWaitsForFirstAck(Progress):
    """When the poll's last message is done, waits (up to WAIT_SECONDS) for the first
    application's acknowledgement to be sent, and notes whether it was: the poll's own drain
    at its end has not started yet."""

    def __init__(self, sessions: sessionmaker[Session], count: int) -> None:
        super().__init__(live=False)
        self.first_sent_before_the_end: bool | None = None
        self._sessions = sessions
        self._count = count

    def message_done(self, raw: RawMessage, record: MessageRecord, result: StoreResult) -> None:
        super().message_done(raw, record, result)
        if self.count == self._count:
            self.first_sent_before_the_end = self._wait_for_first_ack()

    def _wait_for_first_ack(self) -> bool:
        query = (
            select(Acknowledgement.status)
            .join(Application, Application.id == Acknowledgement.application_id)
            .join(Message, Message.id == Application.message_pk)
            .where(Message.uid == "1")
        )
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            with self._sessions() as session:
                if session.scalar(query) == "sent":
                    return True
            time.sleep(0.05)
        return False


def test_first_acknowledgement_goes_out_while_the_poll_is_still_storing(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    for index in range(3):
        sender = f"Candidate {index} <candidate.{index}@example.com>"
        mailbox.append(
            messages.application(sender=sender, message_id=f"<a{index}@example.com>"), RECEIVED
        )
    progress = LastMessageWaitsForFirstAck(sessions, count=3)

    report = poll_once(config, sessions, mailbox, progress=progress)

    assert report.ok, report.error
    assert progress.first_sent_before_the_end is True
    assert report.acknowledgements is not None
    assert report.acknowledgements.sent == 3
    outbox = config.acknowledgements.directory
    assert outbox is not None
    assert len(list(outbox.iterdir())) == 3


def test_the_poll_reports_what_every_drain_sent_and_what_the_last_left() -> None:
    reports = iter([SendReport(sent=2, deferred=5, problems=["slow"]), SendReport(sent=1)])
    drained = threading.Event()

    def drain() -> SendReport | None:
        report = next(reports)
        drained.set()
        return report

    alongside = DrainAlongside(drain, spacing=0.0)
    alongside.start()
    alongside.stored()
    assert drained.wait(WAIT_SECONDS)
    alongside.close()
    together = alongside.together(SendReport(sent=3, retried=1, deferred=4))

    assert together is not None
    assert (together.sent, together.retried, together.deferred) == (5, 1, 4)
    assert together.problems == ["slow"]


def test_a_poll_with_nothing_stored_runs_no_drain_alongside() -> None:
    calls: list[int] = []

    def drain() -> SendReport | None:
        calls.append(1)
        return SendReport()

    alongside = DrainAlongside(drain)
    alongside.start()
    alongside.close()

    assert calls == []
    assert alongside.together(None) is None


def test_an_outbox_that_cannot_be_written_ends_the_drains_alongside_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[int] = []

    def drain() -> SendReport | None:
        calls.append(1)
        raise AckTransportError("cannot write outbox/ack.eml: No space left on device")

    alongside = DrainAlongside(drain, spacing=0.0)
    alongside.start()
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            alongside.stored()
            time.sleep(0.05)
        alongside.close()

    assert calls == [1]
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "No space left on device" in caplog.records[0].getMessage()


def test_a_drain_that_left_an_acknowledgement_to_retry_ends_the_drains_alongside() -> None:
    calls: list[int] = []

    def drain() -> SendReport | None:
        calls.append(1)
        return SendReport(retried=1, problems=["connection refused"])

    alongside = DrainAlongside(drain, spacing=0.0)
    alongside.start()
    for _ in range(3):
        alongside.stored()
        time.sleep(0.05)
    alongside.close()

    assert calls == [1]
    together = alongside.together(None)
    assert together is not None and together.retried == 1
