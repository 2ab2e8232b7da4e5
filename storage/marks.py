"""Which stored messages the mailbox was told about (``messages.marked_at``), and recording it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.batches import IN_LIST_LIMIT, in_batches
from storage.models import Message


@dataclass(frozen=True)
class Unmarked:
    """A stored message whose mark in the mailbox was never recorded."""

    message_pk: int
    uidvalidity: int
    uid: str


def unmarked(
    session: Session, mailbox: str, folder: str, limit: int = IN_LIST_LIMIT
) -> list[Unmarked]:
    """Up to ``limit`` unmarked messages of one folder, oldest first (the partial index
    ``ix_messages_unmarked`` holds exactly these rows, so this costs O(unmarked))."""
    query = (
        select(Message.id, Message.uidvalidity, Message.uid)
        .where(Message.mailbox == mailbox, Message.folder == folder, Message.marked_at.is_(None))
        .order_by(Message.id)
        .limit(limit)
    )
    return [Unmarked(row.id, row.uidvalidity, row.uid) for row in session.execute(query)]


def record_marked(session: Session, message_pks: Iterable[int], now: datetime) -> None:
    """The mailbox now shows these messages as done (or never will: nothing is left to do)."""
    for chunk in in_batches(message_pks):
        session.execute(
            update(Message)
            .where(Message.id.in_(chunk), Message.marked_at.is_(None))
            .values(marked_at=now)
        )
