"""Marks stored messages done in the mailbox a batch at a time, then records the marks: one
mailbox command and one transaction for many messages instead of one each."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy.orm import Session, sessionmaker

from intake.errors import IntakeError
from intake.mailbox.base import Mailbox, RawMessage
from intake.mailbox.reconcile import mark_and_record
from storage.errors import StorageError

log = logging.getLogger("intake.poll.cycle")
#: Stored messages marked together. Each batch is one command to an IMAP server (a round trip
#: to a hosted mailbox costs tens of milliseconds) and one transaction; a crash before the
#: mark leaves at most this many to the next poll's reconciliation (``intake.mailbox.reconcile``).
MARK_BATCH = 16


@dataclass(frozen=True)
class _Stored:
    """What marking a stored message needs: its place in the mailbox and its row, not its
    bytes (a batch of large messages would keep a hundred MiB alive until its mark)."""

    uidvalidity: int
    uid: str
    message_pk: int


class MarkBatch:
    """Stored messages waiting for their mark; ``add`` marks a full batch, ``flush`` the rest."""

    def __init__(
        self, mailbox: Mailbox, sessions: sessionmaker[Session], size: int = MARK_BATCH
    ) -> None:
        self._mailbox = mailbox
        self._sessions = sessions
        self._size = size
        self._pending: list[_Stored] = []

    def add(self, raw: RawMessage, message_pk: int) -> None:
        """``raw`` is committed as row ``message_pk``: mark it with the next batch."""
        self._pending.append(_Stored(raw.uidvalidity, raw.uid, message_pk))
        if len(self._pending) >= self._size:
            self.flush()

    def flush(self) -> None:
        """Mark what is waiting, then record it; a refused mark is logged (the message is safe
        in the database and the next poll marks it), a lost connection is raised."""
        pending, self._pending = self._pending, []
        for uidvalidity, batch in groupby(pending, key=lambda item: item.uidvalidity):
            stored = list(batch)
            uids, message_pks = [item.uid for item in stored], [item.message_pk for item in stored]
            mark_and_record(self._mailbox, self._sessions, uidvalidity, uids, message_pks)

    def flush_quietly(self) -> None:
        """``flush`` on a poll that is failing: a failure here is logged, not raised over the
        poll's own (what stays unmarked is marked by the next poll)."""
        try:
            self.flush()
        except (IntakeError, StorageError) as exc:
            log.warning("stored messages left for the next poll to mark done: %s", exc)
