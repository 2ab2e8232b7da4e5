"""Attachments handed to the extractor within the limits, and read back as stored documents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from intake.config.settings import LimitsConfig
from intake.poll.extraction import Extractor, PendingExtraction
from intake.poll.storable import CONTENT_TYPE_LIMIT, clean, optional_text
from intake.rules.facts import ReadDocument
from parsers.documents.kind import classify_document
from parsers.documents.language import detect_language
from parsers.documents.model import DocumentStatus, Extraction
from parsers.fingerprint import sha256_hex
from parsers.model import Attachment
from storage.records import DocumentRecord


@dataclass
class PendingDocument:
    """An attachment being read, or refused (``rejected``) before any reading."""

    attachment: Attachment
    extraction: PendingExtraction | None
    rejected_because: str | None = None

    def cancel(self) -> None:
        """Stop waiting for its extraction."""
        if self.extraction is not None:
            self.extraction.cancel()


class AttachmentReader:
    """Starts reading every attachment within the count and size limits; refuses the rest."""

    def __init__(self, limits: LimitsConfig, extractor: Extractor) -> None:
        self._limits = limits
        self._extractor = extractor

    def start(self, attachments: Iterable[Attachment]) -> tuple[PendingDocument, ...]:
        """Each attachment being read, or refused with the reason."""
        return tuple(self._start(index, attachment) for index, attachment in enumerate(attachments))

    def _start(self, index: int, attachment: Attachment) -> PendingDocument:
        problem = self._over_limit(index, attachment)
        if problem is not None:
            return PendingDocument(attachment, None, problem)
        return PendingDocument(
            attachment, self._extractor.submit(attachment.payload, attachment.filename)
        )

    def _over_limit(self, index: int, attachment: Attachment) -> str | None:
        limits = self._limits
        if index >= limits.max_attachments:
            return f"attachment {index + 1} is over max_attachments ({limits.max_attachments})"
        if len(attachment.payload) > limits.max_attachment_bytes:
            return (
                f"{len(attachment.payload)} bytes, over max_attachment_bytes "
                f"({limits.max_attachment_bytes})"
            )
        return None


def read_document(pending: PendingDocument) -> ReadDocument:
    """The stored form of one attachment, with what its text says it is."""
    attachment = pending.attachment
    if pending.extraction is None:
        extraction = Extraction(
            DocumentStatus.REJECTED, "unknown", problem=pending.rejected_because
        )
    else:
        extraction = pending.extraction.result()
    text = clean(extraction.text)
    reading = classify_document(attachment.filename, text)
    record = DocumentRecord(
        filename=clean(attachment.filename),
        content_type=clean(attachment.content_type)[:CONTENT_TYPE_LIMIT],
        content=attachment.payload,
        sha256=sha256_hex(attachment.payload),
        kind=str(reading.kind),
        status=str(extraction.status),
        language=detect_language(text) if text else None,
        pages=extraction.pages,
        text=text or None,
        error=optional_text(extraction.problem),
    )
    return ReadDocument(record, reading.is_cv, reading.is_letter, extraction.has_macros)
