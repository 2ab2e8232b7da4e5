"""An outbox row's acknowledgement as the database and the config describe it, ready to compose."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy.orm import Session, joinedload

from intake.acks.completion import completes_candidate
from intake.acks.compose import compose_acknowledgement, compose_completion
from intake.acks.content import AckContent, AckDocument
from intake.acks.content import compose_settings as compose_settings  # the poll imports it here
from intake.config.deadlines import deadline_instant
from intake.config.settings import Config, VacancyConfig
from storage.models import Acknowledgement, Application, Document, Message

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Outgoing:
    """One claimed row: where it goes, how often it was tried, and what it will say."""

    ack_id: int
    status: str
    recipient: str | None
    attempts: int
    message_id: str | None
    content: AckContent
    # Set when an earlier attempt was handed to the transport and its outcome never recorded.
    sending_since: datetime | None = None
    # The application made its candidate's application complete: the short note goes instead.
    completes: bool = False

    def message(self, config: Config, message_id: str, now: datetime) -> EmailMessage:
        """The acknowledgement (or the completion note) composed with its fixed Message-ID."""
        content = dataclasses.replace(self.content, outbound_message_id=message_id)
        compose = compose_completion if self.completes else compose_acknowledgement
        return compose(content, compose_settings(config), now)


def load_outgoing(session: Session, ack_id: int, config: Config) -> Outgoing | None:
    """The row with its application's facts; None when there is no such row."""
    ack = session.get(
        Acknowledgement,
        ack_id,
        # Only what the acknowledgement says: never the raw message or the documents' bytes.
        # The row, its application and message come in one query, documents and flags in one
        # each.
        options=[
            joinedload(Acknowledgement.application)
            .selectinload(Application.documents)
            .load_only(Document.filename, Document.kind, Document.status),
            joinedload(Acknowledgement.application).selectinload(Application.flags),
            joinedload(Acknowledgement.application)
            .joinedload(Application.message)
            .load_only(Message.message_id),
            joinedload(Acknowledgement.application).defer(Application.body_text),
        ],
    )
    if ack is None:
        return None
    return Outgoing(
        ack_id=ack.id,
        status=ack.status,
        recipient=ack.recipient,
        attempts=ack.attempts,
        message_id=ack.outbound_message_id,
        content=application_content(ack, config),
        sending_since=ack.sending_since,
        completes=completes_candidate(session, ack.application),
    )


def application_content(ack: Acknowledgement, config: Config) -> AckContent:
    """What the acknowledgement confirms (its Message-ID is filled in when composing)."""
    application = ack.application
    vacancy = _vacancy(application.vacancy, config)
    deadline = deadline_instant(vacancy.deadline, config.organisation.timezone) if vacancy else None
    from_sender = ack.recipient is not None and ack.recipient == application.sender
    return AckContent(
        recipient=ack.recipient or "",
        recipient_name=application.sender_name if from_sender else None,
        candidate_name=application.candidate_name,
        original_subject=application.subject,
        original_message_id=application.message.message_id,
        vacancy_reference=application.vacancy,
        vacancy_title=vacancy.title if vacancy else None,
        vacancy_titles=vacancy.titles if vacancy else (),
        subject_requires=vacancy.subject_requires if vacancy else ("name", "vacancy"),
        deadline=deadline,
        received_at=application.received_at,
        documents=tuple(
            AckDocument(doc.filename, doc.kind, doc.status or "failed")
            for doc in application.documents
        ),
        flags=frozenset(flag.code for flag in application.flags),
        language=ack.language or DEFAULT_LANGUAGE,
        outbound_message_id="",
    )


def _vacancy(reference: str | None, config: Config) -> VacancyConfig | None:
    """The configured vacancy of this reference (its deadline is shown without the grace)."""
    return next((v for v in config.vacancies if v.reference == reference), None)
