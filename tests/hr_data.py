"""Stores applications with chosen facts straight through the repository, for HR-side tests.

Polling runs the whole pipeline (worker pool, extraction); tests of queries, exports and
summaries only need stored rows with known facts, so they store records directly. The raw
message is still a real MIME message built with the standard ``email`` package.
"""

from __future__ import annotations

import email.utils
import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage

from sqlalchemy.orm import Session, sessionmaker

from intake.rules.identity import name_key
from storage import repository
from storage.database import write_transaction
from storage.models import Message
from storage.records import (
    AcknowledgementRecord,
    ApplicationRecord,
    DocumentRecord,
    FlagRecord,
    MessageKey,
    MessageRecord,
)

_UIDS = itertools.count(1)


@dataclass(frozen=True)
class Doc:
    """A document of a stored application: its name, kind, bytes and extracted text."""

    filename: str
    kind: str = "cv"
    content: bytes = b"%PDF-1.4 test document"
    text: str | None = "Curriculum vitae"
    content_type: str = "application/pdf"
    status: str = "ok"
    language: str | None = "en"
    pages: int | None = 1


@dataclass(frozen=True)
class Stored:
    """The facts of one application to store; every field has a plain default."""

    sender: str = "maria.fernandez@example.com"
    sender_name: str | None = "Maria Fernández"
    candidate_name: str | None = "Maria FERNÁNDEZ"
    subject: str = "Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ"
    received_at: datetime = datetime(2025, 10, 20, 9, 30, tzinfo=UTC)
    vacancy: str | None = "WCO/2025/DD-IS"
    late: bool | None = False
    relatives: str = "none"
    relatives_evidence: str | None = None
    body: str = "Dear Sir or Madam, please find attached my CV and letter."
    flags: tuple[tuple[str, str | None], ...] = ()
    documents: tuple[Doc, ...] = field(
        default_factory=lambda: (
            Doc("CV.pdf"),
            Doc("Letter.pdf", kind="motivation_letter", text="Dear Madam, I apply"),
        )
    )
    acknowledgement: str = "pending"
    previous_application_id: int | None = None


def raw_message(stored: Stored) -> bytes:
    """A real MIME message carrying the sender, subject and body of ``stored``."""
    message = EmailMessage()
    message["From"] = email.utils.formataddr((stored.sender_name or "", stored.sender))
    message["To"] = "recruitment@example.org"
    message["Subject"] = stored.subject
    message["Date"] = email.utils.format_datetime(stored.received_at)
    message["Message-ID"] = email.utils.make_msgid(domain="example.com")
    message.set_content(stored.body)
    for doc in stored.documents:
        maintype, subtype = doc.content_type.split("/", 1)
        message.add_attachment(
            doc.content, maintype=maintype, subtype=subtype, filename=doc.filename
        )
    return message.as_bytes()


def message_record(stored: Stored) -> MessageRecord:
    """The record the pipeline would hand to storage for ``stored``."""
    raw = raw_message(stored)
    digest = hashlib.sha256(raw).hexdigest()
    uid = next(_UIDS)
    return MessageRecord(
        key=MessageKey("hr-data", "INBOX", 1, f"{uid}.{digest[:12]}"),
        raw=raw,
        sha256=digest,
        content_hash=digest,
        received_at=stored.received_at,
        disposition="application",
        message_id=f"<{digest[:16]}@example.com>",
        sender=stored.sender,
        sender_name=stored.sender_name,
        subject=stored.subject,
        application=_application_record(stored),
    )


def _application_record(stored: Stored) -> ApplicationRecord:
    codes = {code for code, _evidence in stored.flags}
    return ApplicationRecord(
        sender=stored.sender,
        sender_name=stored.sender_name,
        subject=stored.subject,
        body_text=stored.body,
        vacancy=stored.vacancy,
        candidate_name=stored.candidate_name,
        subject_valid="subject_invalid" not in codes,
        late=stored.late,
        relatives=stored.relatives,
        relatives_evidence=stored.relatives_evidence,
        has_cv=any(doc.kind == "cv" for doc in stored.documents),
        has_letter=any(doc.kind == "motivation_letter" for doc in stored.documents),
        sender_key=stored.sender.lower(),
        name_key=name_key(stored.candidate_name or stored.sender_name),
        previous_application_id=stored.previous_application_id,
        documents=tuple(_document_record(doc) for doc in stored.documents),
        flags=tuple(FlagRecord(code, evidence) for code, evidence in stored.flags),
        acknowledgement=AcknowledgementRecord(
            status=stored.acknowledgement, recipient=stored.sender
        ),
    )


def _document_record(doc: Doc) -> DocumentRecord:
    return DocumentRecord(
        filename=doc.filename,
        content_type=doc.content_type,
        content=doc.content,
        sha256=hashlib.sha256(doc.content).hexdigest(),
        kind=doc.kind,
        status=doc.status,
        language=doc.language,
        pages=doc.pages,
        text=doc.text,
    )


def store_applications(sessions: sessionmaker[Session], stored: Iterable[Stored]) -> list[int]:
    """Store each application in its own transaction; their application ids, in order."""
    ids: list[int] = []
    for one in stored:
        with write_transaction(sessions) as session:
            result = repository.store_message(session, message_record(one))
            message = session.get_one(Message, result.message_pk)
            assert message.application is not None
            ids.append(message.application.id)
    return ids
