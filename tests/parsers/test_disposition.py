"""classify on real messages: each rule matches its case and lets its near miss through."""

from __future__ import annotations

from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from parsers.disposition import DEFAULT_REASON, RULES, classify, classify_with_reason
from parsers.message import parse_message
from parsers.model import Disposition, ParsedMessage

ENQUIRY_BODY = "Dear HR,\n\nCould you tell me whether the deadline will be extended?\n\nThanks"
APPLICATION_LETTER = "\n\n".join(
    [
        "Dear Sir or Madam,",
        "With this letter I present myself for the post of Deputy Director, Implementation "
        "Support. For twelve years I have led customs modernisation programmes in three "
        "regions, managing teams of up to forty people and budgets of several million euros.",
        "In my current role I coordinate capacity building with national administrations, "
        "design training curricula, and report to donors on results. I speak English, French "
        "and Spanish, and I have worked closely with the secretariat on several occasions.",
        "I am convinced that my experience in implementation support, my knowledge of the "
        "revised Kyoto Convention and my commitment to international cooperation would allow "
        "me to contribute from the first day. I would welcome the opportunity to discuss how I "
        "could serve the organisation, and I remain available for an interview at your "
        "convenience, in person or by video.",
        "Yours faithfully,\nMaria Fernández",
    ]
)


def message(
    subject: str = "Maria Fernández – WCO/2025/DD-IS",
    body: str = "Dear Sir or Madam,\n\nPlease see the documents.\n\nMaria",
    sender: str = "Maria Fernández <maria@example.com>",
    headers: tuple[tuple[str, str], ...] = (),
    attachment: tuple[str, str] | None = ("CV Maria.pdf", "application/pdf"),
) -> ParsedMessage:
    """A message built with the email package and parsed, as the pipeline would see it."""
    built = EmailMessage()
    built["From"] = sender
    built["To"] = "recruitment@example.org"
    built["Subject"] = subject
    for name, value in headers:
        built[name] = value
    built.set_content(body)
    if attachment is not None:
        filename, content_type = attachment
        maintype, subtype = content_type.split("/")
        built.add_attachment(b"%PDF-1.4", maintype=maintype, subtype=subtype, filename=filename)
    return parse_message(built.as_bytes())


def report(report_type: str) -> ParsedMessage:
    """A top-level multipart/report of the given report type."""
    built = MIMEMultipart("report", report_type=report_type)
    built["From"] = "Mail System <system@mx.example.org>"
    built["Subject"] = "Your message"
    built.attach(MIMEText("The message could not be delivered."))
    return parse_message(built.as_bytes())


def reason(parsed: ParsedMessage) -> str:
    return classify_with_reason(parsed)[1]


def test_plain_application_with_cv_is_application_by_default() -> None:
    assert classify_with_reason(message()) == (Disposition.APPLICATION, DEFAULT_REASON)


def test_classify_returns_the_disposition_of_classify_with_reason() -> None:
    parsed = message(headers=(("Precedence", "bulk"),))
    assert classify(parsed) == classify_with_reason(parsed)[0] == Disposition.BULK


def test_every_rule_has_a_one_line_docstring() -> None:
    for rule, _ in RULES:
        assert rule.__doc__ and "\n" not in rule.__doc__.strip(), rule.__name__


# Bounces ------------------------------------------------------------------------------


def test_delivery_status_report_is_bounce() -> None:
    assert classify_with_reason(report("delivery-status")) == (
        Disposition.BOUNCE,
        "delivery_status_report",
    )


def test_disposition_notification_report_is_not_bounce_but_read_receipt() -> None:
    assert classify_with_reason(report("disposition-notification")) == (
        Disposition.AUTO_REPLY,
        "read_receipt",
    )


def test_delivery_status_wording_in_an_ordinary_message_is_not_bounce() -> None:
    parsed = message(body="report-type=delivery-status is what my last job was about.")
    assert classify(parsed) == Disposition.APPLICATION


@pytest.mark.parametrize(
    "sender",
    ["MAILER-DAEMON@mx.example.org", "Mail Delivery Subsystem <postmaster@example.org>",
     "MAILER-DAEMON (Mail Delivery System)"],
)  # fmt: skip
def test_mailer_daemon_or_postmaster_sender_is_bounce(sender: str) -> None:
    assert classify_with_reason(message(sender=sender)) == (
        Disposition.BOUNCE,
        "mailer_daemon_sender",
    )


def test_sender_merely_containing_postmaster_is_not_bounce() -> None:
    parsed = message(sender="Jane Postmaster <jane.postmaster@example.org>")
    assert classify(parsed) == Disposition.APPLICATION


def test_null_return_path_is_bounce() -> None:
    parsed = message(headers=(("Return-Path", "<>"),))
    assert classify_with_reason(parsed) == (Disposition.BOUNCE, "null_return_path")


def test_ordinary_return_path_is_not_bounce() -> None:
    parsed = message(headers=(("Return-Path", "<maria@example.com>"),))
    assert classify(parsed) == Disposition.APPLICATION


