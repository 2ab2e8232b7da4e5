"""Real messages for the judgement benchmark and its tests, built with the email package."""

from __future__ import annotations

import email.utils
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage

from tests.candidate_messages import letter_file
from tests.documents import docx_bytes, pdf_bytes

DATE = datetime(2025, 10, 20, 9, 30, tzinfo=UTC)
ACK_ID = "<ack.77.5eed0123abcd@wco.example.org>"
Files = tuple[tuple[str, str, bytes], ...]
_NUMBERS = itertools.count(1)


@dataclass(frozen=True)
class Want:
    """What a careful recruiter makes of one message."""

    application: bool = True
    flags: tuple[str, ...] = ()
    not_flags: tuple[str, ...] = ()
    relatives: str | None = None
    vacancy: str | None = None
    statuses: tuple[tuple[str, str], ...] = ()
    namesakes: str | None = None


@dataclass(frozen=True)
class Case:
    """One labelled message of a class."""

    label: str
    cls: str
    raw: bytes
    want: Want = field(default_factory=Want)


def mail(
    subject: str,
    body: str = "",
    *,
    sender: str | None = None,
    files: Files = (),
    html: str | None = None,
    threaded: bool = False,
    headers: tuple[tuple[str, str], ...] = (),
    calendar: str | None = None,
) -> bytes:
    """One message from a distinct ordinary-looking sender unless ``sender`` is given."""
    number = next(_NUMBERS)
    message = EmailMessage()
    message["From"] = sender or f"Person {number} <person{number}@example.net>"
    message["To"] = "recruitment@wco.example.org"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(DATE)
    message["Message-ID"] = f"<judgement-{number}@example.net>"
    if threaded:
        message["In-Reply-To"] = ACK_ID
    for name, value in headers:
        message[name] = value
    if html is not None and not body:
        message.set_content(html, subtype="html")
    else:
        message.set_content(body)
        if html is not None:
            message.add_alternative(html, subtype="html")
    if calendar is not None:
        if message.get_content_type() == "text/plain" and not message.is_multipart():
            message.make_alternative()
        message.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    for filename, content_type, payload in files:
        maintype, subtype = content_type.split("/", 1)
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def cv(
    name: str, extra: str = "", phone: str = "+32 470 00 00 00", city: str = "Brussels"
) -> bytes:
    """A two-page PDF CV of ``name``, ``extra`` as its last section."""
    first = (
        f"CURRICULUM VITAE\n{name}\n{city} | Phone: {phone}\n\nPROFESSIONAL EXPERIENCE\n"
        "2018 - present  Head of Risk Management, National Customs Administration\n"
        "2010 - 2018  Customs officer, post-clearance audit and valuation\n\nEDUCATION\n"
        "2009  Master of Laws, University of Leuven\n\nLANGUAGES\nEnglish (fluent), French "
        "(fluent), Spanish (basic)\n\nSKILLS\nRisk management, capacity building, training"
    )
    return pdf_bytes([first, extra or "REFERENCES\nAvailable on request."])


def cv_file(name: str, extra: str = "", phone: str = "+32 470 00 00 00") -> tuple[str, str, bytes]:
    """The CV as an attachment."""
    return ("CV.pdf", "application/pdf", cv(name, extra, phone))


def letter_with(name: str, paragraph: str) -> tuple[str, str, bytes]:
    """A DOCX motivation letter with ``paragraph`` before its closing."""
    paragraphs = [
        "Dear Members of the Selection Panel,",
        "I am writing to apply for the post of Deputy Director, Implementation Support. For "
        "fifteen years I have worked in customs administration, leading reform programmes and "
        "training on the Revised Kyoto Convention.",
        paragraph,
        "I would welcome the opportunity to contribute to the work of the Organization.",
        "Yours sincerely,",
        name,
    ]
    return ("Motivation letter.docx", "application/octet-stream", docx_bytes(paragraphs))


def both(name: str) -> Files:
    """A CV and a motivation letter of ``name``."""
    return (cv_file(name), letter_file(name))


def html_letter(paragraphs: list[str], outlook: bool = False) -> str:
    """An HTML-only mail body, in Outlook's markup when ``outlook``."""
    if outlook:
        head = "<head><style>p.MsoNormal{margin:0cm;font-size:11pt}</style></head>"
        inner = "".join(f'<p class="MsoNormal">{p}<o:p></o:p></p><p>&nbsp;</p>' for p in paragraphs)
        office = 'xmlns:o="urn:schemas-microsoft-com:office:office"'
        return f"<html {office}>{head}<body>{inner}</body></html>"
    inner = "".join(f"<div>{p}</div><div><br></div>" for p in paragraphs)
    return f"<!DOCTYPE html><html><body>{inner}</body></html>"


def calendar_event(summary: str, method: str = "REQUEST") -> str:
    """An iCalendar invitation (or reply) as calendar programs send it."""
    return (
        "BEGIN:VCALENDAR\r\nPRODID:-//Example//Calendar//EN\r\nVERSION:2.0\r\n"
        f"METHOD:{method}\r\nBEGIN:VEVENT\r\nUID:{next(_NUMBERS)}@example.net\r\n"
        "DTSTART:20251104T090000Z\r\nDTEND:20251104T100000Z\r\n"
        f"SUMMARY:{summary}\r\nORGANIZER:mailto:someone@example.net\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
