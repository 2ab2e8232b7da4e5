"""Attachments of every supported format give their text, pages and status; type from bytes."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from parsers.documents.cleaning import clean_text
from parsers.documents.extract import extract
from parsers.documents.model import DocumentStatus, ExtractionLimits
from parsers.documents.tesseract import OCR_INSTALL_HINT, ocr_available
from tests.documents import (
    docx_bytes,
    image_bytes,
    legacy_doc_bytes,
    mixed_pdf_bytes,
    odt_bytes,
    pdf_bytes,
    require_tesseract,
    rtf_bytes,
    scanned_pdf_bytes,
)
from tests.legacy_word import require_antiword, word97_doc_bytes

LIMITS = ExtractionLimits()
FRENCH = "Lettre de motivation : expérience à Genève, œuvre complète"


def test_text_pdf_gives_every_page_its_count_and_status_ok() -> None:
    result = extract(pdf_bytes(["Curriculum vitae", FRENCH]), "cv.pdf", LIMITS)
    assert result.status is DocumentStatus.OK
    assert result.file_type == "pdf"
    assert result.pages == 2
    assert "Curriculum vitae" in result.text
    assert FRENCH in result.text
    assert result.problem is None


def test_pdf_named_cv_doc_sent_as_octet_stream_is_read_as_a_pdf() -> None:
    result = extract(pdf_bytes(["Jane Doe, economist"]), "cv.doc", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.OK, "pdf")
    assert "Jane Doe, economist" in result.text


def test_pdf_with_only_an_owner_password_is_read_normally() -> None:
    result = extract(pdf_bytes(["Open to read"], owner_password="owner"), "cv.pdf", LIMITS)
    assert result.status is DocumentStatus.OK
    assert "Open to read" in result.text


def test_pdf_with_a_user_password_is_encrypted_without_text() -> None:
    payload = pdf_bytes(["Secret"], user_password="user", owner_password="owner")
    result = extract(payload, "cv.pdf", LIMITS)
    assert result.status is DocumentStatus.ENCRYPTED
    assert result.text == ""


def test_truncated_pdf_fails_with_a_one_line_problem() -> None:
    payload = pdf_bytes(["Cut short"])
    result = extract(payload[: len(payload) // 2], "cv.pdf", LIMITS)
    assert result.status is DocumentStatus.FAILED
    assert result.problem and "\n" not in result.problem


def test_scanned_pdf_is_read_by_ocr() -> None:
    require_tesseract()
    result = extract(scanned_pdf_bytes(["Motivation letter", "Second page"]), "scan.pdf", LIMITS)
    assert result.status is DocumentStatus.OCR
    assert result.pages == 2
    assert "Motivation letter" in result.text
    assert "Second page" in result.text


def test_scanned_pdf_with_ocr_turned_off_has_no_text_and_says_so() -> None:
    limits = ExtractionLimits(ocr=False)
    result = extract(scanned_pdf_bytes(["Motivation letter"]), "scan.pdf", limits)
    assert result.status is DocumentStatus.NO_TEXT
    assert result.pages == 1
    assert result.problem and "OCR is turned off" in result.problem


def test_scanned_pdf_without_tesseract_has_no_text_and_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", os.devnull)
    assert not ocr_available()
    result = extract(scanned_pdf_bytes(["Motivation letter"]), "scan.pdf", LIMITS)
    assert result.status is DocumentStatus.NO_TEXT
    assert result.problem and OCR_INSTALL_HINT in result.problem


def test_typed_cv_with_a_scanned_declaration_page_reads_that_page_by_ocr() -> None:
    require_tesseract()
    payload = mixed_pdf_bytes(
        [("text", "Curriculum vitae of Jane Doe"), ("scan", "Relatives declaration"), ("blank", "")]
    )
    result = extract(payload, "cv.pdf", LIMITS)
    assert (result.status, result.pages, result.problem) == (DocumentStatus.OCR, 3, None)
    assert "Curriculum vitae of Jane Doe" in result.text
    assert "Relatives declaration" in result.text
    assert result.text.index("Curriculum") < result.text.index("Relatives")


def test_typed_pdf_with_a_blank_page_is_not_sent_to_ocr() -> None:
    payload = mixed_pdf_bytes([("text", "Curriculum vitae"), ("blank", ""), ("text", "Page 3")])
    result = extract(payload, "cv.pdf", ExtractionLimits(ocr=False))
    assert (result.status, result.pages, result.problem) == (DocumentStatus.OK, 3, None)


def test_scanned_page_of_a_typed_pdf_with_ocr_off_keeps_the_text_and_names_the_page() -> None:
    payload = mixed_pdf_bytes([("text", "Curriculum vitae"), ("scan", "Signed declaration")])
    result = extract(payload, "cv.pdf", ExtractionLimits(ocr=False))
    assert (result.status, result.pages) == (DocumentStatus.OK, 2)
    assert "Curriculum vitae" in result.text
    assert result.problem == "page 2: no text layer; OCR is turned off"


def test_scanned_pages_of_a_typed_pdf_over_max_ocr_pages_are_named() -> None:
    require_tesseract()
    pages = [("text", "Curriculum vitae"), ("scan", "Diploma one"), ("scan", "Diploma two")]
    result = extract(mixed_pdf_bytes(pages), "cv.pdf", ExtractionLimits(max_ocr_pages=1))
    assert result.status is DocumentStatus.OCR
    assert "Diploma one" in result.text
    assert "Diploma two" not in result.text
    assert result.problem and result.problem.startswith("OCR did not read page 3 (max_ocr_pages=1")


@pytest.mark.parametrize(("image_format", "file_type"), [("PNG", "png"), ("JPEG", "jpeg")])
def test_picture_of_a_page_is_read_by_ocr(image_format: str, file_type: str) -> None:
    require_tesseract()
    result = extract(image_bytes("Relatives declaration", image_format), "scan.bin", LIMITS)
    assert (result.status, result.file_type, result.pages) == (DocumentStatus.OCR, file_type, 1)
    assert "Relatives declaration" in result.text


def test_docx_text_comes_from_paragraphs_tables_nested_tables_header_footer_and_text_box() -> None:
    payload = docx_bytes(
        ["Curriculum vitae"],
        table_rows=[["Relatives on staff", "None"]],
        nested_table_rows=[["Spouse", "No"]],
        header="Jane Doe header",
        footer="Page footer",
        text_box="Boxed declaration",
    )
    result = extract(payload, "cv.docx", LIMITS)
    assert (result.status, result.file_type, result.has_macros) == (
        DocumentStatus.OK,
        "docx",
        False,
    )
    for expected in ("Curriculum vitae", "Relatives on staff", "None", "Spouse", "No"):
        assert expected in result.text
    for expected in ("Jane Doe header", "Page footer", "Boxed declaration"):
        assert expected in result.text


def test_docx_reads_header_then_body_then_footer() -> None:
    result = extract(docx_bytes(["Body"], header="Top", footer="Bottom"), "cv.docx", LIMITS)
    assert result.text.split("\n") == ["Top", "Body", "Bottom"]


def test_docm_with_a_vba_project_reports_macros_and_keeps_its_text() -> None:
    result = extract(docx_bytes(["Macro letter"], macro=True), "letter.docm", LIMITS)
    assert (result.status, result.file_type, result.has_macros) == (DocumentStatus.OK, "docm", True)
    assert "Macro letter" in result.text


def test_empty_docx_has_no_text() -> None:
    result = extract(docx_bytes([]), "cv.docx", LIMITS)
    assert result.status is DocumentStatus.NO_TEXT


def test_odt_heading_paragraphs_and_table_are_found() -> None:
    payload = odt_bytes([FRENCH], heading="Candidature", table_rows=[["Parent", "Non"]])
    result = extract(payload, "lettre.odt", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.OK, "odt")
    assert result.text.split("\n") == ["Candidature", FRENCH, "Parent\tNon"]


def test_rtf_text_keeps_its_accents() -> None:
    result = extract(rtf_bytes(["Madame, Monsieur,", FRENCH]), "letter.rtf", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.OK, "rtf")
    assert result.text.split("\n") == ["Madame, Monsieur,", FRENCH]


def test_html_attachment_in_its_declared_charset_loses_its_markup() -> None:
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{FRENCH[:40]}</p></body>'
    result = extract(html.encode("iso-8859-1"), "letter.htm", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.OK, "html")
    assert result.text == FRENCH[:40]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_plain_text_is_decoded(encoding: str) -> None:
    result = extract(f"{FRENCH[:40]}\r\nSecond line".encode(encoding), "letter.txt", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.OK, "text")
    assert result.text == f"{FRENCH[:40]}\nSecond line"


def test_text_loses_control_characters_and_extra_whitespace() -> None:
    raw = "Name:\x00 Jane\x07   Doe  \r\n\n\n\n\tAge: 40\x1b\fPage two"
    assert clean_text(raw, 1000) == ("Name: Jane Doe\n\n\tAge: 40\n\nPage two", False)


def test_text_is_cut_at_max_text_chars_and_the_problem_says_so() -> None:
    result = extract(b"word " * 1000, "cv.txt", ExtractionLimits(max_text_chars=100))
    assert len(result.text) <= 100
    assert result.problem and "max_text_chars=100" in result.problem


def test_a_legacy_word_cv_is_read_by_antiword() -> None:
    require_antiword()
    lines = ["CURRICULUM VITAE", "Jan Kowalski", "Customs officer, Gdańsk, 2010 - 2020", "Café"]
    result = extract(word97_doc_bytes(lines), "CV Kowalski.doc", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.OK, "doc")
    assert "Jan Kowalski\nCustoms officer" in result.text and "Café" in result.text


def test_a_damaged_legacy_word_file_fails_and_says_so() -> None:
    require_antiword()
    result = extract(legacy_doc_bytes(), "cv.doc", LIMITS)
    assert (result.status, result.file_type) == (DocumentStatus.FAILED, "doc")
    assert result.problem and result.problem.startswith("antiword")


def test_a_legacy_word_file_without_antiword_is_unsupported_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = extract(word97_doc_bytes(["Jan Kowalski"]), "cv.doc", LIMITS)
    assert result.status == DocumentStatus.UNSUPPORTED
    assert result.problem and "antiword" in result.problem


@pytest.mark.parametrize("payload", [b"", b"\n\n  \x00"])
def test_an_empty_file_named_pdf_has_no_text_not_unsupported(payload: bytes) -> None:
    result = extract(payload, "CV.pdf", LIMITS)
    assert result.status == DocumentStatus.NO_TEXT
    assert result.problem and ("empty" in result.problem or "blanks" in result.problem)


def test_a_pdf_without_pages_fails_and_says_so() -> None:
    payload = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    result = extract(payload, "Letter.pdf", LIMITS)
    assert (result.status, result.pages, result.problem) == (
        DocumentStatus.FAILED,
        0,
        "the PDF has no pages",
    )


def test_random_bytes_are_unsupported() -> None:
    result = extract(os.urandom(20_000), "cv.pdf", LIMITS)
    assert result.status is DocumentStatus.UNSUPPORTED
    assert result.text == ""


def test_ocr_reads_only_max_ocr_pages_and_says_so() -> None:
    require_tesseract()
    payload = scanned_pdf_bytes(["First page", "Second page", "Third page"])
    result = extract(payload, "scan.pdf", ExtractionLimits(max_ocr_pages=2))
    assert (result.status, result.pages) == (DocumentStatus.OCR, 3)
    assert "Second page" in result.text
    assert "Third page" not in result.text
    assert result.problem and "max_ocr_pages=2" in result.problem


def test_ocr_stops_when_ocr_seconds_are_spent_and_says_so() -> None:
    require_tesseract()
    payload = scanned_pdf_bytes(["First page", "Second page"])
    result = extract(payload, "scan.pdf", ExtractionLimits(ocr_seconds=0))
    assert (result.status, result.pages) == (DocumentStatus.NO_TEXT, 2)
    assert result.problem and "ocr_seconds=0" in result.problem


def test_small_picture_such_as_a_signature_logo_is_not_sent_to_ocr() -> None:
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), "white").save(logo, format="PNG")
    extraction = extract(logo.getvalue(), "logo.png", ExtractionLimits())
    assert extraction.status is DocumentStatus.NO_TEXT
    assert extraction.problem == "picture of 120×40 pixels, too small to hold a page of text"
