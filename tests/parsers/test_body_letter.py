"""body_is_letter: an email body that is itself the motivation letter, and near misses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from parsers.documents.letter import body_is_letter, own_text
from storage.models import Flag
from tests import candidate_files, messages
from tests.document_letters import formal_fr, plain_en, to_whom_en
from tests.document_texts import PEOPLE
from tests.parsers.test_disposition import APPLICATION_LETTER
from tests.polling import poll_arrivals

ATTACHMENT_NOTE = "Dear HR,\n\nPlease find attached my CV and cover letter.\n\nRegards,\nJane"


def paragraphs(lines: list[str]) -> str:
    return "\n\n".join(line for line in lines if line)


def test_english_letter_in_the_body_is_a_letter() -> None:
    reading = body_is_letter(APPLICATION_LETTER)
    assert reading.is_letter
    assert reading.reason.startswith("body is a letter: ")
    assert "salutation" in reading.reason and "closing formula" in reading.reason


def test_french_letter_in_the_body_is_a_letter() -> None:
    assert body_is_letter(paragraphs(formal_fr(PEOPLE[10]).lines)).is_letter


def test_letter_signed_with_kind_regards_and_a_phone_is_a_letter() -> None:
    assert body_is_letter(paragraphs(to_whom_en(PEOPLE[3]).lines)).is_letter


def test_short_please_find_attached_body_is_not_a_letter() -> None:
    reading = body_is_letter(ATTACHMENT_NOTE)
    assert not reading.is_letter
    assert "words of prose" in reading.reason


def test_prose_without_a_salutation_is_not_a_letter_in_the_body() -> None:
    reading = body_is_letter(paragraphs(plain_en(PEOPLE[2]).lines))
    assert not reading.is_letter
    assert reading.reason == "body lacks a salutation"


def test_unsigned_letter_is_not_a_letter() -> None:
    unsigned = APPLICATION_LETTER.rsplit("Yours faithfully", 1)[0]
    reading = body_is_letter(unsigned.rstrip() + "\n\nSent from my phone, 2026")
    assert not reading.is_letter
    assert "a signature" in reading.reason


def test_long_note_pointing_to_an_attached_letter_needs_more_prose() -> None:
    note = (
        "Dear Sir or Madam,\n\nPlease find attached my CV and my motivation letter for the "
        "position of Legal Officer. I have eight years of experience in trade law and I am "
        "very interested in this opportunity to contribute to your work.\n\n"
        "I would be glad to discuss my application at an interview. I am available at any "
        "time and can travel to Brussels. Thank you for your time and for considering my "
        "application for this position in your legal team.\n\nKind regards,\nJane Doe"
    )
    reading = body_is_letter(note)
    assert not reading.is_letter
    assert "150 words of prose" in reading.reason


def test_quoted_reply_and_signature_block_are_not_counted() -> None:
    body = (
        ATTACHMENT_NOTE
        + "\n-- \nJane Doe\n\n"
        + "\n".join("> " + line for line in APPLICATION_LETTER.splitlines())
    )
    assert own_text(body) == ATTACHMENT_NOTE
    assert not body_is_letter(body).is_letter


def test_letter_above_an_earlier_quoted_message_is_still_a_letter() -> None:
    body = APPLICATION_LETTER + "\n\nOn Mon, 5 Jan 2026 at 10:00, HR <hr@example.org> wrote:\n> Hi"
    assert body_is_letter(body).is_letter


SHORT_LETTER = (
    "Dear Hiring Manager,\n\nI am writing to apply for the position of Procurement Officer "
    "advertised on your website. I have six years of experience in public procurement at the "
    "Ministry of Finance, where I managed tenders for IT and logistics services. I am motivated "
    "by the chance to contribute to customs modernisation in an international team.\n\n"
    "Thank you for considering my application.\n\nKind regards,\nAnna Kowalska"
)
SHORT_FRENCH_LETTER = (
    "Madame, Monsieur,\n\nJe souhaite postuler au poste de Chargé de communication publié sur "
    "votre site. Fort de cinq ans d'expérience dans la communication institutionnelle, je suis "
    "motivé par l'idée de contribuer au rayonnement de votre organisation.\n\n"
    "Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.\n\nPierre Martin"
)


def test_short_english_letter_of_one_paragraph_is_a_letter_whatever_its_length() -> None:
    assert len(SHORT_LETTER.split()) < 80
    assert body_is_letter(SHORT_LETTER).is_letter


def test_short_french_letter_is_a_letter() -> None:
    assert body_is_letter(SHORT_FRENCH_LETTER).is_letter


def test_please_find_attached_my_cv_and_a_name_is_not_a_letter() -> None:
    reading = body_is_letter("Please find attached my CV.\n\nRegards,\nAnna Kowalska")
    assert not reading.is_letter
    assert "reasons of the candidate's own" in reading.reason


def test_short_note_with_one_line_of_interest_gives_no_reasons_and_is_not_a_letter() -> None:
    note = (
        "Dear Sir/Madam,\n\nPlease find attached my application for the position of Finance "
        "Assistant. I am very interested.\n\nBest regards,\nLi Wei"
    )
    reading = body_is_letter(note)
    assert reading.reason == (
        "body lacks reasons of the candidate's own (two sentences, one on experience or motivation)"
    )


@pytest.mark.parametrize("letter", [SHORT_LETTER, SHORT_FRENCH_LETTER], ids=["en", "fr"])
def test_short_letter_in_the_body_with_a_cv_attached_is_no_missing_letter_through_the_pipeline(
    config: Config, sessions: sessionmaker[Session], letter: str
) -> None:
    cv = ("CV.pdf", "application/pdf", candidate_files.cv_pdf())
    raw = messages.application(body=letter, attachments=(cv,))
    poll_arrivals(config, sessions, [(raw, datetime(2025, 10, 20, 8, 0, tzinfo=UTC))])
    with sessions() as session:
        codes = set(session.scalars(select(Flag.code)))
    assert "letter_in_body" in codes and "letter_missing" not in codes
