"""classify_document: what the filename says, what the content says, and which one wins."""

from __future__ import annotations

import pytest

from parsers.documents.features import FEATURES, THRESHOLD
from parsers.documents.kind import classify_document
from parsers.documents.model import DocumentKind
from tests.document_cvs import chronological_en, classic_fr
from tests.document_letters import formal_en, formal_fr
from tests.document_others import passport, reference_en, reference_subtle_en
from tests.document_texts import PEOPLE

JANE, MARIE = PEOPLE[0], PEOPLE[10]
CV, LETTER, OTHER = DocumentKind.CV, DocumentKind.MOTIVATION_LETTER, DocumentKind.OTHER


@pytest.mark.parametrize(
    "filename",
    [
        "CV_Jane_Doe.pdf",
        "Jane-Doe-Resume-2026.pdf",
        "Résumé.docx",
        "Curriculum Vitae.pdf",
        "Lebenslauf.odt",
        "JaneDoeCV.pdf",
        "c.v. jane.pdf",
    ],
)
def test_filename_naming_a_cv_gives_cv_without_text(filename: str) -> None:
    reading = classify_document(filename, "")
    assert (reading.kind, reading.is_cv, reading.is_letter) == (CV, True, False)
    assert reading.reason == "filename says CV"


@pytest.mark.parametrize(
    "filename",
    [
        "Cover letter.pdf",
        "covering letter - Doe.docx",
        "Motivation.pdf",
        "Lettre de motivation.odt",
        "Carta de presentación.docx",
        "letter.pdf",
        "LM_Dupont.pdf",
        "Anschreiben.pdf",
    ],
)
def test_filename_naming_a_letter_gives_motivation_letter(filename: str) -> None:
    reading = classify_document(filename, "")
    assert (reading.kind, reading.is_cv, reading.is_letter) == (LETTER, False, True)


@pytest.mark.parametrize(
    "filename",
    [
        "letter of recommendation.pdf",
        "Reference letter - Acme.pdf",
        "diploma.pdf",
        "passport.jpg",
        "Certificate of employment.pdf",
        "transcript.pdf",
        "photo.png",
        "ID.png",
        "Arbeitszeugnis.pdf",
    ],
)
def test_filename_naming_another_document_gives_other(filename: str) -> None:
    reading = classify_document(filename, "")
    assert (reading.kind, reading.is_cv, reading.is_letter) == (OTHER, False, False)


def test_doc2_pdf_with_cv_sections_is_cv() -> None:
    reading = classify_document("Doc2.pdf", chronological_en(JANE).plain())
    assert (reading.kind, reading.is_letter) == (CV, False)
    assert reading.reason.startswith("content: ")
    assert "CV sections" in reading.reason and "date ranges" in reading.reason


def test_scan_with_a_french_letter_and_no_name_is_a_letter() -> None:
    reading = classify_document("SCAN_20260105.pdf", formal_fr(MARIE).plain())
    assert (reading.kind, reading.is_cv, reading.is_letter) == (LETTER, False, True)
    assert "salutation" in reading.reason and "closing formula" in reading.reason


def test_reference_letter_from_employer_is_other() -> None:
    reading = classify_document("document.docx", reference_en(JANE).plain())
    assert (reading.kind, reading.is_letter) == (OTHER, False)
    assert "recommendation phrases" in reading.reason


def test_reference_that_never_says_recommend_is_other() -> None:
    reading = classify_document("Doc13.pdf", reference_subtle_en(PEOPLE[2]).plain())
    assert reading.kind is OTHER


def test_reference_letter_named_letter_is_other_because_content_is_strong() -> None:
    reading = classify_document("letter.pdf", reference_en(JANE).plain())
    assert reading.kind is OTHER
    assert reading.reason.startswith("content overrides filename (motivation letter)")


def test_passport_page_with_machine_readable_zone_is_other() -> None:
    reading = classify_document("scan0003.pdf", passport(JANE).plain())
    assert reading.kind is OTHER
    assert "machine-readable zone" in reading.reason


def test_cv_and_letter_in_one_file_serve_as_both_and_are_stored_as_cv() -> None:
    text = formal_en(JANE).plain() + "\n\n" + chronological_en(JANE).plain()
    reading = classify_document("Application_Doe.pdf", text)
    assert (reading.kind, reading.is_cv, reading.is_letter) == (CV, True, True)


def test_file_named_cv_that_also_holds_the_letter_serves_as_both() -> None:
    text = formal_fr(MARIE).plain() + "\n\n" + classic_fr(MARIE).plain()
    reading = classify_document("CV Marie Dupont.pdf", text)
    assert (reading.kind, reading.is_cv, reading.is_letter) == (CV, True, True)
    assert reading.reason.startswith("filename says CV; content also a motivation letter")


def test_file_named_cv_holding_only_a_full_letter_is_a_letter() -> None:
    reading = classify_document("CV_Jane_Doe.docx", formal_en(JANE).plain())
    assert (reading.kind, reading.is_cv, reading.is_letter) == (LETTER, False, True)
    assert reading.reason.startswith("content overrides filename (CV)")


def test_file_named_cv_with_only_a_salutation_stays_cv() -> None:
    reading = classify_document("CV.pdf", "Dear recruiter,\nplease see below.\nJane Doe")
    assert (reading.kind, reading.is_letter) == (CV, False)


def test_empty_text_and_a_name_that_says_nothing_is_other() -> None:
    reading = classify_document("Doc2.pdf", "")
    assert reading.kind is OTHER
    assert reading.reason == "no text, and the filename says nothing"


def test_noisy_ocr_of_a_french_cv_without_accents_is_cv() -> None:
    ocr = (
        "MARIE DUPONT\nmarie.dupont@example.com\n\nEXPERIENCE PROFESSIONNELLE\n"
        "Depuis 2021 : Inspectrice des douanes , DGDDI\n2016 — 2021 Chargee de mission, AFD\n\n"
        "FORMATION\nMaster en droit international, Universite Lyon 3\n\nLANGUES :\n"
        "Francais, anglais\n\nCOMPETENCES\nAnalyse de risques"
    )
    reading = classify_document("SCAN_20260105.pdf", ocr)
    assert reading.kind is CV


def test_a_few_words_of_prose_are_inconclusive_and_other() -> None:
    reading = classify_document("Doc7.pdf", "Minutes of the meeting held on Tuesday.")
    assert reading.kind is OTHER
    assert reading.reason.startswith("content inconclusive")


def test_feature_table_weights_caps_and_thresholds_are_positive() -> None:
    assert all(feature.weight > 0 and feature.cap >= 1 for feature in FEATURES)
    assert len({feature.label for feature in FEATURES}) == len(FEATURES)
    assert all(value > 0 for value in THRESHOLD.values())


def test_letter_to_the_hiring_committee_expressing_interest_is_a_letter() -> None:
    text = (
        "To the Hiring Committee,\n"
        "I wish to express my strong interest in the Programme Officer role. Over the last "
        "eight years I have coordinated capacity building projects across West Africa.\n"
        "Thank you for considering my application.\n"
        "Best regards,\nKwame Mensah"
    )
    reading = classify_document("application.pdf", text)
    assert (reading.kind, reading.is_letter) == ("motivation_letter", True)
