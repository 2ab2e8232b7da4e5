"""One application as ``intake show --format json`` gives it, every string made safe to print.

Every string comes from a stranger's message; each goes through ``intake.terminal_text``.
``intake.hr.application.text`` lays the same object out for a terminal.
"""

from __future__ import annotations

from typing import Any

from intake.config.deadlines import deadline_of, local_time
from intake.config.settings import Config, VacancyConfig
from intake.hr.application.headers import shown_headers
from intake.hr.views import iso_utc
from intake.terminal_text import safe_line, safe_text
from storage.application_detail import (
    ApplicationDetail,
    DetailAcknowledgement,
    DetailDocument,
    RelatedSubmission,
)


def configured_vacancy(config: Config, reference: str | None) -> VacancyConfig | None:
    """The vacancy of the config with this reference, if it is (still) configured."""
    return next((v for v in config.vacancies if v.reference == reference), None)


def detail_dict(detail: ApplicationDetail, config: Config) -> dict[str, Any]:
    """The application as one JSON object, every string made safe."""
    zone = config.organisation.timezone
    return {
        "id": detail.id,
        "message_id": safe_line(detail.message_id) or None,
        "received_at": iso_utc(detail.received_at),
        "received_local": local_time(detail.received_at, zone),
        "headers": [
            {"name": label, "value": value} for label, value in shown_headers(detail.raw_head)
        ],
        "sender": safe_line(detail.sender) or None,
        "sender_name": safe_line(detail.sender_name) or None,
        "subject": safe_line(detail.subject),
        "candidate_name": safe_line(detail.candidate_name) or None,
        "subject_valid": detail.subject_valid,
        "vacancy": _vacancy_dict(detail.vacancy, config),
        "late": detail.late,
        "relatives": {
            "outcome": safe_line(detail.relatives),
            "evidence": safe_text(detail.relatives_evidence) or None,
            "relation": safe_line(detail.relatives_relation) or None,
            "name": safe_line(detail.relatives_name) or None,
        },
        "documents": [_document_dict(doc) for doc in detail.documents],
        "flags": [
            {"code": safe_line(flag.code), "evidence": safe_text(flag.evidence) or None}
            for flag in detail.flags
        ],
        "acknowledgement": _acknowledgement_dict(detail.acknowledgement),
        "earlier_submissions": [_related_dict(one) for one in detail.earlier],
        "later_submissions": [_related_dict(one) for one in detail.later],
    }


def _vacancy_dict(reference: str | None, config: Config) -> dict[str, Any] | None:
    if reference is None:
        return None
    vacancy = configured_vacancy(config, reference)
    deadline = deadline_of(vacancy, config.organisation) if vacancy else None
    return {
        "reference": safe_line(reference),
        "title": vacancy.title if vacancy else None,
        "deadline": iso_utc(deadline.last_on_time) if deadline else None,
        "deadline_local": deadline.describe() if deadline else None,
    }


def _document_dict(doc: DetailDocument) -> dict[str, Any]:
    return {
        "filename": safe_line(doc.filename),
        "kind": safe_line(doc.kind),
        "status": safe_line(doc.status) or None,
        "language": safe_line(doc.language) or None,
        "pages": doc.pages,
        "size": doc.size,
        "content_type": safe_line(doc.content_type),
        "error": safe_text(doc.error) or None,
        "excerpt": safe_text(doc.excerpt) or None,
        "text_length": doc.text_length,
    }


def _acknowledgement_dict(ack: DetailAcknowledgement | None) -> dict[str, Any] | None:
    if ack is None:
        return None
    return {
        "status": safe_line(ack.status),
        "recipient": safe_line(ack.recipient) or None,
        "reason": safe_text(ack.reason) or None,
        "language": safe_line(ack.language) or None,
        "attempts": ack.attempts,
        "last_error": safe_text(ack.last_error) or None,
        "sent_at": iso_utc(ack.sent_at) if ack.sent_at else None,
        "outbound_message_id": safe_line(ack.outbound_message_id) or None,
    }


def _related_dict(one: RelatedSubmission) -> dict[str, Any]:
    return {
        "id": one.id,
        "received_at": iso_utc(one.received_at),
        "vacancy": safe_line(one.vacancy) or None,
        "flags": [safe_line(code) for code in one.flags],
    }
