"""A message re-sent in other bytes (new Date, MIME boundary, encodings) is one application;
the same Message-ID with other content, or from another sender, is not a duplicate."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from parsers.fingerprint import content_fingerprint
from parsers.semantic_fingerprint import raw_semantic_fingerprint
from storage.models import Application, Message
from tests import candidate_files, messages
from tests.polling import poll_arrivals
from tests.resent_messages import resent
from tests.smtp import OpenRuntimes, SmtpServer, open_runtimes, poll_through, smtp_config
from tests.smtp import smtp_server as smtp_server

__all__ = ["open_runtimes", "smtp_server"]

ON_TIME = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
NEXT_DAY = datetime(2025, 10, 21, 9, 30, tzinfo=UTC)
MESSAGE_ID = "<resent-1@mail.example.com>"
CV = ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf())
LETTER = ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx())
ENGLISH_BODY = "Dear Sir or Madam,\n\nPlease find attached my CV and motivation letter.\n\nMaria"
FRENCH_BODY = (
    "Madame, Monsieur,\n\nVeuillez trouver ci-joint ma candidature.\n\nHélène Gaëlle Çelik"
)
DIPLOMA = ("Diploma.pdf", "application/pdf", candidate_files.cv_pdf() + b"\n% diploma\n")


def original() -> bytes:
    return messages.application(message_id=MESSAGE_ID, attachments=(CV, LETTER))


def dispositions(sessions: sessionmaker[Session]) -> Counter[str]:
    with sessions() as session:
        return Counter(session.scalars(select(Message.disposition)))


def application_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Application)) or 0


@pytest.mark.parametrize("text_encoding", ["quoted-printable", "base64"])
@pytest.mark.parametrize("body", [ENGLISH_BODY, FRENCH_BODY], ids=["ascii", "accents"])
def test_resent_message_differs_in_raw_bytes_but_not_in_meaning(
    body: str, text_encoding: str
) -> None:
    first = messages.application(message_id=MESSAGE_ID, body=body, attachments=(CV, LETTER))
    again = resent(first, NEXT_DAY, text_encoding=text_encoding)
    assert content_fingerprint(again) != content_fingerprint(first)
    assert raw_semantic_fingerprint(again) == raw_semantic_fingerprint(first)


def test_new_attachment_other_body_or_other_sender_change_the_meaning() -> None:
    first = raw_semantic_fingerprint(original())
    variants = [
        messages.application(message_id=MESSAGE_ID, attachments=(CV, LETTER, DIPLOMA)),
        messages.application(message_id=MESSAGE_ID, attachments=(CV,)),
        messages.application(message_id=MESSAGE_ID, attachments=(CV, LETTER), body="Dear HR,"),
        messages.application(
            message_id=MESSAGE_ID, attachments=(CV, LETTER), sender="Eve <eve@example.net>"
        ),
    ]
    fingerprints = {raw_semantic_fingerprint(variant) for variant in variants}
    assert first not in fingerprints and len(fingerprints) == len(variants)


def test_unreadable_bytes_have_no_semantic_fingerprint() -> None:
    assert raw_semantic_fingerprint(b"   ") is None


def test_message_resent_in_other_bytes_is_one_application_one_duplicate_and_one_ack(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, (original(), ON_TIME), (resent(original(), NEXT_DAY), NEXT_DAY))
    assert dispositions(runtime.sessions) == Counter(application=1, duplicate=1)
    assert application_count(runtime.sessions) == 1
    assert len(smtp_server.received) == 1
    with runtime.sessions() as session:
        copy = session.scalars(select(Message).where(Message.disposition == "duplicate")).one()
        assert copy.duplicate_of_id is not None
        assert "re-sent in other bytes" in (copy.disposition_reason or "")


def test_same_message_id_with_a_new_attachment_or_another_sender_is_a_new_application(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    with_diploma = messages.application(message_id=MESSAGE_ID, attachments=(CV, LETTER, DIPLOMA))
    forged = messages.application(
        sender="Eve Forger <eve@example.net>", message_id=MESSAGE_ID, attachments=(CV, LETTER)
    )
    poll_through(runtime, (original(), ON_TIME), (with_diploma, NEXT_DAY), (forged, NEXT_DAY))
    assert dispositions(runtime.sessions) == Counter(application=3)
    assert application_count(runtime.sessions) == 3


def test_resent_copy_and_a_copy_of_the_copy_are_duplicates_of_the_first_on_every_database(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    again = resent(original(), NEXT_DAY)
    poll_arrivals(config, sessions, [(original(), ON_TIME), (again, NEXT_DAY), (again, NEXT_DAY)])
    assert dispositions(sessions) == Counter(application=1, duplicate=2)
    with sessions() as session:
        first = session.scalar(select(Message.id).where(Message.disposition == "application"))
        copies = session.scalars(
            select(Message.duplicate_of_id).where(Message.duplicate_of_id.is_not(None))
        )
        assert set(copies) == {first}
