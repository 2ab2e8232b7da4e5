"""Frozen values the document parsers take and give."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from parsers.documents.ocr_slots import OcrSlots


class DocumentStatus(StrEnum):
    """How reading a document ended (the contract's ``documents[].status``)."""

    OK = "ok"
    OCR = "ocr"
    NO_TEXT = "no_text"
    ENCRYPTED = "encrypted"
    UNSUPPORTED = "unsupported"
    FAILED = "failed"
    REJECTED = "rejected"


class DocumentKind(StrEnum):
    """What a document is for HR (the contract's ``documents[].kind``)."""

    CV = "cv"
    MOTIVATION_LETTER = "motivation_letter"
    OTHER = "other"


@dataclass(frozen=True)
class ExtractionLimits:
    """Caps that keep one document from costing more than it is worth."""

    max_pages: int = 50
    max_unzipped_bytes: int = 256 * 1024 * 1024
    max_zip_ratio: int = 200
    max_zip_entries: int = 5_000
    max_text_chars: int = 2_000_000
    ocr: bool = True
    ocr_languages: str = "eng+fra"
    max_ocr_pages: int = 10  # Tesseract takes 1-5 s a page; a scanned CV is a few pages
    # Tesseract runs as a child process: give it its own time cap so that killing a worker
    # never leaves an OCR process behind.
    ocr_seconds: int = 30
    # Shared by the workers of a pool: the pages of one scan are read at once while other
    # workers are idle. None: one page at a time.
    ocr_slots: OcrSlots | None = None


@dataclass(frozen=True)
class Extraction:
    """The text of one document and how reading it went."""

    status: DocumentStatus
    file_type: str
    text: str = ""
    pages: int | None = None
    has_macros: bool = False
    problem: str | None = None
