"""Content stored already is not read again: relocations and duplicates skip the attachments."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.mailbox.base import RawMessage
from intake.mailbox.fake import FakeMailbox
from intake.poll.analysis import Analyser
from intake.poll.cycle import poll_once
from intake.poll.extraction import PendingExtraction, extraction_limits
from intake.poll.inline import InlineExtractor
from intake.poll.progress import Progress
from storage import repository
from storage.database import write_transaction
from storage.errors import CopyVanished
from storage.models import Acknowledgement, Application, Document, Flag, Message
from tests import messages
from tests.resent_messages import resent

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)


class CountingExtractor(InlineExtractor):
    """Reads in this process and counts the documents it was given."""

    def __init__(self, config: Config) -> None:
        super().__init__(extraction_limits(config))
        self.submitted = 0

    def submit(self, payload: bytes, filename: str) -> PendingExtraction:
        self.submitted += 1
        return super().submit(payload, filename)


def poll(
    config: Config, sessions: sessionmaker[Session], mailbox: FakeMailbox, reader: CountingExtractor
) -> Counter[str]:
    analyser = Analyser(config, reader)
    report = poll_once(config, sessions, mailbox, progress=Progress(live=False), analyser=analyser)
    assert report.ok, report.error
    return report.outcomes


def test_relocated_and_duplicate_messages_do_not_read_their_attachments_again(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    reader = CountingExtractor(config)
    mailbox = FakeMailbox()
    raws = [messages.application(message_id=f"<copy{index}@example.com>") for index in range(3)]
    for raw in raws:
        mailbox.append(raw, RECEIVED)
    poll(config, sessions, mailbox, reader)
    assert reader.submitted == 6
    mailbox.recreate()
    for raw in [*raws, raws[0]]:
        mailbox.append(raw, RECEIVED)
    assert poll(config, sessions, mailbox, reader) == Counter(relocated=3, duplicate=1)
    assert reader.submitted == 6
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 3
        assert session.scalar(select(func.count()).select_from(Document)) == 6


def test_copy_deleted_before_the_store_fails_the_poll_and_the_next_poll_reads_in_full(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    reader = CountingExtractor(config)
    mailbox = FakeMailbox()
    raw = messages.application(message_id="<vanishing@example.com>")
    mailbox.append(raw, RECEIVED)
    poll(config, sessions, mailbox, reader)
    analyser = Analyser(config, reader)
    moved = RawMessage(mailbox.name, mailbox.folder, mailbox.uidvalidity + 1, "1", RECEIVED, raw)
    draft = analyser.start(moved, has_copy=lambda *_: True)
    assert reader.submitted == 2
    with write_transaction(sessions) as session:
        for table in (Flag, Document, Acknowledgement, Application, Message):
            session.execute(delete(table))
    with pytest.raises(CopyVanished), write_transaction(sessions) as session:
        repository.store_message(session, analyser.finish(draft))
    mailbox.recreate()
    mailbox.append(raw, RECEIVED)
    assert poll(config, sessions, mailbox, reader) == Counter(stored=1)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 2


def test_copy_resent_in_other_bytes_is_a_duplicate_whose_attachments_are_not_read_again(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    reader = CountingExtractor(config)
    mailbox = FakeMailbox()
    raw = messages.application(message_id="<resent-unread@example.com>")
    mailbox.append(raw, RECEIVED)
    assert poll(config, sessions, mailbox, reader) == Counter(stored=1)
    mailbox.append(resent(raw, RECEIVED + timedelta(days=1)), RECEIVED + timedelta(days=1))
    assert poll(config, sessions, mailbox, reader) == Counter(duplicate=1)
    assert reader.submitted == 2
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 1
