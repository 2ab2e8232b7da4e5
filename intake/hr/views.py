"""Stored rows rendered as the plain dictionaries the CLI contract promises."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer, selectinload

from storage.models import Application, Document, Message
from storage.queries import ApplicationQuery, select_applications

APPLICATION_COLUMNS = (
    "id", "message_id", "received_at", "sender", "subject", "vacancy", "candidate_name",
    "subject_valid", "late", "relatives", "relatives_evidence", "documents", "flags",
    "acknowledgement", "relatives_relation", "relatives_name", "previous_application",
    "superseded_by",
)  # fmt: skip
#: What fits a terminal; JSON and CSV carry every column. ``late`` is left out: the flag
#: list says ``late`` (and ``vacancy_unknown`` where it would be empty).
APPLICATION_TABLE_COLUMNS = (
    "id", "received_at", "sender", "candidate_name", "vacancy", "flags", "acknowledgement",
)  # fmt: skip
#: Applications loaded (with their documents, flags, acknowledgement) per batch when listing.
BATCH_SIZE = 200
MESSAGE_TABLE_COLUMNS = ("id", "received_at", "sender", "subject", "disposition")
MESSAGE_COLUMNS = (
    "id", "message_id", "received_at", "sender", "subject", "disposition", "error",
)  # fmt: skip


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z suffix."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def application_dicts(
    session: Session, query: ApplicationQuery | None = None, *, evidence: bool = False
) -> Iterator[dict[str, Any]]:
    """The applications ``query`` selects (every one, oldest first, by default) as the
    contract's JSON objects; ``evidence`` adds ``flag_evidence`` (code -> evidence)."""
    statement = select_applications(query).options(
        # The raw message and the documents' bytes and text are never listed: skip them.
        selectinload(Application.documents).load_only(
            Document.filename,
            Document.kind,
            Document.content_type,
            Document.size,
            Document.sha256,
            Document.status,
            Document.language,
            Document.pages,
        ),
        selectinload(Application.flags),
        selectinload(Application.acknowledgement),
        selectinload(Application.message).load_only(Message.message_id),
        defer(Application.body_text),
    )
    superseding = newest_resubmissions(session)
    # In batches: the rows of one batch, never every application's objects, are in memory.
    batches = statement.execution_options(yield_per=BATCH_SIZE)
    for application in session.scalars(batches):
        values = application_dict(application, superseding.get(application.id))
        if evidence:
            values["flag_evidence"] = {flag.code: flag.evidence for flag in application.flags}
        yield values


def newest_resubmissions(session: Session) -> dict[int, int]:
    """Application id -> the newest application that resubmits it (supersedes it)."""
    newer = (
        select(Application.previous_application_id, func.max(Application.id))
        .where(Application.previous_application_id.is_not(None))
        .group_by(Application.previous_application_id)
    )
    return {previous: newest for previous, newest in session.execute(newer) if previous}


def application_dict(application: Application, superseded_by: int | None = None) -> dict[str, Any]:
    """One application as the contract's JSON object, extended with resubmission links."""
    ack = application.acknowledgement
    return {
        "id": application.id,
        "message_id": application.message.message_id,
        "received_at": iso_utc(application.received_at),
        "sender": application.sender,
        "subject": application.subject,
        "vacancy": application.vacancy,
        "candidate_name": application.candidate_name,
        "subject_valid": application.subject_valid,
        "late": application.late,
        "relatives": application.relatives,
        "relatives_evidence": application.relatives_evidence,
        "documents": [document_fields(doc) for doc in application.documents],
        "flags": [flag.code for flag in application.flags],
        "acknowledgement": ack.status if ack else "disabled",
        "relatives_relation": application.relatives_relation,
        "relatives_name": application.relatives_name,
        "previous_application": application.previous_application_id,
        "superseded_by": superseded_by,
    }


def document_fields(doc: Document) -> dict[str, Any]:
    """One document as the contract lists it."""
    return {
        "filename": doc.filename,
        "kind": doc.kind,
        "content_type": doc.content_type,
        "size": doc.size,
        "sha256": doc.sha256,
        "status": doc.status,
        "language": doc.language,
        "pages": doc.pages,
    }


def message_dicts(session: Session) -> Iterator[dict[str, Any]]:
    """Every stored message, oldest first, without the raw bytes."""
    columns = (
        Message.id, Message.message_id, Message.received_at, Message.sender,
        Message.subject, Message.disposition, Message.error,
    )  # fmt: skip
    query = select(*columns).order_by(Message.received_at, Message.id)
    for row in session.execute(query):
        values: dict[str, Any] = dict(zip(MESSAGE_COLUMNS, row, strict=True))
        values["received_at"] = iso_utc(row.received_at)
        yield values
