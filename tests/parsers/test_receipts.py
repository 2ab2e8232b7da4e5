"""Receipts and short notices without robot headers are no application; applications that
resemble them stay applications."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from parsers.disposition import classify_with_reason
from parsers.message import parse_message
from parsers.model import Disposition
from tests.judged_messages import calendar_event, cv_file, mail

RE = "Re: Your application – WCO/2025/DD-IS"


def read(raw: bytes) -> tuple[Disposition, str]:
    return classify_with_reason(parse_message(raw))


@pytest.mark.parametrize(
    "body",
    ["Back on Monday.", "De retour le 3/11.", "Vuelvo el martes.", "Rientro giovedì.",
     "Volto na sexta-feira.", "Ab Mittwoch wieder im Büro.", "Terug op maandag."],
)  # fmt: skip
def test_a_short_reply_that_says_when_the_writer_is_back_is_an_automatic_reply(
    body: str,
) -> None:
    assert read(mail(RE, body)) == (Disposition.AUTO_REPLY, "back_on_day")


def test_a_back_on_monday_note_with_a_cv_attached_stays_an_application() -> None:
    raw = mail(RE, "Back on Monday, here is my CV meanwhile.", files=(cv_file("Ada Silva"),))
    assert read(raw)[0] == Disposition.APPLICATION


def test_a_back_on_monday_note_that_is_no_reply_stays_a_person() -> None:
    assert read(mail("WCO/2025/DD-IS – Ada Silva", "Back on Monday."))[0] in {
        Disposition.APPLICATION,
        Disposition.ENQUIRY,
    }


@pytest.mark.parametrize(
    ("subject", "body"),
    [("[Ticket #48213] " + RE, "Your request has been received and a ticket has been created."),
     ("[Demande 2025-1138] " + RE, "Votre demande n° 2025-1138 a bien été enregistrée."),
     ("[Caso 55321] " + RE, "Hemos recibido su solicitud. Número de caso: 55321."),
     ("[Ticket 7712] " + RE, "La sua richiesta è stata registrata con il numero di ticket 7712."),
     ("[Pedido 4410] " + RE, "O seu pedido foi registado com o número 4410."),
     (RE, "Ihre Anfrage wurde unter der Ticketnummer 88123 erfasst.")],
)  # fmt: skip
def test_a_help_desk_receipt_in_any_mailbox_language_is_an_automatic_reply(
    subject: str, body: str
) -> None:
    assert read(mail(subject, body)) == (Disposition.AUTO_REPLY, "help_desk_receipt")


@pytest.mark.parametrize(
    ("subject", "body"),
    [("Read: Your application", "Your message\n\n  To: Ana\n\nwas read on 21/10/2025 09:12."),
     ("Lu : Votre candidature", "Votre message\n\n  À : Jean\n\na été lu le 21/10/2025."),
     ("Gelesen: Ihre Bewerbung", "Ihre Nachricht\n\nwurde am 21.10.2025 09:12 gelesen."),
     ("Letto: La candidatura", "Il messaggio\n\nè stato letto il 21/10/2025 09:12.")],
)  # fmt: skip
def test_a_read_receipt_written_as_text_is_an_automatic_reply(subject: str, body: str) -> None:
    assert read(mail(subject, body)) == (Disposition.AUTO_REPLY, "read_receipt_text")


@pytest.mark.parametrize("method", ["REQUEST", "REPLY", "CANCEL"])
def test_a_calendar_invitation_or_answer_is_an_automatic_reply(method: str) -> None:
    raw = mail(
        "Invitation: Interview – WCO/2025/DD-IS", "", calendar=calendar_event("Interview", method)
    )
    assert read(raw) == (Disposition.AUTO_REPLY, "calendar_message")


def test_an_application_that_carries_an_invitation_file_stays_an_application() -> None:
    raw = mail(
        "Application – WCO/2025/DD-IS – Ada Silva",
        "Please find attached my CV.",
        files=(cv_file("Ada Silva"),),
        calendar=calendar_event("Available for interview"),
    )
    assert read(raw)[0] == Disposition.APPLICATION


@pytest.mark.parametrize(
    "body",
    ["Your email has been received. We aim to respond within 5 working days.",
     "Nous avons bien reçu votre message. Une réponse vous sera apportée sous 5 jours ouvrés.",
     "Ihre Nachricht ist bei uns eingegangen. Wir antworten so bald wie möglich."],
)  # fmt: skip
def test_a_receipt_that_promises_an_answer_is_an_automatic_reply(body: str) -> None:
    assert read(mail(RE, body)) == (Disposition.AUTO_REPLY, "help_desk_receipt")


@pytest.mark.parametrize("subject", ["Vacation", "Congés", "Urlaub", "Out of office"])
def test_a_short_return_notice_under_an_away_subject_is_an_automatic_reply(subject: str) -> None:
    assert read(mail(subject, "Back on Nov 3."))[0] == Disposition.AUTO_REPLY


@pytest.mark.parametrize(
    "body",
    ["I am on maternity leave. For urgent matters please contact hr@example.net.",
     "Je suis en congé maternité. Pour toute question, merci de contacter le secrétariat.",
     "Ich bin ab sofort in Elternzeit. Ihre E-Mail wird nicht gelesen.",
     "Sono in congedo di maternità. Per urgenze contattare la segreteria."],
)  # fmt: skip
def test_a_leave_notice_that_sends_elsewhere_is_an_automatic_reply(body: str) -> None:
    assert read(mail(RE, body))[0] == Disposition.AUTO_REPLY


def test_a_candidate_on_leave_who_sends_the_application_stays_an_application() -> None:
    body = "I am on parental leave; please contact me by phone. My CV is attached."
    assert read(mail(RE, body, files=(cv_file("Ada Silva"),)))[0] == Disposition.APPLICATION


def test_a_not_read_receipt_and_a_nested_notification_part_are_automatic_replies() -> None:
    not_read = mail("Not read: Your application", "Your message\n\nwas deleted without being read.")
    assert read(not_read) == (Disposition.AUTO_REPLY, "read_receipt_text")
    nested = EmailMessage()
    nested["From"] = "Ana Costa <ana@example.net>"
    nested["Subject"] = "Read: Your application"
    nested.set_content("Receipt.")
    report = "Final-Recipient: rfc822; ana@example.net\r\nDisposition: displayed\r\n"
    nested.add_attachment(report, subtype="plain", disposition="inline")
    [part] = list(nested.iter_attachments())
    part.replace_header("Content-Type", "message/disposition-notification")
    assert read(nested.as_bytes()) == (Disposition.AUTO_REPLY, "read_receipt_text")
