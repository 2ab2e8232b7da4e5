"""The index.csv of a document export: one row per document, readable by Excel, never run by it."""

from __future__ import annotations

import csv
from typing import TextIO

from intake.hr.export.layout import PlannedFile
from intake.hr.export.safe_names import disguising
from intake.hr.views import iso_utc
from intake.output import spreadsheet_safe

#: Excel reads a UTF-8 CSV with accents correctly only when it starts with a byte order mark.
INDEX_ENCODING = "utf-8-sig"
INDEX_COLUMNS = (
    "path", "candidate_folder", "application_id", "candidate_name", "sender", "received_at",
    "vacancy", "kind", "original_name", "size", "sha256", "status", "language", "pages", "late",
    "flags", "exported",
)  # fmt: skip
WRITTEN = "yes"
NOT_STORED = "no: the file's bytes are not stored"
# Characters that would break a cell or disguise its text (controls, direction marks) are
# shown as U+FFFD, so HR sees that the original name held something odd.
SHOWN_INSTEAD = "\ufffd"


class IndexWriter:
    """Writes the index's header, then one row per file as the export goes."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream)
        self._writer.writerow(INDEX_COLUMNS)

    def written(self, planned: PlannedFile, size: int, sha256: str) -> None:
        """A row for a file that was written with ``size`` bytes hashing to ``sha256``."""
        self._row(planned, size, sha256, WRITTEN)

    def not_stored(self, planned: PlannedFile) -> None:
        """A row for a document whose bytes are not in the database: no file was written."""
        document = planned.document
        size, sha256 = (document.size, document.sha256) if document else (None, None)
        self._row(planned, size, sha256, NOT_STORED)

    def _row(
        self, planned: PlannedFile, size: int | None, sha256: str | None, exported: str
    ) -> None:
        application, document = planned.application, planned.document
        cells = (
            planned.path if exported == WRITTEN else "",
            planned.folder,
            application.id,
            application.candidate_name,
            application.sender,
            iso_utc(application.received_at),
            application.vacancy,
            planned.kind,
            planned.original_name,
            size,
            sha256,
            document.status if document else None,
            document.language if document else None,
            document.pages if document else None,
            _yes_no(application.late),
            "; ".join(application.flags),
            exported,
        )
        self._writer.writerow(spreadsheet_safe(_visible(cell)) for cell in cells)


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _visible(cell: object) -> str:
    if cell is None:
        return ""
    return "".join(SHOWN_INSTEAD if disguising(char) else char for char in str(cell))
