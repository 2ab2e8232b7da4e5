"""How attachments are read: the Extractor protocol, its limits, and the in-process reader.

The daemon reads in worker processes (``intake.poll.workers``); reading in the calling
process, with no caps, is for tests and tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from intake.config.settings import Config
from parsers.documents.extract import extract
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from parsers.documents.ocr import ocr_readiness


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


@dataclass
class _Done:
    """An extraction that already ended."""

    extraction: Extraction

    def result(self) -> Extraction:
        return self.extraction

    def cancel(self) -> None:
        pass


class InlineExtractor:
    """Reads in the calling process, with no caps: for tests and tools, never for the daemon."""

    def __init__(self, limits: ExtractionLimits) -> None:
        self._limits = limits

    def submit(self, payload: bytes, filename: str) -> PendingExtraction:
        try:
            return _Done(extract(payload, filename, self._limits))
        except Exception as exc:  # extract() is not supposed to raise; stay safe if it does
            return _Done(failed(f"{type(exc).__name__}: {exc}"))

    def close(self) -> None:
        pass
