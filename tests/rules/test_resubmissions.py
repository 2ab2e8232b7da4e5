"""The same candidate applying again: both kept, the newer points to the earlier one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.hr.candidates.listing import candidate_dicts
from tests import candidate_files, messages
from tests.judged_messages import cv_file as judged_cv
from tests.judged_messages import letter_with
from tests.polling import flag_evidence, poll_applications

FIRST = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
DD_IS = "Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ"
HU_NA = "Application – Head of Unit, Needs Assessment – Maria FERNÁNDEZ"
CV = ("CV.pdf", "application/pdf", candidate_files.cv_pdf())
SHORT_BODY = "Dear Sir or Madam,\n\nPlease find my application attached.\n\nMaria"


def cv_only(sender: str = "maria.fernandez@example.com", subject: str = DD_IS) -> bytes:
    cv = ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf())
    return messages.application(sender=sender, subject=subject, body=SHORT_BODY, attachments=(cv,))


def letter_only(sender: str = "maria.fernandez@example.com", subject: str = DD_IS) -> bytes:
    letter = ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx())
    return messages.application(
        sender=sender, subject=subject, body=SHORT_BODY, attachments=(letter,)
    )


def poll_in_order(
    config: Config, sessions: sessionmaker[Session], *raws: bytes
) -> list[dict[str, Any]]:
    """Each message a minute after the one before, polled once."""
    arrivals = [(raw, FIRST + timedelta(minutes=index)) for index, raw in enumerate(raws)]
    return poll_applications(config, sessions, arrivals)


def test_a_cv_then_a_letter_make_the_second_message_complete(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    first, second = poll_in_order(config, sessions, cv_only(), letter_only())
    assert "letter_missing" in first["flags"]
    assert "cv_missing" not in second["flags"]
    assert "letter_missing" not in second["flags"]
    assert "resubmission" in second["flags"]
    assert second["previous_application"] == first["id"]
    assert first["superseded_by"] == second["id"]
    assert second["superseded_by"] is None
    said = flag_evidence(sessions, second["id"], "resubmission")
    assert f"supersedes application {first['id']}" in said
    assert "the same address" in said


def test_a_letter_then_a_cv_make_the_second_message_complete(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    first, second = poll_in_order(config, sessions, letter_only(), cv_only())
    assert "cv_missing" in first["flags"]
    assert not {"cv_missing", "letter_missing"} & set(second["flags"])


def test_the_same_name_from_another_address_is_the_same_candidate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    reversed_name = DD_IS.replace("Maria FERNÁNDEZ", "FERNANDEZ Maria")
    first, second = poll_in_order(
        config,
        sessions,
        messages.application(sender="maria.fernandez@example.com"),
        messages.application(sender="m.fernandez@work.example.org", subject=reversed_name),
    )
    assert "resubmission" in second["flags"]
    assert second["previous_application"] == first["id"]
    said = flag_evidence(sessions, second["id"], "resubmission")
    assert "the same name" in said


def test_another_vacancy_is_a_new_application_not_a_resubmission(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    first, second = poll_in_order(
        config, sessions, messages.application(), messages.application(subject=HU_NA)
    )
    assert (first["vacancy"], second["vacancy"]) == ("WCO/2025/DD-IS", "WCO/2025/HU-NA")
    assert "resubmission" not in second["flags"]
    assert second["previous_application"] is None
    assert first["superseded_by"] is None


def test_another_candidate_with_the_same_surname_is_not_a_resubmission(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    other = DD_IS.replace("Maria FERNÁNDEZ", "Carlos FERNÁNDEZ")
    _first, second = poll_in_order(
        config,
        sessions,
        messages.application(),
        messages.application(sender="carlos.fernandez@example.net", subject=other),
    )
    assert "resubmission" not in second["flags"]


def test_a_third_message_points_to_the_newest_earlier_one(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    first, second, third = poll_in_order(
        config, sessions, cv_only(), letter_only(), messages.application()
    )
    assert (second["previous_application"], third["previous_application"]) == (
        first["id"],
        second["id"],
    )
    assert (first["superseded_by"], second["superseded_by"]) == (second["id"], third["id"])
    said = flag_evidence(sessions, third["id"], "resubmission")
    assert "2 time(s) before" in said


def test_an_application_without_a_known_vacancy_is_never_a_resubmission(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    unknown = "Application – Maria FERNÁNDEZ"
    _first, second = poll_in_order(
        config,
        sessions,
        messages.application(subject=unknown, attachments=(CV,)),
        messages.application(subject=unknown, attachments=(CV,)),
    )
    assert second["vacancy"] is None
    assert "resubmission" not in second["flags"]


def _namesake(address: str, phone: str, employer: str) -> bytes:
    name = "Maria GARCIA"
    letter = letter_with(name, f"I work at {employer} and would bring that experience.")
    files = (judged_cv(name, phone=phone), letter)
    subject = DD_IS.replace("Maria FERNÁNDEZ", name)
    return messages.application(sender=f"{name} <{address}>", subject=subject, attachments=files)


def test_namesakes_from_two_addresses_with_two_cvs_are_two_candidates_not_a_resubmission(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    first, second = poll_in_order(
        config,
        sessions,
        _namesake("maria.garcia@example.com", "+34 600 111 222", "the Spanish Tax Agency"),
        _namesake("mgarcia77@example.es", "+52 55 1234 5678", "the Mexican customs service"),
    )
    assert "resubmission" not in second["flags"]
    assert second["previous_application"] is None and first["superseded_by"] is None
    with sessions() as session:
        people = [c for c in candidate_dicts(session) if c["candidate_name"] == "Maria GARCIA"]
    assert len(people) == 2
    assert all("sender_mismatch" not in person["flags"] for person in people)


def test_the_same_name_from_another_address_with_the_same_phone_is_a_resubmission(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    _first, second = poll_in_order(
        config,
        sessions,
        _namesake("maria.garcia@example.com", "+34 600 111 222", "the Spanish Tax Agency"),
        _namesake("maria.garcia@work.example.es", "+34 600 111 222", "the Tax Agency in Madrid"),
    )
    assert "resubmission" in second["flags"]
