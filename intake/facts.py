"""The facts the rules judge: one application's message, documents, subject and vacancy."""

from __future__ import annotations

from dataclasses import dataclass

from intake.config import VacancyConfig
from parsers.documents.letter import LetterReading
from parsers.model import ParsedMessage
from parsers.subject import SubjectReading
from storage.records import DocumentRecord

READ_STATUSES = frozenset({"ok", "ocr"})


@dataclass(frozen=True)
class ReadDocument:
    """One attachment as stored, with what the classifier saw in it."""

    record: DocumentRecord
    is_cv: bool
    is_letter: bool
    has_macros: bool = False

    @property
    def readable(self) -> bool:
        """Whether its text could be read (directly or by OCR)."""
        return self.record.status in READ_STATUSES


@dataclass(frozen=True)
class Facts:
    """Everything the rules may look at for one application."""

    message: ParsedMessage
    message_size: int
    truncated: bool
    documents: tuple[ReadDocument, ...]
    subject: SubjectReading
    vacancy: VacancyConfig | None
    vacancy_source: str | None
    body_letter: LetterReading
    body_language: str | None = None

    @property
    def records(self) -> tuple[DocumentRecord, ...]:
        """The document records, in attachment order."""
        return tuple(document.record for document in self.documents)

    @property
    def has_cv(self) -> bool:
        """A CV is attached (a file holding CV and letter counts)."""
        return any(document.is_cv for document in self.documents)

    @property
    def has_letter_attached(self) -> bool:
        """A motivation letter is attached (a file holding CV and letter counts)."""
        return any(document.is_letter for document in self.documents)
