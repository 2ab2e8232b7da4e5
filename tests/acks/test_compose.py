"""Acknowledgement composition: wording in English and French, headers, injection, overrides."""

from __future__ import annotations

import dataclasses
import email.policy
import html
import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from intake.acks.compose import (
    available_languages,
    compose_acknowledgement,
    compose_enquiry_reply,
    outbound_message_id,
    pick_language,
)
from intake.acks.content import AckContent, AckDocument, ComposeSettings
from intake.acks.errors import AckRecipientError, AckTemplateError

SETTINGS = ComposeSettings(
    sender="WCO Recruitment <recruitment@example.org>",
    organisation_name="World Customs Organization",
    timezone=ZoneInfo("Europe/Brussels"),
)
# 2025-10-26: Brussels leaves summer time at 03:00 CEST (01:00 UTC). The deadline is the end of
# that day in Brussels, 23:59:59 CET.
DEADLINE = datetime(2025, 10, 26, 22, 59, 59, tzinfo=UTC)
BEFORE_DEADLINE = datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # 02:30:00 CEST
AFTER_DEADLINE = datetime(2025, 10, 27, 8, 0, tzinfo=UTC)
TITLE = "Deputy Director, Implementation Support"
REFERENCE = "WCO/2025/DD-IS"
COMPLETE = AckContent(
    recipient="jane.doe@example.com",
    recipient_name="Jane Doe",
    candidate_name="Jane Doe",
    original_subject="Jane Doe - Deputy Director, Implementation Support",
    original_message_id="<CAF1234.5678@mail.example.com>",
    vacancy_reference=REFERENCE,
    vacancy_title=TITLE,
    deadline=DEADLINE,
    received_at=BEFORE_DEADLINE,
    documents=(
        AckDocument("Jane_Doe_CV.pdf", "cv", "ok"),
        AckDocument("Cover letter.docx", "motivation_letter", "ok"),
        AckDocument("diploma-scan.pdf", "other", "ocr"),
    ),
    flags=frozenset(),
    language="en",
    outbound_message_id="<ack.0f1e2d3c@example.org>",
)
NOW = BEFORE_DEADLINE + timedelta(minutes=1)
EXPECTED_HEADERS = {
    "from", "to", "subject", "date", "message-id", "in-reply-to", "references",
    "auto-submitted", "x-auto-response-suppress", "mime-version", "content-type",
}  # fmt: skip


def _content(**changes: object) -> AckContent:
    return dataclasses.replace(COMPLETE, **changes)  # type: ignore[arg-type]


def _compose(content: AckContent, now: datetime = NOW, **settings: object) -> EmailMessage:
    return compose_acknowledgement(content, dataclasses.replace(SETTINGS, **settings), now)  # type: ignore[arg-type]


