"""Applications polled from real messages are grouped into candidates, judged together."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.hr.candidates.listing import candidate_dicts
from storage.candidate_models import CandidateFlag, CandidateLink
from tests import messages
from tests.candidate_messages import cv_file, letter_file, sent
from tests.polling import flag_evidence, poll_applications

MONDAY = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
AFTER_DEADLINE = datetime(2025, 10, 28, 8, 0, tzinfo=UTC)
MARIA = "Maria Fernández"


def poll_days(
    config: Config, sessions: sessionmaker[Session], *raws: bytes
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each message a day after the one before; the applications and the candidates."""
    arrivals = [(raw, MONDAY + timedelta(days=day)) for day, raw in enumerate(raws)]
    applications = poll_applications(config, sessions, arrivals)
    with sessions() as session:
        return applications, list(candidate_dicts(session))


def test_a_cv_on_monday_and_the_letter_on_tuesday_make_one_complete_candidate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    address = "maria.fernandez@example.com"
    monday = sent(address, MARIA, (cv_file(MARIA),))
    tuesday = sent(address, MARIA, (letter_file(MARIA),))
    applications, candidates = poll_days(config, sessions, monday, tuesday)
    assert "letter_missing" in applications[0]["flags"]
    [candidate] = candidates
    assert candidate["applications"] == [applications[0]["id"], applications[1]["id"]]
    assert candidate["complete"] is True
    assert candidate["late"] is False
    assert candidate["senders"] == [address]
    assert candidate["vacancy"] == "WCO/2025/DD-IS"
    assert not {"cv_missing", "letter_missing", "sender_mismatch"} & set(candidate["flags"])
    assert [doc["kind"] for doc in candidate["documents"]] == ["cv", "motivation_letter"]
    with sessions() as session:
        reasons = list(session.scalars(select(CandidateLink.reason).order_by("application_id")))
    assert reasons == ["its first message", f"the same sender address {address}"]


def test_a_resend_from_a_second_address_with_the_same_name_and_phone_is_one_candidate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    home = sent("maria.f@example.com", MARIA, (cv_file(MARIA, "+34 612 345 678"),))
    work = sent(
        "m.fernandez@work.example",
        "FERNANDEZ Maria",
        (cv_file(MARIA, "(+34) 612-34-56-78"), letter_file(MARIA)),
    )
    _applications, candidates = poll_days(config, sessions, home, work)
    [candidate] = candidates
    assert candidate["senders"] == ["maria.f@example.com", "m.fernandez@work.example"]
    assert "sender_mismatch" in candidate["flags"]
    assert candidate["complete"] is True
    # The CV sent again replaces the first; the letter is new.
    assert [doc["application_id"] for doc in candidate["documents"]] == candidate["applications"][
        1:
    ] * 2
    with sessions() as session:
        link = session.get_one(CandidateLink, candidate["applications"][1])
        evidence = session.scalar(
            select(CandidateFlag.evidence).where(CandidateFlag.code == "sender_mismatch")
        )
    assert link.matched_on == "phone"
    assert "612345678" in link.reason
    addresses = "maria.f@example.com, m.fernandez@work.example"
    assert evidence == f"messages came from 2 addresses: {addresses}"


def test_two_people_with_one_common_name_are_two_candidates(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    name = "John Smith"
    first = sent("john.smith@example.com", name, (cv_file(name, "+44 20 7946 0001"),))
    second = sent("jsmith@example.net", name, (cv_file(name, "+1 202 555 0143"),))
    _applications, candidates = poll_days(config, sessions, first, second)
    assert len(candidates) == 2
    assert [len(candidate["applications"]) for candidate in candidates] == [1, 1]
    assert not any("sender_mismatch" in candidate["flags"] for candidate in candidates)


def test_a_cv_sent_as_a_onedrive_link_is_documents_linked_with_the_url(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    url = "https://1drv.ms/b/s!AmZ3xYz0123456789?e=AbCdEf"
    body = f"Dear Sir or Madam,\n\nMy CV is here: {url}\n\nKind regards,\n{MARIA}"
    linked = sent("maria.fernandez@example.com", MARIA, (letter_file(MARIA),), body=body)
    other = sent("kwame.mensah@example.net", "Kwame Mensah", (cv_file("Kwame Mensah"),))
    applications, candidates = poll_days(config, sessions, linked, other)
    assert "documents_linked" in applications[0]["flags"]
    assert "documents_linked" not in applications[1]["flags"]
    assert url in flag_evidence(sessions, applications[0]["id"], "documents_linked")
    flagged = [candidate["flags"] for candidate in candidates]
    assert ["documents_linked" in flags for flags in flagged] == [True, False]
    assert candidates[0]["complete"] is False


def test_a_reply_in_the_same_thread_from_another_address_joins_the_candidate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    first = sent("maria.fernandez@example.com", MARIA, (cv_file(MARIA),), message_id="<cv@x.es>")
    reply = sent(
        "secretariat@ministry.example",
        "Fernández",
        (letter_file(MARIA),),
        extra_headers=(("In-Reply-To", "<cv@x.es>"), ("References", "<cv@x.es>")),
    )
    _applications, candidates = poll_days(config, sessions, first, reply)
    [candidate] = candidates
    assert candidate["complete"] is True
    assert "sender_mismatch" in candidate["flags"]


def test_a_letter_in_time_and_the_cv_after_the_deadline_leave_the_candidate_incomplete(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    address = "maria.fernandez@example.com"
    arrivals = [
        (sent(address, MARIA, (letter_file(MARIA),)), MONDAY),
        (sent(address, MARIA, (cv_file(MARIA),)), AFTER_DEADLINE),
    ]
    poll_applications(config, sessions, arrivals)
    with sessions() as session:
        [candidate] = list(candidate_dicts(session))
        evidence = session.scalar(
            select(CandidateFlag.evidence).where(CandidateFlag.code == "cv_missing")
        )
    assert candidate["complete"] is False
    assert candidate["late"] is False
    assert "late" not in candidate["flags"]
    assert evidence == "a CV came only after the deadline"


def test_without_a_name_in_the_subject_the_display_name_and_phone_join_the_resend(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    phone = "+32 470 12 34 56"
    first = sent("maria.f@example.com", MARIA, (cv_file(MARIA, phone),))
    resend = messages.application(
        sender="Maria FERNANDEZ <mf@work.example>",
        subject="Application – Deputy Director, Implementation Support",
        body="Dear Sir or Madam,\n\nMy CV and letter, again.\n\nPhone: 0470 12 34 56",
        attachments=(letter_file(MARIA),),
    )
    _applications, candidates = poll_days(config, sessions, first, resend)
    [candidate] = candidates
    assert candidate["complete"] is True
    assert "sender_mismatch" in candidate["flags"]
