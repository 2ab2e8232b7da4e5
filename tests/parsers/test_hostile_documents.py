"""Hostile attachments end quickly as a status: ZIP bombs, lying ZIPs, entity bombs, PDF loops."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from parsers.documents.extract import extract
from parsers.documents.model import DocumentStatus, ExtractionLimits
from tests.documents import (
    billion_laughs_odt_bytes,
    docx_bytes,
    docx_zip_bomb_bytes,
    entity_docx_bytes,
    finishes_within,
    looping_pdf_bytes,
    lying_size_docx_bytes,
    pdf_bytes,
)

LIMITS = ExtractionLimits()
#: Generous for a slow CI machine; every case here takes well under a second.
QUICKLY = 10.0


@cache
def zip_bomb() -> bytes:
    return docx_zip_bomb_bytes()


def test_zip_bomb_docx_fails_on_declared_size_without_inflating() -> None:
    payload = zip_bomb()
    result = extract(payload, "cv.docx", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.FAILED, "docx")
    assert result.problem and "max_unzipped_bytes" in result.problem


def test_zip_bomb_docx_fails_on_compression_ratio_when_size_is_allowed() -> None:
    limits = replace(LIMITS, max_unzipped_bytes=2 * 1024**3)
    result = extract(zip_bomb(), "cv.docx", limits)
    assert result.status is DocumentStatus.FAILED
    assert result.problem and "max_zip_ratio" in result.problem


def test_docx_with_too_many_zip_entries_fails() -> None:
    result = extract(docx_bytes(["Many parts"]), "cv.docx", replace(LIMITS, max_zip_entries=3))
    assert result.status is DocumentStatus.FAILED
    assert result.problem and "max_zip_entries=3" in result.problem


def test_docx_whose_zip_directory_understates_a_size_fails_after_a_bounded_read() -> None:
    result = finishes_within(QUICKLY, lambda: extract(lying_size_docx_bytes(), "cv.docx", LIMITS))
    assert result.status is DocumentStatus.FAILED
    assert result.problem and "CRC" in result.problem


def test_docx_entities_are_not_expanded() -> None:
    result = extract(entity_docx_bytes(), "cv.docx", LIMITS)
    assert result.status is DocumentStatus.OK
    assert "Visible" in result.text
    assert "EXPANDED-ENTITY" not in result.text


def test_docx_billion_laughs_fails_quickly() -> None:
    result = finishes_within(QUICKLY, lambda: extract(entity_docx_bytes(laughs=True), "cv", LIMITS))
    assert result.status is DocumentStatus.FAILED
    assert "lollol" not in result.text


def test_odt_billion_laughs_fails_quickly_on_its_dtd() -> None:
    result = finishes_within(QUICKLY, lambda: extract(billion_laughs_odt_bytes(), "cv", LIMITS))
    assert (result.status, result.file_type) == (DocumentStatus.FAILED, "odt")
    assert result.problem and "DTD" in result.problem


def test_pdf_with_reference_loops_ends_with_its_text() -> None:
    result = finishes_within(QUICKLY, lambda: extract(looping_pdf_bytes(), "cv.pdf", LIMITS))
    assert (result.status, result.pages) == (DocumentStatus.OK, 1)
    assert "Loop test" in result.text


def test_pdf_with_more_pages_than_max_pages_reads_only_max_pages_and_says_so() -> None:
    payload = pdf_bytes([f"Page number {number}" for number in range(1, 8)])
    result = extract(payload, "cv.pdf", replace(LIMITS, max_pages=3))
    assert (result.status, result.pages) == (DocumentStatus.OK, 7)
    assert "Page number 3" in result.text
    assert "Page number 4" not in result.text
    assert result.problem == "read only the first 3 of 7 pages (max_pages=3)"