def _text(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


def _html(message: EmailMessage) -> str:
    part = message.get_body(("html",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


def _html_as_text(message: EmailMessage) -> str:
    """The HTML part without tags and entities, to look for the same sentences as in the text."""
    lines = re.sub(r"<br>\n?", "\n", _html(message))
    return html.unescape(re.sub(r"<[^>]+>", "", lines)).replace("\xa0", " ")


def _sent(message: EmailMessage) -> EmailMessage:
    """The message as a receiving server reads it back."""
    raw = message.as_bytes(policy=email.policy.SMTP)
    parsed = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(parsed, EmailMessage)
    return parsed


# --- content, English ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received_at", "shown"),
    [
        (BEFORE_DEADLINE, "26 October 2025 at 02:30:00 (Europe/Brussels, UTC+02:00)"),
        (NOW + timedelta(hours=1), "26 October 2025 at 02:31:00 (Europe/Brussels, UTC+01:00)"),
        (
            BEFORE_DEADLINE - timedelta(hours=2),
            "26 October 2025 at 00:30:00 (Europe/Brussels, UTC+02:00)",
        ),
    ],
)
def test_receipt_time_is_shown_in_brussels_time_across_the_dst_change(
    received_at: datetime, shown: str
) -> None:
    message = _compose(_content(received_at=received_at))
    assert f"received it on {shown}." in _text(message)
    assert f"received it on {shown}." in _html_as_text(message)


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        (
            "en",
            [
                "Dear Jane Doe,",
                "received it on 26 October 2025 at 02:30:00 (Europe/Brussels, UTC+02:00).",
                f"Vacancy: {TITLE} ({REFERENCE})",
                "Closing date: 26 October 2025 at 23:59:59 (Europe/Brussels, UTC+01:00)",
                "Jane_Doe_CV.pdf: CV",
                "Cover letter.docx: motivation letter",
                "diploma-scan.pdf: other document",
                "Your application is complete: we have your CV and your motivation letter.",
                "Kind regards,\nWorld Customs Organization",
            ],
            ["could not be read", "is missing", "If you reply to this message"],
        ),
        (
            "fr",
            [
                "Bonjour Jane Doe,",
                "l'a reçue le 26 octobre 2025 à 02:30:00 (Europe/Brussels, UTC+02:00).",
                f"Poste : {TITLE} ({REFERENCE})",
                "Date limite : 26 octobre 2025 à 23:59:59 (Europe/Brussels, UTC+01:00)",
                "Jane_Doe_CV.pdf : CV",
                "Cover letter.docx : lettre de motivation",
                "diploma-scan.pdf : autre document",
                "Votre candidature est complète : nous avons votre CV et votre lettre de "
                "motivation.",
                "Cordialement,\nWorld Customs Organization",
            ],
            ["illisible", "il manque", "Si vous répondez à ce message"],
        ),
    ],
)
def test_complete_application_confirms_vacancy_time_and_documents(
    language: str, expected: list[str], absent: list[str]
) -> None:
    message = _compose(_content(language=language))
    for body in (_text(message), _html_as_text(message)):
        for sentence in expected:
            assert sentence in body
        for sentence in absent:
            assert sentence not in body
    assert f'<html lang="{language}">' in _html(message)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]


def test_late_application_in_english_says_so_and_invites_nothing() -> None:
    late = _content(received_at=AFTER_DEADLINE, flags=frozenset({"late", "letter_missing"}))
    message = _compose(late, now=AFTER_DEADLINE)
    for body in (_text(message), _html_as_text(message)):
        assert (
            "Your application arrived after the closing date of 26 October 2025 at 23:59:59 "
            "(Europe/Brussels, UTC+01:00)." in body
        )
        assert "Your application is not complete: your motivation letter is missing." in body
        assert "If you reply" not in body


def test_missing_letter_before_the_deadline_invites_to_send_it_in_english() -> None:
    message = _compose(_content(flags=frozenset({"letter_missing"})))
    for body in (_text(message), _html_as_text(message)):
        assert "Your application is not complete: your motivation letter is missing." in body
        assert (
            "If you reply to this message before 26 October 2025 at 23:59:59 "
            "(Europe/Brussels, UTC+01:00) with your motivation letter attached, your "
            "application will be complete." in body
        )
        assert "there is no need to reply" not in body
        assert "your CV is missing" not in body
        assert "arrived after the closing date" not in body


def test_missing_letter_after_the_deadline_is_noted_without_an_invitation() -> None:
    message = _compose(_content(flags=frozenset({"letter_missing"})), now=AFTER_DEADLINE)
    assert "your motivation letter is missing" in _text(message)
    assert "If you reply" not in _text(message)


def test_a_letter_in_the_body_is_no_missing_letter() -> None:
    flags = frozenset({"letter_missing", "letter_in_body"})
    text = _text(_compose(_content(flags=flags)))
    assert "motivation letter is missing" not in text
    assert "Your application is complete" in text


def test_bad_subject_in_english_states_the_convention() -> None:
    content = _content(original_subject="Application", flags=frozenset({"subject_invalid"}))
    text = _text(_compose(content))
    assert "asks for a subject line giving your full name and the vacancy" in text
    assert f'"Jane Doe - {TITLE} ({REFERENCE})"' in text
    assert "If you reply" not in text


