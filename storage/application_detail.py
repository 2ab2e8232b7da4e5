"""Loads one application with everything HR may look at, as frozen records (no ORM objects).

Only bounded parts of the big columns are read: the raw message's first bytes (for its header
block) and the first characters of each document's text (for an excerpt); never the whole raw
message, the documents' bytes or their full text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Acknowledgement, Application, Document, Flag, Message
from storage.raw_head import raw_head

# Header sections are a few kilobytes; a hostile one larger than this is shown cut.
EXCERPT_CHARACTERS = 600

_APPLICATION_COLUMNS = (
    Application.id, Application.received_at, Application.sender, Application.sender_name,
    Application.subject, Application.vacancy, Application.candidate_name,
    Application.subject_valid, Application.late, Application.relatives,
    Application.relatives_evidence, Application.relatives_relation, Application.relatives_name,
    Application.previous_application_id,
)  # fmt: skip
_DOCUMENT_COLUMNS = (
    Document.filename, Document.content_type, Document.size, Document.kind, Document.status,
    Document.language, Document.pages, Document.error,
)  # fmt: skip
_ACKNOWLEDGEMENT_COLUMNS = (
    Acknowledgement.status, Acknowledgement.recipient, Acknowledgement.reason,
    Acknowledgement.language, Acknowledgement.attempts, Acknowledgement.last_error,
    Acknowledgement.sent_at, Acknowledgement.outbound_message_id,
)  # fmt: skip


@dataclass(frozen=True)
class DetailDocument:
    """One attachment: what extraction found, and the first characters of its text."""

    filename: str
    content_type: str
    size: int
    kind: str
    status: str | None
    language: str | None
    pages: int | None
    error: str | None
    excerpt: str | None
    text_length: int | None


@dataclass(frozen=True)
class DetailFlag:
    """One flag with the evidence the rules wrote for it."""

    code: str
    evidence: str | None


@dataclass(frozen=True)
class DetailAcknowledgement:
    """The outbox row of the application."""

    status: str
    recipient: str | None
    reason: str | None
    language: str | None
    attempts: int
    last_error: str | None
    sent_at: datetime | None
    outbound_message_id: str | None


@dataclass(frozen=True)
class RelatedSubmission:
    """Another submission of the same candidate (earlier or later)."""

    id: int
    received_at: datetime
    vacancy: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ApplicationDetail:
    """One application as ``intake show`` presents it."""

    id: int
    message_id: str | None
    received_at: datetime
    # The first bytes of the raw message, which hold its header section.
    raw_head: bytes
    sender: str | None
    sender_name: str | None
    subject: str | None
    vacancy: str | None
    candidate_name: str | None
    subject_valid: bool
    late: bool | None
    relatives: str
    relatives_evidence: str | None
    relatives_relation: str | None
    relatives_name: str | None
    previous_application_id: int | None
    documents: tuple[DetailDocument, ...]
    flags: tuple[DetailFlag, ...]
    acknowledgement: DetailAcknowledgement | None
    earlier: tuple[RelatedSubmission, ...]
    later: tuple[RelatedSubmission, ...]


def load_application_detail(session: Session, application_id: int) -> ApplicationDetail | None:
    """Everything about one application, or None when there is no such id."""
    row = session.execute(
        select(*_APPLICATION_COLUMNS, Message.message_id, raw_head().label("raw_head"))
        .join(Message, Message.id == Application.message_pk)
        .where(Application.id == application_id)
    ).one_or_none()
    if row is None:
        return None
    columns = row._asdict()  # named as ApplicationDetail's fields
    columns["raw_head"] = bytes(columns["raw_head"] or b"")
    earlier, later = _related(session, application_id, row.received_at)
    return ApplicationDetail(
        **columns,
        documents=_documents(session, application_id),
        flags=_flags(session, application_id),
        acknowledgement=_acknowledgement(session, application_id),
        earlier=earlier,
        later=later,
    )


def _flags(session: Session, application_id: int) -> tuple[DetailFlag, ...]:
    query = select(Flag.code, Flag.evidence).where(Flag.application_id == application_id)
    return tuple(DetailFlag(*row) for row in session.execute(query.order_by(Flag.id)))


def _documents(session: Session, application_id: int) -> tuple[DetailDocument, ...]:
    """The application's documents, each with a bounded prefix of its text."""
    query = (
        select(
            *_DOCUMENT_COLUMNS,
            func.substr(Document.text, 1, EXCERPT_CHARACTERS).label("excerpt"),
            func.length(Document.text).label("text_length"),
        )
        .where(Document.application_id == application_id)
        .order_by(Document.id)
    )
    return tuple(DetailDocument(**row._asdict()) for row in session.execute(query))


def _acknowledgement(session: Session, application_id: int) -> DetailAcknowledgement | None:
    row = session.execute(
        select(*_ACKNOWLEDGEMENT_COLUMNS).where(Acknowledgement.application_id == application_id)
    ).one_or_none()
    return None if row is None else DetailAcknowledgement(**row._asdict())


def _related(
    session: Session, application_id: int, received_at: datetime
) -> tuple[tuple[RelatedSubmission, ...], tuple[RelatedSubmission, ...]]:
    """The candidate's other submissions, split into those before and after this one."""
    others = submission_chain(session, application_id) - {application_id}
    related = _submissions(session, others)
    mine = (received_at, application_id)
    earlier = tuple(one for one in related if (one.received_at, one.id) < mine)
    later = tuple(one for one in related if (one.received_at, one.id) > mine)
    return earlier, later


def submission_chain(session: Session, application_id: int) -> set[int]:
    """The application and every submission linked to it through ``previous_application_id``:
    each earlier one it points back to, then every one pointing to any of those, repeatedly."""
    chain = {application_id}
    current: int | None = application_id
    while current is not None:
        current = session.scalar(
            select(Application.previous_application_id).where(Application.id == current)
        )
        if current in chain:  # a loop in bad data ends the walk
            break
        if current is not None:
            chain.add(current)
    frontier = set(chain)
    while frontier:
        pointing = set(
            session.scalars(
                select(Application.id).where(Application.previous_application_id.in_(frontier))
            )
        )
        frontier = pointing - chain
        chain |= frontier
    return chain


def _submissions(session: Session, ids: Iterable[int]) -> tuple[RelatedSubmission, ...]:
    """The listed applications with their flag codes, oldest first."""
    wanted = sorted(ids)
    if not wanted:
        return ()
    codes: dict[int, list[str]] = {}
    for owner, code in session.execute(
        select(Flag.application_id, Flag.code)
        .where(Flag.application_id.in_(wanted))
        .order_by(Flag.id)
    ):
        codes.setdefault(owner, []).append(code)
    rows = session.execute(
        select(Application.id, Application.received_at, Application.vacancy)
        .where(Application.id.in_(wanted))
        .order_by(Application.received_at, Application.id)
    )
    return tuple(
        RelatedSubmission(row.id, row.received_at, row.vacancy, tuple(codes.get(row.id, ())))
        for row in rows
    )
