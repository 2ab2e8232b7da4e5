"""One application through analysis: subject, vacancy, documents and the flags HR reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from intake.mailbox.base import RawMessage
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from storage.records import ApplicationRecord
from tests import candidate_files, messages
from tests.configs import VACANCIES, make_config
from tests.documents import docx_bytes, pdf_bytes

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
PROGRAMME_OFFICERS = [
    {
        "reference": "WCO/2025/PO-CB",
        "title": "Programme Officer, Capacity Building",
        "deadline": "2025-12-01",
    },
    {
        "reference": "WCO/2025/PO-TF",
        "title": "Programme Officer, Trade Facilitation",
        "deadline": "2025-12-01",
    },
]
PDF = "application/pdf"
OCTET = "application/octet-stream"


@pytest.fixture
def analyse(tmp_path: Path) -> Iterator[Any]:
    """Analyse a message against the test vacancies plus two Programme Officer posts."""
    config = make_config(
        tmp_path, "sqlite:///:memory:", vacancies=[*VACANCIES, *PROGRAMME_OFFICERS]
    )
    extractor = InlineExtractor(extraction_limits(config))
    analyser = Analyser(config, extractor)

    def run(data: bytes) -> ApplicationRecord:
        raw = RawMessage("test", "INBOX", 1, "1", RECEIVED, data)
        record = analyser.analyse(raw)
        assert record.error is None, record.error
        assert record.application is not None
        return record.application

    yield run
    extractor.close()


def codes(application: ApplicationRecord) -> list[str]:
    return [flag.code for flag in application.flags]


def evidence(application: ApplicationRecord, code: str) -> str:
    return next(flag.evidence or "" for flag in application.flags if flag.code == code)


def test_complete_application_has_name_vacancy_documents_and_no_flags(analyse: Any) -> None:
    application = analyse(messages.application())
    assert application.vacancy == "WCO/2025/DD-IS"
    assert application.candidate_name == "Maria FERNÁNDEZ"
    assert application.subject_valid is True
    assert [(doc.kind, doc.status, doc.language) for doc in application.documents] == [
        ("cv", "ok", "en"),
        ("motivation_letter", "ok", "en"),
    ]
    assert application.documents[0].pages == 2
    assert "Professional experience" in (application.documents[0].text or "")
    assert codes(application) == []


def test_subject_without_vacancy_takes_it_from_the_letter_and_stays_invalid(
    analyse: Any,
) -> None:
    application = analyse(messages.application(subject="Application - Maria Fernández"))
    assert application.vacancy == "WCO/2025/DD-IS"
    assert application.subject_valid is False
    assert codes(application) == ["subject_invalid"]
    assert "letter names WCO/2025/DD-IS" in evidence(application, "subject_invalid")


def test_programme_officer_alone_is_ambiguous_and_no_vacancy_is_guessed(analyse: Any) -> None:
    plain_letter = docx_bytes(["Dear Sir,", "Please consider my candidature.", "Jane Doe"])
    application = analyse(
        messages.application(
            subject="Application Programme Officer - Jane Doe",
            attachments=(
                ("cv.pdf", PDF, candidate_files.cv_pdf()),
                ("x.docx", OCTET, plain_letter),
            ),
        )
    )
    assert application.vacancy is None
    assert "subject_invalid" in codes(application)
    assert "WCO/2025/PO-CB, WCO/2025/PO-TF" in evidence(application, "vacancy_unknown")


def test_vacancy_only_notice_accepts_a_subject_without_name_but_says_it(analyse: Any) -> None:
    application = analyse(messages.application(subject="Head of Unit, Needs Assessment"))
    assert application.vacancy == "WCO/2025/HU-NA"
    assert application.candidate_name is None
    assert application.subject_valid is True
    assert codes(application) == ["name_missing"]


def test_sender_display_name_is_not_taken_for_the_candidate_name(analyse: Any) -> None:
    application = analyse(messages.application(subject="Deputy Director, Implementation Support"))
    assert application.candidate_name is None
    assert application.sender_name == "Maria Fernández"
    assert codes(application) == ["subject_invalid", "name_missing"]
    assert "Maria Fernández" in evidence(application, "name_missing")


def test_no_attachments_flags_cv_and_letter_missing(analyse: Any) -> None:
    application = analyse(messages.application(attachments=()))
    assert codes(application) == ["cv_missing", "letter_missing"]


def test_letter_written_in_the_body_counts_as_the_letter(analyse: Any) -> None:
    application = analyse(
        messages.application(
            body=candidate_files.letter_text(),
            attachments=(("Doc2.pdf", OCTET, candidate_files.cv_pdf()),),
        )
    )
    assert [doc.kind for doc in application.documents] == ["cv"]
    assert codes(application) == ["letter_in_body"]


def test_one_file_holding_cv_and_letter_satisfies_both(analyse: Any) -> None:
    both = pdf_bytes(["\n\n".join(candidate_files.LETTER_PARAGRAPHS), candidate_files.CV_TEXT])
    application = analyse(messages.application(attachments=(("scan.pdf", PDF, both),)))
    assert codes(application) == []


def test_cv_in_german_is_not_in_the_required_language(analyse: Any) -> None:
    application = analyse(
        messages.application(
            attachments=(
                ("Lebenslauf.pdf", PDF, candidate_files.german_cv_pdf()),
                ("letter.docx", OCTET, candidate_files.letter_docx()),
            )
        )
    )
    assert application.documents[0].language == "de"
    assert codes(application) == ["not_in_required_language"]
    assert "Lebenslauf.pdf is de" in evidence(application, "not_in_required_language")


def test_cv_locked_with_a_password_is_unreadable(analyse: Any) -> None:
    locked = pdf_bytes([candidate_files.CV_TEXT], user_password="secret")
    application = analyse(
        messages.application(
            attachments=(
                ("CV.pdf", PDF, locked),
                ("letter.docx", OCTET, candidate_files.letter_docx()),
            )
        )
    )
    assert application.documents[0].status == "encrypted"
    assert codes(application) == ["unreadable_document"]
    assert "CV.pdf is encrypted" in evidence(application, "unreadable_document")


def test_letter_with_macros_is_flagged_and_still_read(analyse: Any) -> None:
    macro_letter = docx_bytes(candidate_files.LETTER_PARAGRAPHS, macro=True)
    application = analyse(
        messages.application(
            attachments=(
                ("cv.pdf", PDF, candidate_files.cv_pdf()),
                ("letter.docm", OCTET, macro_letter),
            )
        )
    )
    assert application.documents[1].kind == "motivation_letter"
    assert codes(application) == ["macro_document"]
