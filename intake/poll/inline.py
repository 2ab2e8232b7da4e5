"""Reading attachments in the calling process, with no caps: for tests and tools."""

from __future__ import annotations

from dataclasses import dataclass

from intake.poll.extraction import PendingExtraction, failed
from parsers.documents.extract import extract
from parsers.documents.model import Extraction, ExtractionLimits


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