def test_bounce_rules_come_before_auto_reply_rules() -> None:
    parsed = message(sender="MAILER-DAEMON@example.org", headers=(("Auto-Submitted", "auto"),))
    assert classify(parsed) == Disposition.BOUNCE


# Automatic replies --------------------------------------------------------------------


@pytest.mark.parametrize("value", ["auto-replied", "auto-generated", "auto-notified; owner=x"])
def test_auto_submitted_other_than_no_is_auto_reply(value: str) -> None:
    parsed = message(headers=(("Auto-Submitted", value),))
    assert classify_with_reason(parsed) == (Disposition.AUTO_REPLY, "auto_submitted")


@pytest.mark.parametrize("value", ["no", "No", "no (sent by a person)"])
def test_auto_submitted_no_is_not_auto_reply(value: str) -> None:
    assert classify(message(headers=(("Auto-Submitted", value),))) == Disposition.APPLICATION


@pytest.mark.parametrize("header", ["X-Autoreply", "X-Autorespond"])
def test_autoreply_headers_are_auto_reply(header: str) -> None:
    parsed = message(headers=((header, "yes"),))
    assert classify_with_reason(parsed) == (Disposition.AUTO_REPLY, "autoreply_header")


def test_mailer_named_autoreply_is_not_auto_reply() -> None:
    parsed = message(headers=(("X-Mailer", "Autoreply-free Mail 2.0"),))
    assert classify(parsed) == Disposition.APPLICATION


def test_precedence_auto_reply_is_auto_reply() -> None:
    parsed = message(headers=(("Precedence", "auto_reply"),))
    assert classify_with_reason(parsed) == (Disposition.AUTO_REPLY, "precedence_auto_reply")


def test_precedence_first_class_is_not_auto_reply() -> None:
    assert classify(message(headers=(("Precedence", "first-class"),))) == Disposition.APPLICATION


def test_x_auto_response_suppress_is_auto_reply() -> None:
    parsed = message(headers=(("X-Auto-Response-Suppress", "All"),))
    assert classify_with_reason(parsed) == (Disposition.AUTO_REPLY, "auto_response_suppress")


def test_similar_exchange_header_is_not_auto_reply() -> None:
    parsed = message(headers=(("X-MS-Exchange-Organization-AutoResponse", "none"),))
    assert classify(parsed) == Disposition.APPLICATION


@pytest.mark.parametrize(
    "subject",
    ["Out of Office: Application", "Automatic reply: Maria Fernández – WCO/2025/DD-IS",
     "Réponse automatique : Candidature", "Absence du bureau", "Abwesenheitsnotiz: Bewerbung",
     "Respuesta automática: Candidatura", "Afwezig: sollicitatie", "[Auto-Reply] Your message",
     "OUT OF THE OFFICE until Monday", "Automatische Antwort: Ihre Nachricht"],
)  # fmt: skip
def test_out_of_office_subject_is_auto_reply(subject: str) -> None:
    parsed = message(subject=subject, attachment=None)
    assert classify_with_reason(parsed) == (Disposition.AUTO_REPLY, "out_of_office_subject")


@pytest.mark.parametrize(
    "subject",
    ["Application: Office Manager – out of office hours available",
     "Automation engineer – Maria Fernández", "Autoreplyer developer application",
     "Candidature – Réponse à l'annonce automatique", "Afwezigheidsbeleid expert – sollicitatie"],
)  # fmt: skip
def test_subject_mentioning_office_or_automatic_in_passing_is_not_auto_reply(
    subject: str,
) -> None:
    assert classify(message(subject=subject)) == Disposition.APPLICATION


def test_auto_reply_rules_come_before_bulk_rules() -> None:
    parsed = message(headers=(("Auto-Submitted", "auto-replied"), ("List-Id", "<x.example>")))
    assert classify(parsed) == Disposition.AUTO_REPLY


# Bulk mail ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "value"),
    [("List-Id", "<jobs.lists.example.org>"), ("List-Unsubscribe", "<mailto:u@example.org>")],
)
def test_list_headers_are_bulk(header: str, value: str) -> None:
    parsed = message(headers=((header, value),))
    assert classify_with_reason(parsed) == (Disposition.BULK, "mailing_list")


def test_unsubscribe_word_in_body_is_not_bulk() -> None:
    parsed = message(body="Please unsubscribe me from nothing; here is my CV.")
    assert classify(parsed) == Disposition.APPLICATION


@pytest.mark.parametrize("value", ["bulk", "list", "junk", "BULK"])
def test_precedence_bulk_list_or_junk_is_bulk(value: str) -> None:
    parsed = message(headers=(("Precedence", value),))
    assert classify_with_reason(parsed) == (Disposition.BULK, "precedence_bulk")


def test_precedence_normal_is_not_bulk() -> None:
    assert classify(message(headers=(("Precedence", "normal"),))) == Disposition.APPLICATION


