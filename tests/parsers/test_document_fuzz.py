"""Damaged real files and any text: the readers and classifiers always answer, never raise."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.documents.extract import extract
from parsers.documents.kind import classify_document
from parsers.documents.language import detect_language
from parsers.documents.letter import body_is_letter
from parsers.documents.model import DocumentKind, DocumentStatus, ExtractionLimits
from tests import candidate_files
from tests.documents import finishes_within

LIMITS = ExtractionLimits(ocr=False)
SECONDS_PER_FILE = 60.0


@cache
def originals() -> tuple[bytes, ...]:
    return candidate_files.cv_pdf(), candidate_files.letter_docx()


@st.composite
def damaged_files(draw: st.DrawFn) -> bytes:
    """A real PDF or DOCX with some bytes overwritten and maybe cut short."""
    data = bytearray(draw(st.sampled_from(originals())))
    for _ in range(draw(st.integers(1, 20))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(1, len(data)))])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_files())
def test_damaged_file_ends_with_a_status_and_a_one_line_problem(payload: bytes) -> None:
    extraction = finishes_within(SECONDS_PER_FILE, lambda: extract(payload, "cv.pdf", LIMITS))
    assert isinstance(extraction.status, DocumentStatus)
    assert extraction.problem is None or "\n" not in extraction.problem


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=5000), st.text(max_size=60))
def test_any_text_gets_a_kind_a_language_or_none_and_a_letter_verdict(
    text: str, filename: str
) -> None:
    reading = classify_document(filename, text)
    assert reading.kind in set(DocumentKind)
    assert reading.is_cv == (reading.kind is DocumentKind.CV)
    if reading.kind is DocumentKind.MOTIVATION_LETTER:
        assert reading.is_letter
    language = detect_language(text)
    assert language is None or (len(language) == 2 and language.isalpha())
    assert isinstance(body_is_letter(text).is_letter, bool)
