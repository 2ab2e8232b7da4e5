"""Where a listing finds the documents exported with it: paths relative to the listing's folder."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # a listing without exported documents never loads the export machinery
    from intake.hr.export.documents import ExportedFile, ExportReport

#: The kinds of document a listing links to, each with its column in the CSV.
LINKED_KINDS = {"cv": "cv_files", "motivation_letter": "letter_files"}


@dataclass(frozen=True)
class LinkedFile:
    """One exported file as a listing refers to it."""

    path: str  # relative to the listing's folder, "/"-separated
    name: str  # the name the candidate gave it

    def link(self) -> str:
        """The path as a relative URL, for a spreadsheet hyperlink (spaces and accents escaped)."""
        return quote(self.path)


@dataclass(frozen=True)
class DocumentLinks:
    """The exported files of each listed application, by kind, in attachment order."""

    files: dict[int, dict[str, tuple[LinkedFile, ...]]] = field(default_factory=dict)

    def of(self, application_id: int) -> dict[str, tuple[LinkedFile, ...]]:
        """The files of one application by kind (``cv``, ``motivation_letter``)."""
        return self.files.get(application_id, {})

    def paths(self, application_id: int, kind: str) -> list[str]:
        """The relative paths of one application's files of one kind."""
        return [linked.path for linked in self.of(application_id).get(kind, ())]


def document_links(report: ExportReport, listing_folder: Path) -> DocumentLinks:
    """The files of ``report`` as seen from ``listing_folder`` (so both can move together)."""
    grouped: dict[int, dict[str, list[LinkedFile]]] = defaultdict(lambda: defaultdict(list))
    for exported in sorted(report.files, key=_attachment_order):
        if exported.kind in LINKED_KINDS:
            linked = LinkedFile(
                _relative(report.directory, exported, listing_folder), exported.original_name
            )
            grouped[exported.application_id][exported.kind].append(linked)
    return DocumentLinks(
        {
            app: {kind: tuple(files) for kind, files in kinds.items()}
            for app, kinds in grouped.items()
        }
    )


def _attachment_order(exported: ExportedFile) -> tuple[bool, int]:
    """Attachments in the order they came; a letter written in the body after them."""
    return exported.document_id is None, exported.document_id or 0


def _relative(directory: Path, exported: ExportedFile, listing_folder: Path) -> str:
    target = directory.absolute() / PurePosixPath(exported.path)
    return Path(os.path.relpath(target, listing_folder.absolute())).as_posix()
