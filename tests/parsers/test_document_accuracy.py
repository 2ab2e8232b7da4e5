"""Kind and language accuracy on the generated labelled set, read from real files (≥ 97 %)."""

from __future__ import annotations

import pytest

from benchmarks.document_accuracy import REQUIRED_ACCURACY, Results, evaluate, report
from parsers.documents.kind import filename_sides
from tests.document_set import ENTRIES, build
from tests.documents import require_tesseract


def _evaluate(*, ocr: bool) -> Results:
    return evaluate([build(entry) for entry in ENTRIES if entry.needs_ocr is ocr])


def _assert_accurate(results: Results) -> None:
    summary = "\n".join(report(results))
    assert results.kind_accuracy >= REQUIRED_ACCURACY, summary
    assert results.language_accuracy >= REQUIRED_ACCURACY, summary


def test_set_is_large_varied_and_mostly_named_uninformatively() -> None:
    formats = {entry.file_format for entry in ENTRIES}
    languages = {language for entry in ENTRIES for language in entry.languages}
    assert len(ENTRIES) >= 90
    assert {"pdf", "docx", "odt", "rtf", "scan", "image"} <= formats
    assert {"en", "fr", "de", "es"} <= languages
    assert sum(entry.kind.value == "cv" and entry.is_letter for entry in ENTRIES) >= 3
    assert sum(not filename_sides(entry.filename) for entry in ENTRIES) >= len(ENTRIES) / 3


def test_files_with_a_text_layer_reach_the_required_accuracy() -> None:
    _assert_accurate(_evaluate(ocr=False))


@pytest.mark.slow
def test_scans_and_images_read_by_ocr_reach_the_required_accuracy() -> None:
    require_tesseract()
    _assert_accurate(_evaluate(ocr=True))
