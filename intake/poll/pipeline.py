"""One message, one transaction: the analysed record stored (its mark comes after, in
``intake.poll.mark_batch``)."""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from intake.mailbox.base import RawMessage
from intake.poll.analysis import quarantined
from intake.poll.grouping import group_application
from intake.poll.refusals import RecordRefused, refused_values
from parsers.semantic_fingerprint import raw_semantic_fingerprint
from storage import message_claims, repository
from storage.database import database_errors, write_transaction
from storage.errors import DatabaseUnavailable
from storage.models import Message
from storage.records import MessageRecord
from storage.repository import StoreOutcome, StoreResult

log = logging.getLogger(__name__)


def process_message(
    raw: RawMessage, record: MessageRecord, sessions: sessionmaker[Session]
) -> tuple[MessageRecord, StoreResult]:
    """Store one analysed message. Its mailbox mark comes only after this commit: a crash
    before the mark only repeats work.

    Returns the record as stored (quarantined instead, when the database refused a value).
    """
    try:
        result = _store(record, sessions)
    except RecordRefused as refused:
        log.warning("uid=%s refused by the database, stored quarantined: %s", raw.uid, refused)
        record = quarantined(raw, refused)
        try:
            result = _store(record, sessions)
        except RecordRefused as again:
            # Even the bare record (raw bytes, key, error) is refused: the database, not the
            # message, is at fault. Fail the poll; the message is fetched again next time.
            raise DatabaseUnavailable(f"database refuses every write: {again}") from again
    return record, result


def _store(record: MessageRecord, sessions: sessionmaker[Session]) -> StoreResult:
    """Store in one transaction; refused values are RecordRefused, anything else an outage.

    A unique-key clash is no refusal when another poller has just stored the same message.
    """
    try:
        with refused_values(), write_transaction(sessions) as session:
            message_claims.release(session, record.key)
            result = repository.store_message(session, record, raw_semantic_fingerprint)
            if result.outcome is StoreOutcome.STORED and record.application is not None:
                _group(session, result.message_pk)
            return result
    except RecordRefused as refused:
        if isinstance(refused.__cause__, IntegrityError):
            earlier = _stored_by_another_poller(record, sessions)
            if earlier is not None:
                return earlier
        raise


def _group(session: Session, message_pk: int) -> None:
    """Put the new application in its candidate, in the transaction that stores it."""
    message = session.get(Message, message_pk)  # just added: no query
    application = message.application if message is not None else None
    if application is None:
        return
    try:
        with session.begin_nested():
            group_application(session, application, new=True)
    except (ValueError, LookupError, TypeError, AttributeError) as exc:
        # A bug in grouping must not lose the message: it is stored ungrouped, and
        # ``intake reprocess`` groups it once the fault is fixed.
        log.error("application %s stored but not grouped: %r", application.id, exc)


def _stored_by_another_poller(
    record: MessageRecord, sessions: sessionmaker[Session]
) -> StoreResult | None:
    """After a unique-key clash: the row another poller committed under the same key."""
    with database_errors(), sessions() as session:
        message_pk = repository.message_at(session, record.key)
    return None if message_pk is None else StoreResult(StoreOutcome.ALREADY_STORED, message_pk)
