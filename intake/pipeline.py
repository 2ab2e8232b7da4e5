"""One message, one transaction: analyse, store, and only then mark it done in the mailbox."""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from intake.analysis import analyse, quarantined
from intake.config import Config
from intake.mailbox.base import Mailbox, RawMessage
from storage import repository
from storage.database import database_errors
from storage.errors import DatabaseUnavailable
from storage.records import MessageRecord
from storage.repository import StoreOutcome, StoreResult

log = logging.getLogger(__name__)


class _RefusedRecord(Exception):
    """The database refused a value of this record; the connection itself is fine."""


def process_message(
    raw: RawMessage, mailbox: Mailbox, sessions: sessionmaker[Session], config: Config
) -> tuple[MessageRecord, StoreResult]:
    """Store one message, then mark it done; a crash before the mark only repeats work."""
    record = analyse(raw, config)
    try:
        result = _store(record, sessions)
    except _RefusedRecord as refused:
        log.warning("uid=%s refused by the database, stored quarantined: %s", raw.uid, refused)
        record = quarantined(raw, refused)
        try:
            result = _store(record, sessions)
        except _RefusedRecord as again:
            # Even the bare record (raw bytes, key, error) is refused: the database, not the
            # message, is at fault. Fail the poll; the message is fetched again next time.
            raise DatabaseUnavailable(f"database refuses every write: {again}") from again
    mailbox.mark_done(raw)
    return record, result


def _store(record: MessageRecord, sessions: sessionmaker[Session]) -> StoreResult:
    """Store in one transaction; a refused value is _RefusedRecord, a lost database an outage."""
    try:
        with sessions.begin() as session:
            return repository.store_message(session, record)
    except IntegrityError as exc:
        earlier = _stored_by_another_poller(record, sessions)
        if earlier is None:
            raise _RefusedRecord(f"integrity error: {exc.orig}") from exc
        return earlier
    except (OperationalError, InterfaceError) as exc:
        if isinstance(exc, InterfaceError) or exc.connection_invalidated:
            raise DatabaseUnavailable(f"database unavailable: {exc.orig or exc}") from exc
        # A statement-level failure (a lock timeout, an index entry too large, ...): try the
        # bare quarantined record; if the database refuses that too, it is an outage.
        raise _RefusedRecord(str(exc.orig or exc)) from exc
    except (StatementError, ValueError) as exc:
        raise _RefusedRecord(str(exc)) from exc


def _stored_by_another_poller(
    record: MessageRecord, sessions: sessionmaker[Session]
) -> StoreResult | None:
    """After a unique-key clash: the row another poller committed under the same key."""
    with database_errors(), sessions() as session:
        message_pk = repository.message_at(session, record.key)
    return None if message_pk is None else StoreResult(StoreOutcome.ALREADY_STORED, message_pk)
