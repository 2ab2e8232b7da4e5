"""Writes the CVs and letters of chosen applications into a folder, safely named, with an index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ExportedFile:
    """One file written (or, when its bytes were not stored, listed) by an export."""

    application_id: int
    document_id: int | None  # None for a letter written in the email body
    kind: str  # "cv" | "motivation_letter"
    original_name: str
    path: str  # relative to the export folder, "/"-separated: "Maria Fernandez/cv-CV.pdf"


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the folder, its files and the index.csv describing them."""

    directory: Path
    files: tuple[ExportedFile, ...]
    index: Path


def export_documents(
    session: Session, application_ids: Sequence[int], directory: Path
) -> ExportReport:
    """Write every CV and letter of ``application_ids`` under ``directory`` (new or empty)."""
    raise NotImplementedError("being built")
