"""Writes one processed message in one transaction and answers what is already stored."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, defer

from storage.batches import in_batches
from storage.erasure import ERASED, TOMBSTONE_VALUES
from storage.errors import CopyVanished
from storage.models import MailboxState, Message
from storage.records import MessageKey, MessageRecord
from storage.resends import Fingerprint, resent_original
from storage.rows import application_row


class StoreOutcome(enum.StrEnum):
    """What storing a message did."""

    STORED = "stored"
    DUPLICATE = "duplicate"
    RELOCATED = "relocated"
    ALREADY_STORED = "already_stored"
    ERASED = "erased"


@dataclass(frozen=True)
class StoreResult:
    """The outcome and the id of the message row that now holds the message."""

    outcome: StoreOutcome
    message_pk: int


def stored_watermark(session: Session, mailbox: str, folder: str) -> tuple[int, int] | None:
    """(uidvalidity, last_uid) of a folder, or None."""
    row = session.execute(
        select(MailboxState.uidvalidity, MailboxState.last_uid).where(
            MailboxState.mailbox == mailbox, MailboxState.folder == folder
        )
    ).first()
    return (row[0], row[1]) if row else None


def known_uids(
    session: Session, mailbox: str, folder: str, uidvalidity: int, uids: Iterable[str]
) -> set[str]:
    """Those UIDs of a folder that already have a message row."""
    found: set[str] = set()
    for chunk in in_batches(uids):
        found.update(
            session.scalars(
                select(Message.uid).where(
                    Message.mailbox == mailbox,
                    Message.folder == folder,
                    Message.uidvalidity == uidvalidity,
                    Message.uid.in_(chunk),
                )
            )
        )
    return found


def store_message(
    session: Session, record: MessageRecord, fingerprint: Fingerprint | None = None
) -> StoreResult:
    """Store ``record`` inside the caller's transaction; the caller commits.

    A message already stored under its key, or relocated from a stale UIDVALIDITY, or a
    second copy of stored content, never makes a second application. A copy of an erased
    message is stored as one more empty tombstone, never read in again. With ``fingerprint``
    a re-send of a stored message in other raw bytes (another Date, MIME boundary or
    transfer encoding; same Message-ID, sender and content) is a duplicate too.
    """
    existing = message_at(session, record.key)
    if existing is not None:
        return StoreResult(StoreOutcome.ALREADY_STORED, existing)
    if _is_erased(session, record.content_hash):
        return StoreResult(StoreOutcome.ERASED, _store_tombstone(session, record))
    stale = _stale_copy(session, record)
    if stale is not None:
        stale.uidvalidity, stale.uid = record.key.uidvalidity, record.key.uid
        _advance_watermark(session, record)
        return StoreResult(StoreOutcome.RELOCATED, stale.id)
    original = _same_content(session, record)
    reason = "same Message-ID and content as message {}"
    if original is None:
        original = resent_original(session, record, fingerprint)
        reason = "same Message-ID, sender and content as message {}, re-sent in other bytes"
    if original is None and record.copy_expected:
        raise CopyVanished(f"no stored copy of {record.message_id or 'a message'} any more")
    message = _message_row(record)
    if original is not None:
        message.disposition = "duplicate"
        message.duplicate_of_id = original.id
        message.disposition_reason = reason.format(original.id)
    elif record.application is not None:
        message.application = application_row(record)
    session.add(message)
    _advance_watermark(session, record)
    session.flush()
    outcome = StoreOutcome.DUPLICATE if original is not None else StoreOutcome.STORED
    return StoreResult(outcome, message.id)


def has_copy(session: Session, message_id: str | None, content_hash: str) -> bool:
    """Whether a message with this Message-ID and content fingerprint is stored already, or
    was erased (its tombstone keeps only the fingerprint): its attachments need no reading."""
    same_id = or_(_same_id(message_id), Message.disposition == ERASED)
    query = select(Message.id).where(same_id, Message.content_hash == content_hash).limit(1)
    return session.scalar(query) is not None


def message_at(session: Session, key: MessageKey) -> int | None:
    return session.scalar(
        select(Message.id).where(
            Message.mailbox == key.mailbox,
            Message.folder == key.folder,
            Message.uidvalidity == key.uidvalidity,
            Message.uid == key.uid,
        )
    )


def _same_id(message_id: str | None) -> ColumnElement[bool]:
    """Rows with this Message-ID (or with none, when the message has none)."""
    return Message.message_id.is_(None) if message_id is None else Message.message_id == message_id


def _same_content_query(record: MessageRecord) -> Select[Message]:
    # The copy's raw bytes are the record's own: only its row is needed, never its bytes.
    return (
        select(Message)
        .options(defer(Message.raw))
        .where(_same_id(record.message_id), Message.content_hash == record.content_hash)
        .order_by(Message.id)
        .limit(1)
    )


def _first_locked(session: Session, query: Select[Message]) -> Message | None:
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return session.scalars(query).first()


def _stale_copy(session: Session, record: MessageRecord) -> Message | None:
    """A row of the same content in the same folder under an older UIDVALIDITY."""
    key = record.key
    query = _same_content_query(record).where(
        Message.mailbox == key.mailbox,
        Message.folder == key.folder,
        Message.uidvalidity != key.uidvalidity,
    )
    return _first_locked(session, query)


def _same_content(session: Session, record: MessageRecord) -> Message | None:
    """The first stored copy (not itself a duplicate) of the same Message-ID and content."""
    query = _same_content_query(record).where(Message.disposition != "duplicate")
    return _first_locked(session, query)


def _is_erased(session: Session, content_hash: str) -> bool:
    """Whether a message of this content was purged or erased (a tombstone has it)."""
    query = select(Message.id).where(
        Message.content_hash == content_hash, Message.disposition == ERASED
    )
    return session.scalar(query.limit(1)) is not None


def _store_tombstone(session: Session, record: MessageRecord) -> int:
    """A row for this key holding nothing of the message but its size and hashes."""
    message = _message_row(record)
    for column, value in TOMBSTONE_VALUES.items():
        setattr(message, column, value)
    session.add(message)
    _advance_watermark(session, record)
    session.flush()
    return message.id


def _message_row(record: MessageRecord) -> Message:
    key = record.key
    return Message(
        mailbox=key.mailbox,
        folder=key.folder,
        uidvalidity=key.uidvalidity,
        uid=key.uid,
        message_id=record.message_id,
        sha256=record.sha256,
        content_hash=record.content_hash,
        size=len(record.raw),
        raw=record.raw,
        received_at=record.received_at,
        date_header=record.date_header,
        date_claimed=record.date_claimed,
        sender=record.sender,
        sender_name=record.sender_name,
        subject=record.subject,
        disposition=record.disposition,
        disposition_reason=record.disposition_reason,
        error=record.error,
    )


def _advance_watermark(session: Session, record: MessageRecord) -> None:
    """Raise the folder's watermark to this UID in the same transaction (upsert, race-safe)."""
    if record.watermark_uid is None:
        return
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(MailboxState).values(
        mailbox=record.key.mailbox,
        folder=record.key.folder,
        uidvalidity=record.key.uidvalidity,
        last_uid=record.watermark_uid,
    )
    greatest = func.greatest if dialect == "postgresql" else func.max
    excluded = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=[MailboxState.mailbox, MailboxState.folder],
        set_={
            "last_uid": case(
                (
                    MailboxState.uidvalidity == excluded.uidvalidity,
                    greatest(MailboxState.last_uid, excluded.last_uid),
                ),
                else_=excluded.last_uid,
            ),
            "uidvalidity": excluded.uidvalidity,
            "updated_at": func.now(),
        },
    )
    session.execute(statement)
