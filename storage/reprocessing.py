"""Rewrites what is stored about a message read again: an application's facts in place, or a
quarantined message settled with its new disposition."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from storage.flags import OUTBOX_FLAGS
from storage.models import Application, Document, Message
from storage.raw_head import raw_head
from storage.records import ApplicationRecord, MessageKey, MessageRecord
from storage.rows import application_columns, application_row, document_rows, flag_rows

QUARANTINED = "quarantined"
# The application's own columns: its record's fields but the rows that hang off it.
APPLICATION_COLUMNS = tuple(
    field.name
    for field in fields(ApplicationRecord)
    if field.name not in ("documents", "flags", "acknowledgement")
)
# The message columns parsing fills in (named as in MessageRecord).
HEADER_COLUMNS = (
    "message_id", "date_header", "date_claimed", "sender", "sender_name", "subject",
    "disposition_reason",
)  # fmt: skip
# The document columns compared when an application is read again (the bytes by their hash).
DOCUMENT_FIELDS = (
    "filename", "content_type", "size", "sha256", "kind", "status", "language", "pages", "text",
    "error",
)  # fmt: skip


@dataclass(frozen=True)
class StoredMessage:
    """A stored message's raw bytes and where and when it arrived, to read it again."""

    message_pk: int
    key: MessageKey
    received_at: datetime
    raw: bytes
    disposition: str
    error: str | None


@dataclass(frozen=True)
class StoredFacts:
    """What an application says, in a form two readings can be compared by."""

    columns: Mapping[str, Any]
    message: Mapping[str, Any]
    documents: tuple[tuple[Any, ...], ...]
    flags: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Replacement:
    """An application's facts before and after it was read again (equal: nothing written)."""

    before: StoredFacts
    after: StoredFacts

    @property
    def changed(self) -> bool:
        """Whether the new reading differs from the stored one."""
        return self.before != self.after


def applications_in_receipt_order(session: Session, vacancy: str | None) -> list[int]:
    """Application ids by (received_at, id): every one, or ``vacancy``'s and the unknown ones."""
    query = select(Application.id).order_by(Application.received_at, Application.id)
    if vacancy is not None:
        query = query.where(or_(Application.vacancy == vacancy, Application.vacancy.is_(None)))
    return list(session.scalars(query))


def message_of_application(session: Session, application_id: int) -> StoredMessage | None:
    """The stored message an application came from, or None when the application is gone."""
    message_pk = session.scalar(
        select(Application.message_pk).where(Application.id == application_id)
    )
    return None if message_pk is None else stored_message(session, message_pk)


def stored_message(session: Session, message_pk: int) -> StoredMessage | None:
    """One stored message with its raw bytes, or None."""
    message = session.get(Message, message_pk)
    if message is None:
        return None
    return StoredMessage(
        message_pk=message.id,
        key=MessageKey(message.mailbox, message.folder, message.uidvalidity, message.uid),
        received_at=message.received_at,
        raw=message.raw,
        disposition=message.disposition,
        error=message.error,
    )


def replace_facts(
    session: Session, application_id: int, record: MessageRecord
) -> Replacement | None:
    """Write ``record``'s application facts over the stored ones, in the caller's transaction.

    The application keeps its id, its message row and its acknowledgement row untouched;
    its columns are updated, its documents and flags replaced, the message's parsed headers
    refreshed. Nothing is written when the new reading equals the stored one. None when the
    application is gone (erased or purged meanwhile).
    """
    application = _application_to_compare(session, application_id)
    if application is None:
        return None
    replacement = _replacement(application, record)
    if replacement.changed:
        _write(session, application, record, replacement)
    return replacement


def compare_facts(
    session: Session, application_id: int, record: MessageRecord
) -> Replacement | None:
    """What ``replace_facts`` would write, without writing anything (``reprocess --dry-run``);
    None when the application is gone."""
    application = _application_to_compare(session, application_id)
    return None if application is None else _replacement(application, record)


def _replacement(application: Application, record: MessageRecord) -> Replacement:
    facts = record.application
    assert facts is not None
    return Replacement(stored_facts(application), facts_of(record, facts))


def _application_to_compare(session: Session, application_id: int) -> Application | None:
    """The application with what a comparison needs: documents (no bytes), flags, headers."""
    return session.scalar(
        select(Application)
        .where(Application.id == application_id)
        .options(
            # The documents' bytes are compared by their hash: never loaded.
            selectinload(Application.documents).defer(Document.content),
            selectinload(Application.flags),
            selectinload(Application.message).load_only(
                *(getattr(Message, name) for name in HEADER_COLUMNS)
            ),
        )
    )