def test_unknown_vacancy_is_said_plainly() -> None:
    content = _content(
        vacancy_reference=None,
        vacancy_title=None,
        deadline=None,
        flags=frozenset({"vacancy_unknown"}),
    )
    text = _text(_compose(content))
    assert "We could not recognise from your message which vacancy" in text
    assert "Vacancy:" not in text
    assert "Closing date" not in text


def test_unreadable_file_is_marked_and_noticed() -> None:
    documents = (AckDocument("cv.pdf", "cv", "encrypted"),)
    text = _text(_compose(_content(documents=documents, flags=frozenset({"unreadable_document"}))))
    assert "- cv.pdf: CV (could not be read)" in text
    assert "We could not read at least one of your files" in text
    assert "with a readable copy of the file attached, your application will be complete" in text


def test_only_enabled_notices_appear() -> None:
    flags = frozenset({"cv_missing", "letter_missing", "subject_invalid", "late"})
    text = _text(_compose(_content(flags=flags), notices=frozenset({"cv_missing"})))
    assert "Your application is not complete: your CV is missing." in text
    assert "motivation letter is missing" not in text
    assert "subject line giving" not in text
    assert "after the closing date" not in text


def test_an_unknown_notice_in_the_settings_is_refused() -> None:
    with pytest.raises(ValueError, match="cv_mising"):
        dataclasses.replace(SETTINGS, notices=frozenset({"cv_mising"}))


# --- content, French ----------------------------------------------------------------------------


def test_late_application_in_french() -> None:
    late = _content(language="fr", received_at=AFTER_DEADLINE, flags=frozenset({"late"}))
    text = _text(_compose(late, now=AFTER_DEADLINE))
    assert (
        "Votre candidature est arrivée après la date limite du 26 octobre 2025 à 23:59:59 "
        "(Europe/Brussels, UTC+01:00)." in text
    )
    assert "Si vous répondez" not in text


def test_missing_letter_in_french_invites_before_the_deadline() -> None:
    content = _content(language="fr", flags=frozenset({"letter_missing"}))
    for body in (_text(_compose(content)), _html_as_text(_compose(content))):
        assert "il manque votre lettre de motivation." in body
        assert (
            "Si vous répondez à ce message avant le 26 octobre 2025 à 23:59:59 "
            "(Europe/Brussels, UTC+01:00) en joignant votre lettre de motivation, votre "
            "candidature sera complète." in body
        )
        assert "il n'est pas nécessaire d'y répondre" not in body
    after = _text(_compose(content, now=AFTER_DEADLINE))
    assert "il manque votre lettre de motivation." in after
    assert "Si vous répondez" not in after


def test_bad_subject_in_french_states_the_convention() -> None:
    content = _content(language="fr", flags=frozenset({"subject_invalid"}))
    text = _text(_compose(content))
    assert "L'avis de vacance demande un objet indiquant votre nom complet et le poste" in text
    assert f"« Jane Doe - {TITLE} ({REFERENCE}) »" in text
    assert "il manque" not in text


def test_first_of_the_month_in_french() -> None:
    content = _content(language="fr", received_at=datetime(2025, 10, 1, 8, 0, tzinfo=UTC))
    assert "le 1er octobre 2025 à 10:00:00" in _text(_compose(content))


# --- headers ------------------------------------------------------------------------------------


def test_threading_and_auto_reply_headers() -> None:
    sent = _sent(_compose(COMPLETE))
    assert {key.lower() for key in sent} == EXPECTED_HEADERS
    assert sent["From"] == "WCO Recruitment <recruitment@example.org>"
    assert sent["To"] == "jane.doe@example.com"
    assert sent["Subject"] == "Re: Jane Doe - Deputy Director, Implementation Support"
    assert sent["In-Reply-To"] == "<CAF1234.5678@mail.example.com>"
    assert sent["References"] == "<CAF1234.5678@mail.example.com>"
    assert sent["Auto-Submitted"] == "auto-replied"
    assert sent["X-Auto-Response-Suppress"] == "All"
    assert sent["Message-ID"] == "<ack.0f1e2d3c@example.org>"
    assert sent["Date"].datetime == NOW


