"""Marking stored messages a batch at a time keeps what the mark needs, not the messages."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.mailbox.base import RawMessage
from intake.mailbox.maildir import MaildirMailbox
from intake.poll.mark_batch import MarkBatch
from storage.database import create_database_engine, session_factory
from storage.migrate import upgrade_to_head

NOW = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'intake.db'}")
    upgrade_to_head(engine)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def maildir(tmp_path: Path) -> MaildirMailbox:
    for sub in ("new", "cur", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    return MaildirMailbox(tmp_path / "Maildir")


def test_a_stored_message_waiting_for_its_mark_does_not_keep_its_bytes_in_memory(
    sessions: sessionmaker[Session], maildir: MaildirMailbox
) -> None:
    batch = MarkBatch(maildir, sessions, size=4)
    large = RawMessage("test", "INBOX", 1, "1", NOW, b"x" * 6_500_000)
    watch = weakref.ref(large)
    batch.add(large, message_pk=1)
    del large
    # Up to a batch of large messages would otherwise stay alive until the batch is marked.
    assert watch() is None