def _write(
    session: Session, application: Application, record: MessageRecord, replacement: Replacement
) -> None:
    """Update the columns; replace documents and flags only where they differ, so that an
    unchanged document keeps its row (and its id)."""
    facts = record.application
    assert facts is not None
    for name, value in application_columns(facts).items():
        setattr(application, name, value)
    for name, value in message_headers(record).items():
        setattr(application.message, name, value)
    before, after = replacement.before, replacement.after
    new_documents, new_flags = before.documents != after.documents, before.flags != after.flags
    # The old rows go first: a flag code is unique per application, and the unit of work
    # would otherwise insert the new rows before deleting the old ones.
    if new_documents:
        application.documents.clear()
    if new_flags:  # the outbox's flags stay: no rule raises them
        for flag in [flag for flag in application.flags if flag.code not in OUTBOX_FLAGS]:
            application.flags.remove(flag)
    session.flush()
    if new_documents:
        application.documents = document_rows(facts)
    if new_flags:
        application.flags.extend(flag_rows(facts))
    session.flush()


def settle_quarantined(session: Session, message_pk: int, record: MessageRecord) -> int | None:
    """Give a quarantined message its new disposition, headers and (for an application) a new
    application with documents, flags and outbox row; the error is cleared.

    Returns the new application's id, or None for another disposition. The caller has made
    sure the row is still quarantined (``lock_quarantined``).
    """
    message = session.get_one(Message, message_pk)
    message.disposition = record.disposition
    message.error = None
    for name, value in message_headers(record).items():
        setattr(message, name, value)
    if record.application is None:
        session.flush()
        return None
    message.application = application_row(record)
    session.flush()
    return message.application.id


def lock_quarantined(session: Session, message_pk: int) -> bool:
    """Whether the message is (still) quarantined; on PostgreSQL its row is locked until the
    transaction ends, so that two retries of one message cannot both settle it."""
    query = select(Message.disposition).where(Message.id == message_pk)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return session.scalar(query) == QUARANTINED


def record_quarantine_error(session: Session, message_pk: int, error: str) -> None:
    """A quarantined message that still fails keeps its place with the newest error."""
    message = session.get_one(Message, message_pk)
    if message.disposition == QUARANTINED:
        message.error = error


def error_summary(error: str | None) -> str:
    """The first line of a stored error: the exception's type and message, not its traceback."""
    return next((line.strip() for line in (error or "").splitlines() if line.strip()), "")


def message_headers(record: MessageRecord) -> dict[str, Any]:
    """What parsing a message gives its stored row: headers and the disposition's reason."""
    return {name: getattr(record, name) for name in HEADER_COLUMNS}


def stored_facts(application: Application) -> StoredFacts:
    """The facts as stored."""
    message = application.message
    return StoredFacts(
        columns={name: getattr(application, name) for name in APPLICATION_COLUMNS},
        message={name: getattr(message, name) for name in HEADER_COLUMNS},
        documents=tuple(_document_values(doc) for doc in application.documents),
        flags=tuple(
            (flag.code, flag.evidence)
            for flag in application.flags
            if flag.code not in OUTBOX_FLAGS
        ),
    )


def facts_of(record: MessageRecord, facts: ApplicationRecord) -> StoredFacts:
    """The facts as a new reading would store them."""
    return StoredFacts(
        columns=application_columns(facts),
        message=message_headers(record),
        documents=tuple(_document_values(doc) for doc in document_rows(facts)),
        flags=tuple((flag.code, flag.evidence) for flag in facts.flags),
    )


def _document_values(document: Document) -> tuple[Any, ...]:
    return tuple(getattr(document, name) for name in DOCUMENT_FIELDS)


@dataclass(frozen=True)
class QuarantinedRow:
    """A quarantined message as the listing shows it; ``head`` starts its raw bytes."""

    id: int
    received_at: datetime
    sender: str | None
    subject: str | None
    error: str | None
    head: bytes


def quarantined_messages(session: Session) -> Iterator[QuarantinedRow]:
    """Every quarantined message, oldest first, with only the start of its raw bytes."""
    query = (
        select(
            Message.id,
            Message.received_at,
            Message.sender,
            Message.subject,
            Message.error,
            raw_head(),
        )
        .where(Message.disposition == QUARANTINED)
        .order_by(Message.received_at, Message.id)
        .execution_options(yield_per=100)
    )
    for row in session.execute(query):
        yield QuarantinedRow(*row)
