"""Marking stored messages a batch at a time keeps what the mark needs, not the messages."""

from __future__ import annotations

import weakref
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.mailbox.base import RawMessage
from intake.mailbox.open import open_mailbox
from intake.poll.mark_batch import MarkBatch

NOW = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)


def test_a_stored_message_waiting_for_its_mark_does_not_keep_its_bytes_in_memory(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    batch = MarkBatch(open_mailbox(config.mailbox), sessions, size=4)
    large = RawMessage("test", "INBOX", 1, "1", NOW, b"x" * 6_500_000)
    watch = weakref.ref(large)
    batch.add(large, message_pk=1)
    del large
    # Up to a batch of large messages would otherwise stay alive until the batch is marked.
    assert watch() is None
