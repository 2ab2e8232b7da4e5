"""The facts the rules judge: one application's message, documents, subject and vacancy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from intake.config.deadlines import Deadline
from intake.config.settings import VacancyConfig
from parsers.declarations import RelativesDeclaration, RelativesOutcome
from parsers.documents.letter import LetterReading
from parsers.model import ParsedMessage
from parsers.staff_match import StaffMatch
from parsers.subject import SubjectReading
from storage.records import DocumentRecord, EarlierApplications

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
    received_at: datetime
    body_language: str | None = None
    deadline: Deadline | None = None
    earlier: EarlierApplications | None = None
    relatives: RelativesDeclaration = field(
        default_factory=lambda: RelativesDeclaration(RelativesOutcome.NONE)
    )
    staff_matches: tuple[StaffMatch, ...] = ()

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

    @property
    def has_letter(self) -> bool:
        """This message brings a motivation letter, attached or as its body."""
        return self.has_letter_attached or self.body_letter.is_letter

    @property
    def cv_so_far(self) -> bool:
        """The candidate has sent a CV for this vacancy, in this message or an earlier one."""
        return self.has_cv or (self.earlier is not None and self.earlier.has_cv)

    @property
    def letter_so_far(self) -> bool:
        """The candidate has sent a letter for this vacancy, here or in an earlier message."""
        return self.has_letter or (self.earlier is not None and self.earlier.has_letter)
