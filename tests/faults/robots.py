"""Header-less auto-replies (no Auto-Submitted, X-Autoreply or Precedence) in many languages and
the MIME shapes mail clients and servers give them, built with the email package."""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage, Message

from tests.faults.hostile import SUBJECT

# (subject prefix, first line of the body) as out-of-office replies write them.
AWAY = [
    ("Automatic reply:", "I am out of the office until 3 November with limited access to email."),
    ("Out of Office:", "Thank you for your message. I am currently out of the office."),
    ("Réponse automatique :", "Je suis absent du bureau jusqu'au 3 novembre."),
    ("Absence du bureau :", "Merci pour votre message, je suis actuellement en congé."),
    (
        "Abwesenheitsnotiz:",
        "Vielen Dank für Ihre Nachricht. Ich bin bis 3. November nicht im Büro.",
    ),
    ("Respuesta automática:", "Gracias por su mensaje. Estoy fuera de la oficina hasta el lunes."),
    ("Risposta automatica:", "Sono fuori ufficio fino al 3 novembre."),
    ("Resposta automática:", "Estou ausente do escritório até 3 de novembro."),
    ("Automatisch antwoord:", "Ik ben afwezig tot 3 november."),
    ("Autosvar:", "Jag är tjänstledig till och med 3 november."),
    ("Automaattinen vastaus:", "Olen poissa toimistolta 3.11. asti."),
    ("Automatyczna odpowiedź:", "Jestem poza biurem do 3 listopada."),
    ("Automatická odpověď:", "Jsem mimo kancelář do 3. listopadu."),
    ("Otomatik yanıt:", "3 Kasım'a kadar ofis dışındayım."),
    ("Автоматический ответ:", "Я нахожусь в отпуске до 3 ноября."),
    ("自動応答:", "11月3日まで不在にしております。"),
    ("自动回复:", "我将于11月3日前不在办公室。"),
    ("رد تلقائي:", "أنا خارج المكتب حتى 3 نوفمبر."),
    ("Re:", "This is an automatic reply: I am on annual leave and will answer on my return."),
    ("AW:", "Dies ist eine automatische Antwort. Ich bin derzeit abwesend."),
]
# (subject, first line) of delivery status reports.
FAILED = [
    ("Undeliverable:", "Your message to hr@company.example couldn't be delivered."),
    ("Delivery Status Notification (Failure)", "Address not found: your message wasn't delivered."),
    (
        "Mail delivery failed: returning message to sender",
        "This message was created automatically.",
    ),
    ("Non remis :", "Votre message n'a pas pu être remis à ces destinataires."),
    ("Unzustellbar:", "Ihre Nachricht konnte nicht zugestellt werden."),
]

Shape = Callable[[EmailMessage, str, str], None]


def plain(message: EmailMessage, line: str, original: str) -> None:
    message.set_content(f"{line}\n\nRegards")


def html_only(message: EmailMessage, line: str, original: str) -> None:
    message.set_content(f"<html><body><p>{line}</p><p>Regards</p></body></html>", subtype="html")


def alternative(message: EmailMessage, line: str, original: str) -> None:
    message.set_content(f"{line}\n\nRegards")
    message.add_alternative(f"<html><body><div dir='auto'>{line}</div></body></html>", "html")


def quoting_original(message: EmailMessage, line: str, original: str) -> None:
    quoted = "\n".join(f"> {text}" for text in original.splitlines())
    message.set_content(f"{line}\n\n-----Original Message-----\n{quoted}")


def report(message: EmailMessage, line: str, original: str) -> None:
    """A multipart/report: text, delivery status and the returned message."""
    message.set_content(line)
    message.make_mixed()
    message.set_type("multipart/report")
    message.set_param("report-type", "delivery-status")
    message.attach(delivery_status())
    returned = EmailMessage()
    returned["Subject"], returned["From"] = SUBJECT, "recruitment@example.org"
    returned.set_content(original)
    message.add_attachment(returned)


def delivery_status() -> EmailMessage:
    """A message/delivery-status part: the per-message and the per-recipient field blocks."""
    blocks: list[Message | str] = []
    for fields in (
        {"Reporting-MTA": "dns; mx.company.example"},
        {"Final-Recipient": "rfc822; hr@company.example", "Action": "failed", "Status": "5.1.1"},
    ):
        block = Message()
        for name, value in fields.items():
            block[name] = value
        blocks.append(block)
    status = EmailMessage()
    status["Content-Type"] = "message/delivery-status"
    status.set_payload(blocks)
    return status


SHAPES: list[Shape] = [plain, html_only, alternative, quoting_original]
OUR_ACK = (
    "Dear Candidate,\n\nWe confirm receipt of your application for the post of Deputy "
    "Director, Implementation Support (WCO/2025/DD-IS).\n\nRecruitment"
)


def robot(index: int, address: str) -> bytes:
    """Auto-reply number ``index``: language, shape and kind cycle with it."""
    failed = index % 5 == 4
    prefix, line = FAILED[index % len(FAILED)] if failed else AWAY[index % len(AWAY)]
    subject = prefix if failed and ":" not in prefix else f"{prefix} Re: {SUBJECT} {index}"
    message = EmailMessage()
    message["From"] = f"Robot {index} <{address}>"
    message["To"] = "recruitment@example.org"
    message["Subject"] = subject
    message["Date"] = "Mon, 20 Oct 2025 09:31:00 +0000"
    message["Message-ID"] = f"<robot-{index}@company.example>"
    if index % 3 == 0:
        message["In-Reply-To"] = f"<ack.robot{index}@example.org>"
    shape = report if failed else SHAPES[index % len(SHAPES)]
    shape(message, line, OUR_ACK)
    return message.as_bytes()
