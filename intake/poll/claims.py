"""A poll's claims on the messages it processes: taken before the work, renewed, given back."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.heartbeat import died_here, holder_name
from intake.mailbox.base import RawMessage
from storage import message_claims
from storage.database import database_errors, write_transaction
from storage.errors import StorageError
from storage.models import utcnow
from storage.records import MessageKey

log = logging.getLogger("intake.poll.cycle")


class MessageClaims:
    """Claims of one poll; another poll sharing the database skips what this one holds."""

    def __init__(self, sessions: sessionmaker[Session], claim_seconds: int) -> None:
        self._sessions = sessions
        self._lease = timedelta(seconds=claim_seconds)
        self.claimer = holder_name()
        self.skipped = 0

    def only_claimed(self, messages: Iterable[RawMessage]) -> Iterator[RawMessage]:
        """The messages this poll could claim: not stored meanwhile, not held by a live poll."""
        for raw in messages:
            if self._take(raw):
                yield raw
            else:
                self.skipped += 1
                log.info("uid=%s skipped: stored or being processed by another poll", raw.uid)

    def renew(self) -> None:
        """The heartbeat: this poll is alive and still holds its claims."""
        message_claims.renew(self._sessions, self.claimer, utcnow() + self._lease)

    def release_all(self) -> None:
        """Give back what is still held (the poll ends); a failure only lets them run out."""
        try:
            message_claims.release_all(self._sessions, self.claimer)
        except StorageError as exc:
            log.warning("message claims not given back (they run out by themselves): %s", exc)

    def _take(self, raw: RawMessage) -> bool:
        key = MessageKey(raw.mailbox, raw.folder, raw.uidvalidity, raw.uid)
        now = utcnow()
        until = now + self._lease
        with database_errors(), write_transaction(self._sessions) as session:
            if message_claims.claim(session, key, self.claimer, now, until):
                return True
            # A poll of this host killed a moment ago need not hold its messages for a lease.
            holder = message_claims.holder(session, key)
            if holder is None or not died_here(holder):
                return False
            return message_claims.take_over(session, key, holder, self.claimer, until)
