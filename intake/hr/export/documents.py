"""Writes the CVs and letters of chosen applications into a folder, safely named, with an index."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from intake.hr.export.folder import ExportFolder, open_export_folder
from intake.hr.export.index import INDEX_ENCODING, IndexWriter
from intake.hr.export.layout import INDEX_NAME, PlannedFile, plan_export
from storage import document_export as stored


@dataclass(frozen=True)
class ExportedFile:
    """One file an export wrote."""

    application_id: int
    document_id: int | None  # None for a letter written in the email body
    kind: str  # "cv" | "motivation_letter"
    original_name: str
    path: str  # relative to the export folder, "/"-separated: "Maria Fernandez/cv-CV.pdf"


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the folder, its files and the index.csv describing them.

    ``files`` holds only files that exist; a document whose bytes were not stored has a row
    in the index and no entry here.
    """

    directory: Path
    files: tuple[ExportedFile, ...]
    index: Path


@dataclass(frozen=True)
class ExportOutcome:
    """The report, and the documents listed in the index without a file (bytes not stored)."""

    report: ExportReport
    not_stored: tuple[PlannedFile, ...]


def export_documents(
    session: Session, application_ids: Sequence[int], directory: Path
) -> ExportReport:
    """Write every CV and letter of ``application_ids`` under ``directory`` (new or empty)."""
    return export_with_outcome(session, application_ids, directory).report


def export_with_outcome(
    session: Session, application_ids: Sequence[int], directory: Path
) -> ExportOutcome:
    """The export of ``export_documents``, also telling which documents had no bytes to write.

    Raises UsageError when ``directory`` exists and is not an empty folder.
    """
    folder = open_export_folder(directory)
    plan = plan_export(
        stored.export_applications(session, application_ids),
        stored.earlier_links(session, application_ids),
        stored.export_documents(session, application_ids),
    )
    written: list[ExportedFile] = []
    not_stored: list[PlannedFile] = []
    with folder.new_text_file(INDEX_NAME, INDEX_ENCODING) as stream:
        index = IndexWriter(stream)
        for planned in plan:
            data = _content(session, planned)
            if data is None or planned.name is None:
                index.not_stored(planned)
                not_stored.append(planned)
                continue
            _write(folder, planned, planned.name, data, index)
            written.append(_exported(planned))
    report = ExportReport(folder.root, tuple(written), folder.root / INDEX_NAME)
    return ExportOutcome(report, tuple(not_stored))


def _content(session: Session, planned: PlannedFile) -> bytes | None:
    """The bytes of one planned file, read only now: one document in memory at a time."""
    if planned.document is not None:
        return stored.document_content(session, planned.document.id) if planned.name else None
    body = stored.body_text(session, planned.application.id)
    return None if body is None else body.encode("utf-8")


def _write(
    folder: ExportFolder, planned: PlannedFile, name: str, data: bytes, index: IndexWriter
) -> None:
    folder.write_file(planned.folder, name, data)
    index.written(planned, len(data), hashlib.sha256(data).hexdigest())


def _exported(planned: PlannedFile) -> ExportedFile:
    document_id = planned.document.id if planned.document else None
    return ExportedFile(
        planned.application.id, document_id, planned.kind, planned.original_name, planned.path
    )
