"""The exported candidates as ``intake candidates`` gives them, read in a few batched queries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, load_only, selectinload

from intake.hr.candidates.listing import candidate_dict
from storage.candidate_models import Candidate, CandidateLink
from storage.models import Application, Document

BATCH = 500
#: What an export lists of a document: never its bytes nor its text.
_DOCUMENT_COLUMNS = (
    Document.application_id, Document.filename, Document.kind, Document.content_type,
    Document.size, Document.sha256, Document.status, Document.language, Document.pages,
)  # fmt: skip


def export_dicts(session: Session, candidates: Sequence[Candidate]) -> Iterator[dict[str, Any]]:
    """Each candidate as the contract's object, its applications read ``BATCH`` at a time
    (one query for the applications, one for their documents), not one query each."""
    for start in range(0, len(candidates), BATCH):
        batch = candidates[start : start + BATCH]
        members = _members(session, [candidate.id for candidate in batch])
        for candidate in batch:
            yield candidate_dict(candidate, members.get(candidate.id, []))


def _members(session: Session, ids: list[int]) -> dict[int, list[Application]]:
    query = (
        select(CandidateLink.candidate_id, Application)
        .join(Application, Application.id == CandidateLink.application_id)
        .where(CandidateLink.candidate_id.in_(ids))
        .order_by(Application.received_at, Application.id)
        .options(
            defer(Application.body_text),
            selectinload(Application.documents).options(load_only(*_DOCUMENT_COLUMNS)),
        )
    )
    found: dict[int, list[Application]] = {}
    for candidate_id, application in session.execute(query):
        found.setdefault(candidate_id, []).append(application)
    return found
