"""Candidates as the contract's JSON objects, with the filters of ``intake candidates``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, selectinload

from intake.hr.views import document_fields, iso_utc
from storage import candidate_store
from storage.candidate_models import Candidate, CandidateFlag
from storage.models import Application, Document

CANDIDATE_COLUMNS = (
    "id", "vacancy", "candidate_name", "senders", "applications", "complete", "late",
    "relatives", "flags", "documents", "status", "received_at", "has_cv", "has_letter",
)  # fmt: skip
#: What fits a terminal; JSON and CSV carry every column.
CANDIDATE_TABLE_COLUMNS = (
    "id", "vacancy", "candidate_name", "complete", "late", "flags", "status",
)  # fmt: skip
#: The documents a later message replaces when it sends them again.
REPLACED_KINDS = ("cv", "motivation_letter")


@dataclass(frozen=True)
class CandidateQuery:
    """What ``intake candidates`` selects; None selects everything."""

    vacancy: str | None = None
    status: str | None = None
    complete: bool | None = None
    flag: str | None = None
    candidate_id: int | None = None


def select_candidates(query: CandidateQuery) -> Select[Candidate]:
    """The candidates ``query`` selects, by vacancy then id."""
    statement = select(Candidate).order_by(Candidate.vacancy, Candidate.id)
    if query.vacancy is not None:
        statement = statement.where(Candidate.vacancy == query.vacancy)
    if query.candidate_id is not None:
        statement = statement.where(Candidate.id == query.candidate_id)
    if query.status is not None:
        statement = statement.where(Candidate.status == query.status)
    if query.complete is not None:
        statement = statement.where(Candidate.complete == query.complete)
    if query.flag is not None:
        flagged = (CandidateFlag.candidate_id == Candidate.id) & (CandidateFlag.code == query.flag)
        statement = statement.where(exists().where(flagged))
    return statement.options(selectinload(Candidate.flags))


def candidate_dicts(
    session: Session, query: CandidateQuery | None = None
) -> Iterator[dict[str, Any]]:
    """Every selected candidate as the contract's JSON object."""
    for candidate in session.scalars(select_candidates(query or CandidateQuery())):
        yield candidate_dict(candidate, candidate_store.members(session, candidate.id))


def candidate_dict(candidate: Candidate, members: list[Application]) -> dict[str, Any]:
    """One candidate, with the applications (``members``, in receipt order) judged together."""
    return {
        "id": candidate.id,
        "vacancy": candidate.vacancy,
        "candidate_name": candidate.candidate_name,
        "senders": list(dict.fromkeys(app.sender for app in members if app.sender)),
        "applications": [app.id for app in members],
        "complete": candidate.complete,
        "late": candidate.late,
        "relatives": candidate.relatives,
        "flags": [flag.code for flag in candidate.flags],
        "documents": [document_dict(app, doc) for app, doc in current_documents(members)],
        "status": candidate.status,
        "received_at": iso_utc(members[0].received_at) if members else None,
        "has_cv": candidate.has_cv,
        "has_letter": candidate.has_letter,
    }


def current_documents(members: list[Application]) -> list[tuple[Application, Document]]:
    """The documents that stand: a CV or letter from the latest message that sent one (a
    resubmission replaces what it sends again and keeps what it does not), every other file."""
    latest = {
        kind: next((app for app in reversed(members) if _sent(app, kind)), None)
        for kind in REPLACED_KINDS
    }
    return [
        (app, doc)
        for app in members
        for doc in app.documents
        if doc.kind not in REPLACED_KINDS or latest[doc.kind] is app
    ]


def _sent(application: Application, kind: str) -> bool:
    return any(doc.kind == kind for doc in application.documents)


def document_dict(application: Application, doc: Document) -> dict[str, Any]:
    """One document as listed, with the application and time it came with."""
    return {
        "application_id": application.id,
        "received_at": iso_utc(application.received_at),
        **document_fields(doc),
    }
