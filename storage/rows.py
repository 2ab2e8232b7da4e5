"""Turns the frozen records the service hands over into new ORM rows (not yet in a session)."""

from __future__ import annotations

from typing import Any

from storage.models import Acknowledgement, Application, Document, Flag
from storage.records import AcknowledgementRecord, ApplicationRecord, MessageRecord


def application_row(record: MessageRecord) -> Application:
    """A new application with its documents, flags and outbox row, from a message's record."""
    facts = record.application
    assert facts is not None
    application = Application(received_at=record.received_at, **application_columns(facts))
    application.documents = document_rows(facts)
    application.flags = flag_rows(facts)
    application.acknowledgement = acknowledgement_row(facts.acknowledgement)
    return application


def application_columns(facts: ApplicationRecord) -> dict[str, Any]:
    """The application's own columns (not its documents, flags or acknowledgement)."""
    return {
        "sender": facts.sender,
        "sender_name": facts.sender_name,
        "subject": facts.subject,
        "body_text": facts.body_text,
        "vacancy": facts.vacancy,
        "candidate_name": facts.candidate_name,
        "subject_valid": facts.subject_valid,
        "late": facts.late,
        "relatives": facts.relatives,
        "relatives_evidence": facts.relatives_evidence,
        "relatives_relation": facts.relatives_relation,
        "relatives_name": facts.relatives_name,
        "has_cv": facts.has_cv,
        "has_letter": facts.has_letter,
        "sender_key": facts.sender_key,
        "name_key": facts.name_key,
        "previous_application_id": facts.previous_application_id,
    }


def document_rows(facts: ApplicationRecord) -> list[Document]:
    """One new row per document of the application."""
    return [
        Document(
            filename=doc.filename,
            content_type=doc.content_type,
            size=doc.size,
            sha256=doc.sha256,
            content=doc.content,
            kind=doc.kind,
            status=doc.status,
            language=doc.language,
            pages=doc.pages,
            text=doc.text,
            error=doc.error,
        )
        for doc in facts.documents
    ]


def flag_rows(facts: ApplicationRecord) -> list[Flag]:
    """One new row per flag of the application."""
    return [Flag(code=flag.code, evidence=flag.evidence) for flag in facts.flags]


def acknowledgement_row(acknowledgement: AcknowledgementRecord) -> Acknowledgement:
    """The outbox row the policy decided on when the application was first stored."""
    return Acknowledgement(
        status=acknowledgement.status,
        recipient=acknowledgement.recipient,
        reason=acknowledgement.reason,
        language=acknowledgement.language,
        outbound_message_id=acknowledgement.message_id,
    )
