"""What a document export reads: applications, their earlier submissions, documents, bytes.

Everything but the bytes is read up front as small frozen records; the bytes of one document
(or one email body) are read when that file is written, so memory stays flat however many
CVs a vacancy received.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from storage.batches import in_batches
from storage.models import Application, Document, Flag

#: The document kinds an export writes as files.
EXPORTED_KINDS = ("cv", "motivation_letter")
# Ids per IN (...) list: well below SQLite's and PostgreSQL's limits on bound parameters.


@dataclass(frozen=True)
class ExportApplication:
    """The facts of one application that name its folder and fill the index."""

    id: int
    previous_application_id: int | None
    received_at: datetime
    sender: str | None
    sender_name: str | None
    candidate_name: str | None
    vacancy: str | None
    late: bool | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ExportDocument:
    """One CV or letter, without its bytes; ``stored`` says whether the bytes are there."""

    id: int
    application_id: int
    filename: str
    kind: str
    size: int
    sha256: str
    status: str | None
    language: str | None
    pages: int | None
    stored: bool


def vacancy_application_ids(session: Session, vacancy: str) -> list[int]:
    """Every application to ``vacancy``, resubmissions included, oldest id first."""
    query = select(Application.id).where(Application.vacancy == vacancy).order_by(Application.id)
    return list(session.scalars(query))


def export_applications(session: Session, ids: Sequence[int]) -> list[ExportApplication]:
    """The listed applications (unknown ids skipped) with their flag codes, by id."""
    flags: dict[int, list[str]] = {}
    found: list[Row[Any]] = []
    for chunk in _distinct_batches(ids):
        for owner, code in session.execute(
            select(Flag.application_id, Flag.code)
            .where(Flag.application_id.in_(chunk))
            .order_by(Flag.id)
        ):
            flags.setdefault(owner, []).append(code)
        found.extend(
            session.execute(
                select(
                    Application.id, Application.previous_application_id,
                    Application.received_at, Application.sender, Application.sender_name,
                    Application.candidate_name, Application.vacancy, Application.late,
                ).where(Application.id.in_(chunk))
            )
        )  # fmt: skip
    return sorted(
        (ExportApplication(**row._asdict(), flags=tuple(flags.get(row.id, ()))) for row in found),
        key=lambda application: application.id,
    )


def earlier_links(session: Session, ids: Iterable[int]) -> dict[int, int | None]:
    """Application id -> the earlier submission it points back to, for ``ids`` and for every
    application reached from them by following those links (so two submissions linked through
    one that is not exported still meet)."""
    links: dict[int, int | None] = {}
    asked: set[int] = set()
    wanted = set(ids)
    while wanted:
        asked |= wanted
        for chunk in _distinct_batches(wanted):
            query = select(Application.id, Application.previous_application_id)
            links.update(
                (one, earlier)
                for one, earlier in session.execute(query.where(Application.id.in_(chunk)))
            )
        # An id that does not exist is asked for once; a loop in bad data ends the walk.
        wanted = {earlier for earlier in links.values() if earlier is not None} - asked
    return links


def export_documents(session: Session, ids: Sequence[int]) -> list[ExportDocument]:
    """The CVs and letters of the listed applications, by application and document id."""
    found: list[ExportDocument] = []
    for chunk in _distinct_batches(ids):
        rows = session.execute(
            select(
                Document.id, Document.application_id, Document.filename, Document.kind,
                Document.size, Document.sha256, Document.status, Document.language,
                Document.pages, Document.content.is_not(None).label("stored"),
            ).where(Document.application_id.in_(chunk), Document.kind.in_(EXPORTED_KINDS))
        )  # fmt: skip
        found.extend(ExportDocument(**row._asdict()) for row in rows)
    return sorted(found, key=lambda document: (document.application_id, document.id))


def document_content(session: Session, document_id: int) -> bytes | None:
    """The stored bytes of one document (None when they were not stored or are gone)."""
    content = session.scalar(select(Document.content).where(Document.id == document_id))
    return None if content is None else bytes(content)


def body_text(session: Session, application_id: int) -> str | None:
    """The text of one application's email body (None when the application is gone)."""
    return session.scalar(select(Application.body_text).where(Application.id == application_id))


def _distinct_batches(ids: Iterable[int]) -> Iterator[list[int]]:
    """The distinct ``ids``, ascending, in batches for one IN list each."""
    return in_batches(sorted(set(ids)))
