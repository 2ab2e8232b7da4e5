"""How attachments are read: the Extractor protocol and its limits.

The daemon reads in worker processes (``intake.poll.workers``); reading in the calling
process, with no caps, is for tests and tools (``intake.poll.inline``). This module does not
import the readers: the polling process never reads a document itself.
"""

from __future__ import annotations

from typing import Protocol

from intake.config.settings import Config
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from parsers.documents.tesseract import ocr_readiness


class PendingExtraction(Protocol):
    """An extraction that may still be running."""

    def result(self) -> Extraction:
        """Wait for it; every failure, a killed worker included, is a ``failed`` Extraction."""
        ...

    def cancel(self) -> None:
        """Give up on it (the message it belongs to will be fetched again)."""
        ...


class Extractor(Protocol):
    """Starts extractions; ``close`` releases whatever runs them."""

    def submit(self, payload: bytes, filename: str) -> PendingExtraction:
        """Start reading one attachment."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...


def extraction_limits(config: Config) -> ExtractionLimits:
    """The parser-side limits the config asks for."""
    return ExtractionLimits(
        max_pages=config.limits.max_pages,
        ocr=config.extraction.ocr,
        ocr_languages="+".join(config.extraction.ocr_languages),
        # OCR stops on its own a little before the worker would be killed, so that the pages
        # read so far are kept.
        ocr_seconds=max(1, config.limits.extraction_seconds * 4 // 5),
    )


def ocr_problem(config: Config) -> str | None:
    """Why scanned documents cannot be read with this config on this machine, or None."""
    if not config.extraction.ocr:
        return None
    return ocr_readiness("+".join(config.extraction.ocr_languages))


def failed(problem: str) -> Extraction:
    """The Extraction of a document the service could not read."""
    return Extraction(status=DocumentStatus.FAILED, file_type="unknown", problem=problem)
