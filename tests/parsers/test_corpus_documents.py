"""Every PDF and Word file of the shared corpus ends as an Extraction with a status, in time."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.documents.extract import extract
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from tests.documents import finishes_within, missing_in_ci_fails

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
FOLDERS = ("pdf", "docx")
#: The slowest file (OCR of a scanned page) takes about 10 s here; a hang takes forever.
SECONDS_PER_FILE = 120.0

pytestmark = pytest.mark.slow


def corpus_files() -> list[Path]:
    return sorted(
        path for folder in FOLDERS for path in (CORPUS / folder).rglob("*") if path.is_file()
    )


def test_document_corpus_is_present() -> None:
    if not corpus_files():
        missing_in_ci_fails(f"document corpus not found under {CORPUS} (shared/ beside the repo)")


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: str(path.relative_to(CORPUS)))
def test_corpus_document_ends_with_a_status_and_bounded_text(path: Path) -> None:
    limits = ExtractionLimits()
    payload = path.read_bytes()
    result = finishes_within(SECONDS_PER_FILE, lambda: extract(payload, path.name, limits))
    assert isinstance(result, Extraction)
    assert isinstance(result.status, DocumentStatus)
    assert len(result.text) <= limits.max_text_chars
    assert result.problem is None or "\n" not in result.problem
    if result.status in {DocumentStatus.OK, DocumentStatus.OCR}:
        assert result.text
