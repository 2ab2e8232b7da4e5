"""What the texts and the staff register say about a candidate's relatives among the staff."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from intake.config.settings import OrganisationConfig
from intake.config.staff_register import load_staff_register
from intake.errors import ConfigError
from intake.rules.facts import ReadDocument
from parsers.declarations import DeclarationReader, RelativesDeclaration, SourceText
from parsers.staff_match import StaffDirectory, StaffMatch

log = logging.getLogger(__name__)


class RelativesChecker:
    """Reads relatives declarations and looks names up in the staff register (if configured)."""

    def __init__(self, organisation: OrganisationConfig) -> None:
        self._reader = DeclarationReader(organisation.terms)
        self._register = _RegisterFile(organisation.staff_register)

    def declaration(self, body: str, documents: Sequence[ReadDocument]) -> RelativesDeclaration:
        """The candidate's statement about relatives, from the body, letters and CVs."""
        texts = [SourceText("the email body", body)]
        texts += [
            SourceText(f"{_what(document)} {document.record.filename}", document.record.text)
            for document in documents
            if document.record.text
        ]
        return self._reader.read(texts)

    def staff_matches(self, names: Sequence[str | None]) -> tuple[StaffMatch, ...]:
        """Staff members whose surname the candidate's names share."""
        directory = self._register.directory()
        return directory.matches(names) if directory is not None else ()


class _RegisterFile:
    """The staff register, read again when the file changes; a broken new copy keeps the old."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._stamp: tuple[int, int] | None = None
        self._directory: StaffDirectory | None = None
        if path is not None:
            self._directory = load_staff_register(path)  # a bad register stops the start
            self._stamp = _stamp(path)

    def directory(self) -> StaffDirectory | None:
        if self._path is None:
            return None
        try:
            stamp = _stamp(self._path)
            if stamp != self._stamp:
                self._directory = load_staff_register(self._path)
                self._stamp = stamp
                log.info("staff register %s read again: %d entries", self._path, len(self))
        except (OSError, ConfigError) as exc:
            log.error("staff register %s unreadable, keeping the last copy: %s", self._path, exc)
        return self._directory

    def __len__(self) -> int:
        return len(self._directory) if self._directory is not None else 0


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_mtime_ns, status.st_size


def _what(document: ReadDocument) -> str:
    if document.is_cv and document.is_letter:
        return "CV and letter"
    if document.is_letter:
        return "letter"
    return "CV" if document.is_cv else "document"
