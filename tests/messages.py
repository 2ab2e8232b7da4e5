"""Builds real MIME messages with the standard email package for tests."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime
from email.message import EmailMessage

from tests import candidate_files

DEFAULT_DATE = datetime(2025, 10, 20, 9, 30, tzinfo=UTC)


def application(
    sender: str = "Maria Fernández <maria.fernandez@example.com>",
    subject: str = "Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ",
    body: str = "Dear Sir or Madam,\n\nPlease find attached my CV and motivation letter.\n\nMaria",
    attachments: tuple[tuple[str, str, bytes], ...] | None = None,
    message_id: str | None = None,
    date: datetime = DEFAULT_DATE,
    extra_headers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """An application with attachments (filename, content type, bytes); by default a real
    CV (PDF) and motivation letter (DOCX, sent as application/octet-stream)."""
    if attachments is None:
        attachments = (
            ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf()),
            ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx()),
        )
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "recruitment@example.org"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(date)
    message["Message-ID"] = message_id or email.utils.make_msgid(domain="example.com")
    for name, value in extra_headers:
        message[name] = value
    message.set_content(body)
    for filename, content_type, payload in attachments:
        maintype, subtype = content_type.split("/", 1)
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def auto_reply(sender: str = "busy.person@example.net") -> bytes:
    """An RFC 3834 out-of-office reply."""
    return application(
        sender=sender,
        subject="Automatic reply: Vacancy notice",
        body="I am out of the office until Monday.",
        attachments=(),
        extra_headers=(("Auto-Submitted", "auto-replied"),),
    )


def bulk(sender: str = "news@example.net") -> bytes:
    """A newsletter from a mailing list."""
    return application(
        sender=sender,
        subject="Customs news this week",
        body="Read our latest articles.",
        attachments=(),
        extra_headers=(
            ("List-Id", "Customs News <news.example.net>"),
            ("List-Unsubscribe", "<mailto:leave@example.net>"),
        ),
    )


def enquiry(sender: str = "curious.candidate@example.com") -> bytes:
    """A question to HR, no attachment, no application."""
    return application(
        sender=sender,
        subject="Question about the Head of Unit vacancy",
        body="Hello,\n\nCould you tell me whether the post is open to non-nationals?\n\nThanks",
        attachments=(),
    )


def bounce() -> bytes:
    """A delivery status notification from MAILER-DAEMON."""
    return (
        b"From: Mail Delivery System <MAILER-DAEMON@example.org>\r\n"
        b"To: recruitment@example.org\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\n"
        b"Date: Mon, 20 Oct 2025 10:00:00 +0000\r\n"
        b"Message-ID: <bounce-1@example.org>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n'
        b"\r\n--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        b"--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; x@example.com\r\n"
        b"Action: failed\r\nStatus: 5.1.1\r\n\r\n--b1--\r\n"
    )


MALFORMED: dict[str, bytes] = {
    "no_boundary": (
        b"From: a@example.com\r\nSubject: no boundary\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed\r\n\r\n"
        b"--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n"
    ),
    "broken_base64": (
        b"From: a@example.com\r\nSubject: broken base64\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\n"
        b"hi\r\n--b\r\nContent-Type: application/pdf; name=cv.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=cv.pdf"
        b"\r\n\r\nJVBERi0x!!!not*base64==@@\r\n--b--\r\n"
    ),
    "eight_bit_garbage_headers": (
        b"From: \xff\xfe\x80 <\xc3\x28@example.com>\r\nSubject: \x81\x82\x83 candidature \xe9\r\n"
        b"Date: \x99\x98 not a date\r\n\r\nbody \xff\r\n"
    ),
    "nested_200_levels": b"From: a@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    + b"".join(
        f'Content-Type: multipart/mixed; boundary="l{i}"\r\n\r\n--l{i}\r\n'.encode()
        for i in range(200)
    )
    + b"Content-Type: text/plain\r\n\r\ndeep\r\n",
    "one_megabyte_header": b"From: a@example.com\r\nSubject: big\r\nX-Big: "
    + b"a" * (1024 * 1024)
    + b"\r\n\r\nbody\r\n",
    "empty": b"",
    "nul_bytes": b"From: a\x00@example.com\r\nSubject: nul\x00 byte\r\n\r\nbody\x00 text\r\n",
}
