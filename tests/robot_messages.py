"""One hundred robots that carry no Auto-Submitted, X-Autoreply or Precedence header.

Fifty-five vacation notices (nineteen texts in eight languages, written as Outlook/Exchange,
Gmail's vacation responder, Zimbra, Thunderbird's vacation filter and iCloud on iOS write
them), twenty auto-responders sending our acknowledgement back, and twenty-five delivery
failure reports in every MIME shape, all from ordinary-looking senders.
"""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage, Message
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from tests import robot_texts as texts

START = datetime(2025, 10, 20, 9, 40, tzinfo=UTC)
CLIENTS = tuple(texts.CLIENT_SUBJECTS)
PEOPLE = (
    ("Maria Fernández", "maria.fernandez@example.com", "Application – Deputy Director, "
     "Implementation Support – Maria FERNÁNDEZ"),
    ("Jean Dupont", "j.dupont@example.fr", "Candidature – WCO/2025/DD-IS – Jean DUPONT"),
    ("Anna Schmidt", "anna.schmidt@example.de", "Bewerbung WCO/2025/HU-NA – Anna Schmidt"),
    ("Lucía Gómez", "lucia.gomez@example.es", "Candidatura WCO/2025/DD-IS Lucía GÓMEZ"),
    ("Chen Wei", "chen.wei@example.net", "Head of Unit, Needs Assessment – CHEN Wei"),
)  # fmt: skip
ROBOT_KINDS = ("vacation",) * 55 + ("echo",) * 20 + ("failure",) * 25


def robots() -> list[tuple[str, bytes]]:
    """The hundred robots as (a label saying what each is, its raw bytes)."""
    made: list[tuple[str, bytes]] = []
    for index, kind in enumerate(ROBOT_KINDS):
        label, message = BUILDERS[kind](index)
        message["Date"] = email.utils.format_datetime(START + timedelta(minutes=index))
        message["Message-ID"] = f"<robot-{index}@{_domain(message)}>"
        made.append((f"{index:02d} {kind} {label}", message.as_bytes()))
    return made


def _vacation(index: int) -> tuple[str, Message]:
    language, prefix, back, body = texts.VACATIONS[index % len(texts.VACATIONS)]
    client = CLIENTS[index % len(CLIENTS)]
    name, address, subject = PEOPLE[index % len(PEOPLE)]
    text = body.format(back=back, name=name)
    if client == "icloud":
        text += "\n\nSent from my iPhone"
    message = _html_alternative(text) if client in ("outlook", "gmail") else _plain(text)
    message["From"] = f"{name} <{address}>"
    message["To"] = "WCO Recruitment <recruitment@example.org>"
    message["Subject"] = texts.CLIENT_SUBJECTS[client].format(prefix=prefix, orig=f"Re: {subject}")
    return f"{client} {language}", message


def _echo(index: int) -> tuple[str, Message]:
    line = texts.ECHO_LINES[index % len(texts.ECHO_LINES)]
    name, address, subject = PEOPLE[index % len(PEOPLE)]
    language = "fr" if index % 4 == 3 else "en"
    ack = texts.ACK_TEXT[language].format(name=name)
    outlook = index % 3 == 0
    if outlook:
        quoted = f"________________________________\nFrom: WCO Recruitment\nSent: Monday\n\n{ack}"
    else:
        quoted = "On Mon, 20 Oct 2025 at 11:31, WCO Recruitment wrote:\n" + "\n".join(
            f"> {row}" for row in ack.splitlines()
        )
    message = _plain(f"{line}\n\n{quoted}" if line else quoted)
    message["From"] = f"{name} <{address}>"
    message["To"] = "recruitment@example.org"
    message["Subject"] = f"Re: Re: {subject}"
    if index % 5 != 4:  # one in five threads nothing: only the quoted text shows the echo
        ack_id = f"<ack.{index + 11}.5f3a9c01d2e4@example.org>"
        message["In-Reply-To"] = ack_id
        message["References"] = f"<orig-{index}@example.com> {ack_id}"
    return f"{'outlook' if outlook else 'quoting'} {language}", message


def _failure(index: int) -> tuple[str, Message]:
    title, first, rest = texts.FAILURES[index % len(texts.FAILURES)]
    _, address, subject = PEOPLE[index % len(PEOPLE)]
    text = f"{first}\n\n{rest.format(rcpt=address)}"
    shape = FAILURE_SHAPES[index % len(FAILURE_SHAPES)]
    message = shape(text, address)
    message["From"] = f"Mail Delivery System <mail-system@mx{index}.example.net>"
    message["To"] = "recruitment@example.org"
    message["Subject"] = title.format(orig=f"Re: {subject}")
    return f"{shape.__name__} {title[:24]}", message


def _plain(text: str) -> EmailMessage:
    message = EmailMessage()
    message.set_content(text)
    return message


def _html_alternative(text: str) -> EmailMessage:
    message = _plain(text)
    paragraphs = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
    message.add_alternative(f"<html><body>{paragraphs}</body></html>", subtype="html")
    return message


def plain_report(text: str, address: str) -> Message:
    """The report in plain words only: qmail, Exim, older Exchange."""
    return _plain(text)


def report(text: str, address: str) -> Message:
    """multipart/report; report-type=delivery-status (RFC 3464), as Postfix sends it."""
    message = MIMEMultipart("report", report_type="delivery-status")
    for part in (MIMEText(text), _status(address), MIMEMessage(_our_ack(address))):
        message.attach(part)
    return message


def mixed_with_status(text: str, address: str) -> Message:
    """multipart/mixed holding a message/delivery-status part, as some gateways rewrite it."""
    message = MIMEMultipart("mixed")
    for part in (MIMEText(text), _status(address)):
        message.attach(part)
    return message


def forwarded_report(text: str, address: str) -> Message:
    """A whole DSN wrapped as message/rfc822 by a relay that reports on its own behalf."""
    message = MIMEMultipart("mixed")
    message.attach(MIMEText("A delivery report from the relay is attached."))
    inner = report(text, address)
    inner["Subject"] = "Undelivered Mail Returned to Sender"
    message.attach(MIMEMessage(inner))
    return message


def html_report(text: str, address: str) -> Message:
    """Exchange Online's HTML report with its text alternative."""
    return _html_alternative(text)


FAILURE_SHAPES = (plain_report, report, mixed_with_status, forwarded_report, html_report)


def _status(address: str) -> Message:
    status = Message()
    status.set_type("message/delivery-status")
    per_message, per_recipient = Message(), Message()
    per_message["Reporting-MTA"] = "dns; mx.example.net"
    per_recipient["Final-Recipient"] = f"rfc822; {address}"
    per_recipient["Action"] = "failed"
    per_recipient["Status"] = "5.1.1"
    status.set_payload([per_message, per_recipient])
    return status


def _our_ack(address: str) -> Message:
    ack = _plain(texts.ACK_TEXT["en"].format(name="candidate"))
    ack["From"], ack["To"] = "WCO Recruitment <recruitment@example.org>", address
    ack["Message-ID"] = "<ack.7.0a1b2c3d4e5f@example.org>"
    return ack


def _domain(message: Message) -> str:
    return str(message["From"]).rpartition("@")[2].rstrip(">")


BUILDERS = {"vacation": _vacation, "echo": _echo, "failure": _failure}
