"""Receipts and short notices without robot headers are no application; applications that
resemble them stay applications."""

from __future__ import annotations

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