def test_a_long_original_message_id_is_kept_whole() -> None:
    outlook = "<DB9PR02MB7257C9B2B5A0C9A4B6F1A9B1D9442A0@DB9PR02MB7257.eurprd02.prod.outlook.com>"
    raw = _compose(_content(original_message_id=outlook)).as_bytes(policy=email.policy.SMTP)
    assert f"In-Reply-To: {outlook}\r\n".encode() in raw
    assert f"References: {outlook}\r\n".encode() in raw


@pytest.mark.parametrize("original", ["not-an-id", "<two words@host>", "<a@b>\r\nBcc: x@y.z", ""])
def test_an_invalid_original_message_id_gives_no_threading(original: str) -> None:
    sent = _sent(_compose(_content(original_message_id=original)))
    assert "In-Reply-To" not in sent
    assert "References" not in sent


@pytest.mark.parametrize(
    ("original", "subject"),
    [
        ("RE: Jane Doe - DD-IS", "RE: Jane Doe - DD-IS"),
        ("AW: Jane Doe - DD-IS", "AW: Jane Doe - DD-IS"),
        ("TR: Jane Doe - DD-IS", "TR: Jane Doe - DD-IS"),
        ("Réf. : Jane Doe - DD-IS", "Réf. : Jane Doe - DD-IS"),
        ("Fwd: Jane Doe - DD-IS", "Re: Fwd: Jane Doe - DD-IS"),
        ("Recruitment: Jane Doe", "Re: Recruitment: Jane Doe"),
    ],
)
def test_re_is_not_doubled(original: str, subject: str) -> None:
    assert _sent(_compose(_content(original_subject=original)))["Subject"] == subject


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "Your application to World Customs Organization"),
        ("fr", "Votre candidature auprès de World Customs Organization"),
    ],
)
def test_an_empty_subject_gets_a_neutral_localised_one(language: str, subject: str) -> None:
    content = _content(original_subject=" \r\n ", language=language)
    assert _sent(_compose(content))["Subject"] == subject


def test_header_injection_adds_no_header_and_no_recipient() -> None:
    hostile = _content(
        original_subject="Application\r\nBcc: victim@example.com",
        recipient_name="Jane\r\nCc: other@example.com",
        candidate_name="Jane\nBcc: victim@example.com\u2028To: third@example.com",
        original_message_id="<x@y>\r\nBcc: victim@example.com",
        documents=(AckDocument("cv.pdf\r\nBcc: victim@example.com\x85.pdf", "cv", "ok"),),
    )
    sent = _sent(_compose(hostile))
    names = [key.lower() for key in sent]
    assert set(names) == EXPECTED_HEADERS - {"in-reply-to", "references"}
    assert names.count("to") == 1
    assert "bcc" not in names
    assert "cc" not in names
    assert getaddresses(sent.get_all("To", [])) == [("", "jane.doe@example.com")]
    assert sent["Subject"] == "Re: Application Bcc: victim@example.com"
    for part in sent.walk():
        assert "bcc" not in [key.lower() for key in part]
    assert "- cv.pdf Bcc: victim@example.com .pdf: CV" in _text(sent)


@pytest.mark.parametrize(
    "recipient",
    [
        "jane@example.com, victim@example.com",
        "Jane <jane@example.com>",
        "jane@example.com\r\nBcc: victim@example.com",
        "not an address",
        "",
    ],
)
def test_a_recipient_that_is_not_one_plain_address_is_refused(recipient: str) -> None:
    with pytest.raises(AckRecipientError):
        _compose(_content(recipient=recipient))


def test_an_internationalised_domain_goes_out_in_ascii() -> None:
    sent = _sent(_compose(_content(recipient="jean@exämple.fr")))
    assert sent["To"] == "jean@xn--exmple-cua.fr"


