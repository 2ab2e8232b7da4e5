"""The acknowledgement in the candidate's language, with one consistent message per situation,
and the short note that an application became complete."""

from __future__ import annotations

import dataclasses
import email.policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest

from intake.acks.compose import compose_acknowledgement, compose_completion
from intake.acks.content import AckContent, AckDocument
from tests.acks.test_compose import BEFORE_DEADLINE, COMPLETE, NOW, REFERENCE, SETTINGS

FRENCH_TITLE = "Directeur adjoint, Appui à la mise en œuvre"
FRENCH_NAME = "Organisation mondiale des douanes"
FRENCH = dataclasses.replace(SETTINGS, organisation_names=(("fr", FRENCH_NAME),))
DEADLINE_EN = "26 October 2025 at 23:59:59 (Europe/Brussels, UTC+01:00)"
DEADLINE_FR = "26 octobre 2025 à 23:59:59 (Europe/Brussels, UTC+01:00)"
CV = AckDocument("cv.pdf", "cv", "ok")
LETTER = AckDocument("lettre.pdf", "motivation_letter", "ok")


def _content(**changes: object) -> AckContent:
    base = dataclasses.replace(COMPLETE, vacancy_titles=(("fr", FRENCH_TITLE),))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _decoded(message: EmailMessage) -> tuple[EmailMessage, str]:
    """The message as a client gets it: serialised, parsed back, its text part decoded."""
    parsed = BytesParser(policy=email.policy.default).parsebytes(message.as_bytes())
    assert isinstance(parsed, EmailMessage)
    part = parsed.get_body(("plain",))
    assert isinstance(part, EmailMessage)
    assert part.get_content_charset() == "utf-8"
    return parsed, str(part.get_content())


def test_french_acknowledgement_names_the_vacancy_and_organisation_in_french() -> None:
    content = _content(language="fr", documents=(CV,), flags=frozenset({"letter_missing"}))
    parsed, text = _decoded(compose_acknowledgement(content, FRENCH, NOW))
    assert f"Poste : {FRENCH_TITLE} ({REFERENCE})" in text
    assert f"{FRENCH_NAME} l'a reçue le" in text
    assert text.rstrip().endswith(FRENCH_NAME)
    assert "Deputy Director" not in text and "World Customs" not in text
    assert "Votre candidature n'est pas complète : il manque votre lettre de motivation." in text
    assert f"Si vous répondez à ce message avant le {DEADLINE_FR}" in text
    assert parsed["Subject"] == f"Re: {COMPLETE.original_subject}"
    assert parsed["In-Reply-To"] == COMPLETE.original_message_id


def test_english_acknowledgement_keeps_the_english_names() -> None:
    text = _decoded(compose_acknowledgement(_content(), FRENCH, NOW))[1]
    assert "World Customs Organization received it on" in text
    assert FRENCH_TITLE not in text


@pytest.mark.parametrize(
    ("flags", "state", "invited"),
    [
        (set(), "Your application is complete: we have your CV and your motivation letter.", None),
        ({"cv_missing"}, "Your application is not complete: your CV is missing.", "your CV"),
        (
            {"letter_missing"},
            "Your application is not complete: your motivation letter is missing.",
            "your motivation letter",
        ),
        (
            {"cv_missing", "letter_missing"},
            "Your application is not complete: your CV and your motivation letter are missing.",
            "your CV and your motivation letter",
        ),
        (
            {"unreadable_document"},
            "Your application is not complete yet.",
            "a readable copy of the file",
        ),
    ],
)
def test_each_situation_has_one_statement_and_one_invitation(
    flags: set[str], state: str, invited: str | None
) -> None:
    text = _decoded(compose_acknowledgement(_content(flags=frozenset(flags)), SETTINGS, NOW))[1]
    assert state in text
    if invited is None:
        assert "If you reply" not in text
        assert "there is no need to reply to it" in text
    else:
        assert (
            f"If you reply to this message before {DEADLINE_EN} with {invited} attached, "
            "your application will be complete. There is no need to apply again." in text
        )
        assert "there is no need to reply" not in text


def test_the_completion_note_is_short_threads_and_speaks_french() -> None:
    reply = _content(
        language="fr",
        original_subject="RE: Jeanne Dupont - Directeur adjoint",
        original_message_id="<reply.1@mail.example.fr>",
        candidate_name="Jeanne Dupont",
        received_at=BEFORE_DEADLINE,
        documents=(LETTER,),
    )
    parsed, text = _decoded(compose_completion(reply, FRENCH, NOW))
    assert parsed["Subject"] == "RE: Jeanne Dupont - Directeur adjoint"
    assert parsed["In-Reply-To"] == "<reply.1@mail.example.fr>"
    assert parsed.get_content_type() == "text/plain"
    assert text.startswith("Bonjour Jeanne Dupont,")
    assert f"Votre candidature au poste {FRENCH_TITLE} ({REFERENCE}) est désormais complète" in text
    assert len(text.splitlines()) < 12


def test_a_notice_asking_only_for_the_vacancy_in_the_subject_says_only_that() -> None:
    content = _content(flags=frozenset({"subject_invalid"}), subject_requires=("vacancy",))
    text = _decoded(compose_acknowledgement(content, SETTINGS, NOW))[1]
    assert (
        'asks for a subject line naming the vacancy, such as "Deputy Director, Implementation '
        'Support (WCO/2025/DD-IS)"' in text
    )
    assert "full name" not in text