# Enquiries ----------------------------------------------------------------------------


def test_short_question_without_attachment_is_enquiry() -> None:
    parsed = message(subject="Question about WCO/2025/DD-IS", body=ENQUIRY_BODY, attachment=None)
    assert classify_with_reason(parsed) == (Disposition.ENQUIRY, "question_without_application")


@pytest.mark.parametrize(
    "body",
    ["Bonjour, pourriez-vous me dire si le poste est ouvert aux non-résidents. Merci",
     "Madame, Monsieur, est-il possible d'envoyer les documents en français. Cordialement",
     "Je souhaiterais savoir quelle est la date limite.",
     "Hello, I would like to know the salary grade of this post.",
     "Is it possible to send the documents by post"],
)  # fmt: skip
def test_question_phrases_without_question_mark_are_enquiry(body: str) -> None:
    parsed = message(subject="Vacancy WCO/2025/DD-IS", body=body, attachment=None)
    assert classify(parsed) == Disposition.ENQUIRY


def test_short_letter_without_attachment_that_asks_a_question_is_an_application() -> None:
    letter = (
        "Dear Hiring Manager,\n\nI would like to be considered for the post of Procurement "
        "Officer. I have six years of experience in public procurement at the Ministry of "
        "Finance, where I managed tenders for IT services. Could we meet to discuss how I could "
        "contribute to your team?\n\nKind regards,\nAnna Kowalska"
    )
    parsed = message(subject="Procurement Officer", body=letter, attachment=None)
    assert classify(parsed) == Disposition.APPLICATION


def test_question_with_only_a_signature_attachment_is_enquiry() -> None:
    parsed = message(body=ENQUIRY_BODY, attachment=("smime.p7s", "application/pkcs7-signature"))
    assert classify(parsed) == Disposition.ENQUIRY


def test_application_with_question_mark_and_cv_attachment_is_application() -> None:
    parsed = message(body="Please find my CV. Could you confirm receipt?")
    assert classify(parsed) == Disposition.APPLICATION


def test_application_letter_in_body_without_attachment_is_application() -> None:
    parsed = message(body=APPLICATION_LETTER, attachment=None)
    assert classify(parsed) == Disposition.APPLICATION


def test_long_letter_with_a_question_and_no_attachment_is_application() -> None:
    body = APPLICATION_LETTER.replace("at your convenience", "at your convenience?")
    assert classify(message(body=body, attachment=None)) == Disposition.APPLICATION


@pytest.mark.parametrize(
    "body",
    ["I am applying for the post. Is a scanned signature enough?",
     "I wish to apply. Could you tell me the deadline?",
     "Please find attached my CV. Could you confirm receipt?",
     "Je postule à ce poste. Pourriez-vous confirmer la réception ?",
     "Veuillez trouver ma lettre de motivation. Est-il possible de confirmer ?",
     "Here is my curriculum vitae, is that enough?"],
)  # fmt: skip
def test_question_that_reads_as_an_application_without_attachment_is_application(
    body: str,
) -> None:
    assert classify(message(body=body, attachment=None)) == Disposition.APPLICATION


def test_question_under_an_application_subject_without_papers_is_enquiry() -> None:
    parsed = message(subject="Application – Maria Fernández", body=ENQUIRY_BODY, attachment=None)
    assert classify(parsed) == Disposition.ENQUIRY


@pytest.mark.parametrize(
    ("subject", "body"),
    [("Candidature WCO/2025/DD-IS – question",
      "Bonjour, la lettre de motivation doit-elle être signée à la main ? Merci."),
     ("Dúvida sobre a candidatura", "Gostaria de saber se a carta pode ter duas páginas."),
     ("Bewerbung – Rückfrage", "Guten Tag, könnten Sie mir sagen, ob ein Foto nötig ist."),
     ("Application WCO/2025/HU-NA – query",
      "I would like to know whether nationals of non-member countries may apply.")],
)  # fmt: skip
def test_question_about_the_application_and_its_papers_in_any_language_is_enquiry(
    subject: str, body: str
) -> None:
    assert classify(message(subject=subject, body=body, attachment=None)) == Disposition.ENQUIRY


def test_message_without_question_or_attachment_is_application() -> None:
    parsed = message(body="Maria Fernández, WCO/2025/DD-IS", attachment=None)
    assert classify(parsed) == Disposition.APPLICATION


def test_question_only_in_quoted_text_is_not_enquiry() -> None:
    body = "Thank you, noted.\n\n> Could you send us your passport copy?\n> HR"
    assert classify(message(body=body, attachment=None)) == Disposition.APPLICATION


def test_a_question_with_a_link_to_the_cv_stays_an_application() -> None:
    body = "Here is the link to my CV: https://drive.google.com/file/d/1AbC/view - is that OK?"
    parsed = message(subject="Application – Maria Fernández", body=body, attachment=None)
    assert classify(parsed) == Disposition.APPLICATION