def test_outbound_message_id_is_on_the_sender_domain() -> None:
    assert outbound_message_id(SETTINGS.sender, "9f2c") == "<ack.9f2c@example.org>"
    with pytest.raises(ValueError, match="Message-ID"):
        outbound_message_id(SETTINGS.sender, "has space")
    with pytest.raises(ValueError, match="sender"):
        outbound_message_id("a@example.org, b@example.org", "9f2c")


# --- templates ----------------------------------------------------------------------------------


def test_html_part_escapes_a_filename() -> None:
    documents = (AckDocument("<script>alert(1)</script>.pdf", "cv", "ok"),)
    message = _compose(_content(documents=documents))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in _html(message)
    assert "<script>" not in _html(message)
    assert "- <script>alert(1)</script>.pdf: CV" in _text(message)


def test_an_override_template_replaces_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "acknowledgement.txt.j2").write_text(
        "Received for {{ vacancy_reference }}.\n{{ organisation }}\n", encoding="utf-8"
    )
    message = _compose(COMPLETE, templates_dir=tmp_path)
    assert _text(message) == f"Received for {REFERENCE}.\nWorld Customs Organization\n"
    assert f"{TITLE} ({REFERENCE})" in _html(message)  # not overridden: the shipped one


def test_an_override_adds_a_language(tmp_path: Path) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "subject.txt.j2").write_text("Ihre Bewerbung\n", encoding="utf-8")
    (tmp_path / "de" / "acknowledgement.txt.j2").write_text("Danke.\n", encoding="utf-8")
    settings = dataclasses.replace(SETTINGS, templates_dir=tmp_path)
    assert available_languages(settings) == {"en", "fr", "de"}
    message = _compose(_content(language="de"), templates_dir=tmp_path)
    assert _text(message) == "Danke.\n"
    assert message.get_body(("html",)) is None


@pytest.mark.parametrize(
    ("template", "line"),
    [
        ("Dear {{ greeting_name }},\n\n{% if notices %}\nunclosed\n", 4),
        ("Dear {{ greeting_name }},\n{{ no_such_variable }}\n", 2),
    ],
)
def test_a_broken_override_names_the_file_and_line(
    tmp_path: Path, template: str, line: int
) -> None:
    (tmp_path / "en").mkdir()
    broken = tmp_path / "en" / "acknowledgement.txt.j2"
    broken.write_text(template, encoding="utf-8")
    with pytest.raises(AckTemplateError) as caught:
        _compose(COMPLETE, templates_dir=tmp_path)
    assert str(broken) in str(caught.value)
    assert caught.value.line == line


def test_a_missing_override_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AckTemplateError, match="not found"):
        _compose(COMPLETE, templates_dir=tmp_path / "missing")


def test_a_language_without_templates_falls_back_to_english() -> None:
    text = _text(_compose(_content(language="pt")))
    assert text.startswith("Dear Jane Doe,")


def test_a_name_written_in_capitals_is_greeted_in_name_case() -> None:
    text = _text(_compose(_content(candidate_name="Maria FERNÁNDEZ RUIZ")))
    assert text.startswith("Dear Maria Fernández Ruiz,")


def test_pick_language_takes_the_first_that_has_templates() -> None:
    available = available_languages(SETTINGS)
    assert available == {"en", "fr"}
    assert pick_language(["fr", "en", "en"], available) == "fr"
    assert pick_language([None, "pt", "FR"], available) == "fr"
    assert pick_language(["es", None, "pt"], available) == "en"
    assert pick_language([], available) == "en"


def test_enquiry_reply_is_plain_text_in_the_candidate_language() -> None:
    message = compose_enquiry_reply(_content(language="fr", original_subject=""), SETTINGS, NOW)
    assert message.get_content_type() == "text/plain"
    assert message["Subject"] == "Votre question adressée à World Customs Organization"
    assert "Nous vous remercions de votre message." in _text(message)
    assert message["Auto-Submitted"] == "auto-replied"
