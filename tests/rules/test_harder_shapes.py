"""Harder real shapes through a poll: an HTML-only letter, unreadable files said precisely, a
.doc CV read, and receipts and invitations that are no application."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from storage.models import Message
from tests.candidate_messages import letter_file
from tests.judged_messages import calendar_event, cv_file, html_letter, mail
from tests.legacy_word import require_antiword, word97_doc_bytes
from tests.polling import flag_evidence, poll_applications

RECEIVED = datetime(2025, 10, 20, 9, 0, tzinfo=UTC)
SUBJECT = "Application – WCO/2025/DD-IS – {name}"
LETTER = [
    "Dear Selection Panel,",
    "I am writing to apply for the post of Deputy Director, Implementation Support. For "
    "fourteen years I have worked in customs administration, the last six as head of the "
    "post-clearance audit division of a national customs service.",
    "I have designed training on valuation and rules of origin for more than thirty "
    "administrations and I am used to working with international partners.",
    "Kind regards,",
    "Ada Okafor",
]


def test_an_html_only_letter_is_a_letter_in_the_body_not_a_missing_letter(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    raw = mail(
        SUBJECT.format(name="Ada Okafor"),
        html=html_letter(LETTER, outlook=True),
        files=(cv_file("Ada Okafor"),),
    )
    [application] = poll_applications(config, sessions, [(raw, RECEIVED)])
    assert "letter_in_body" in application["flags"]
    assert "letter_missing" not in application["flags"]


def test_an_empty_cv_and_a_pdf_without_pages_are_said_precisely_never_unsupported(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    no_pages = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    files = (("CV.pdf", "application/pdf", b""), ("Letter.pdf", "application/pdf", no_pages))
    raw = mail(SUBJECT.format(name="Ben Silva"), "Please find my papers attached.", files=files)
    [application] = poll_applications(config, sessions, [(raw, RECEIVED)])
    statuses = {doc["filename"]: doc["status"] for doc in application["documents"]}
    assert statuses == {"CV.pdf": "no_text", "Letter.pdf": "failed"}
    said = flag_evidence(sessions, application["id"], "unreadable_document")
    assert "the file is empty (0 bytes)" in said and "the PDF has no pages" in said


def test_a_legacy_word_cv_is_read_and_counts_as_the_cv(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    require_antiword()
    lines = [
        "Curriculum Vitae",
        "Ada Okafor",
        "Professional experience",
        "2015 - present  Senior customs officer, risk management",
        "Education",
        "2008  Master of Laws",
    ]
    doc = ("CV Okafor.doc", "application/msword", word97_doc_bytes(lines))
    raw = mail(SUBJECT.format(name="Ada Okafor"), "Please find my application attached.",
               files=(doc, letter_file("Ada Okafor")))  # fmt: skip
    [application] = poll_applications(config, sessions, [(raw, RECEIVED)])
    [cv, _letter] = application["documents"]
    assert (cv["status"], cv["kind"]) == ("ok", "cv")
    assert not {"cv_missing", "unreadable_document"} & set(application["flags"])


def test_receipts_invitations_and_questions_are_stored_but_are_no_applications(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    re_ack = "Re: Your application – WCO/2025/DD-IS"
    raws = [
        mail(re_ack, "De retour lundi."),
        mail(
            "[Ticket #48213] " + re_ack,
            "Your request has been received and ticket #48213 has been created.",
        ),
        mail("Lu : Votre candidature", "Votre message\n\n  À : Jean\n\na été lu le 21/10/2025."),
        mail("Invitation: Interview", "", calendar=calendar_event("Interview")),
        mail("Question about the application – WCO/2025/DD-IS", "Can I send my diploma later?"),
    ]
    applications = poll_applications(config, sessions, [(raw, RECEIVED) for raw in raws])
    assert applications == []
    with sessions() as session:
        dispositions = sorted(session.scalars(select(Message.disposition)))
    assert dispositions == ["auto_reply"] * 4 + ["enquiry"]
