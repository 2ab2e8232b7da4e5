"""Acknowledgements through the real pipeline to a real SMTP server: content, threading, RFC 3834
headers, TLS and login, and header injection that never adds a header or a recipient."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests import candidate_files, messages
from tests.documents import docx_bytes
from tests.smtp import (
    OpenRuntimes,
    Received,
    SmtpServer,
    open_runtimes,
    outbox_rows,
    poll_through,
    smtp_config,
    smtp_server,
    smtp_ssl_server,
    smtp_tls_server,
)

__all__ = ["open_runtimes", "smtp_server", "smtp_ssl_server", "smtp_tls_server"]

ON_TIME = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
LATE = datetime(2025, 10, 28, 8, 0, tzinfo=UTC)
TITLE = "Deputy Director, Implementation Support"
FRENCH_LETTER = [
    "Madame, Monsieur,",
    "Je me permets de postuler au poste de Directeur adjoint, Appui à la mise en œuvre, publié "
    "sur votre site. Depuis dix ans, je travaille à la réforme des douanes et à la mise en "
    "œuvre de mesures de facilitation des échanges en Espagne et dans des pays partenaires.",
    "Dans mon poste actuel, je dirige une équipe de douze conseillers qui aident les "
    "administrations à planifier et à mener leurs programmes de modernisation.",
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    "Maria Fernández",
]
# What every acknowledgement carries, and nothing else may appear at the top level.
HEADERS = {
    "from", "to", "subject", "date", "message-id", "in-reply-to", "references",
    "auto-submitted", "x-auto-response-suppress", "mime-version", "content-type",
    "content-transfer-encoding",
}  # fmt: skip


def only_one(server: SmtpServer) -> Received:
    assert len(server.received) == 1, [r.rcpt_tos for r in server.received]
    return server.received[0]


def body(received: Received) -> str:
    part = received.message.get_body(preferencelist=("plain",))
    assert part is not None
    text: str = part.get_content()
    return " ".join(text.split())


def test_complete_application_is_acknowledged_once_in_the_thread_of_the_original(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    raw = messages.application(message_id="<original-1@mail.example.com>")
    poll_through(runtime, (raw, ON_TIME))
    received = only_one(smtp_server)
    assert received.mail_from == "<>"  # the null path (RFC 3834 section 3.3)
    assert received.rcpt_tos == ("maria.fernandez@example.com",)
    message = received.message
    assert message["In-Reply-To"] == "<original-1@mail.example.com>"
    assert message["References"] == "<original-1@mail.example.com>"
    assert message["Auto-Submitted"] == "auto-replied"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["Subject"].startswith("Re: Application – Deputy Director")
    (row,) = outbox_rows(runtime.sessions)
    assert (row.status, row.attempts, row.claimed_by) == ("sent", 1, None)
    assert message["Message-ID"] == row.outbound_message_id
    assert row.outbound_message_id is not None
    assert row.outbound_message_id.endswith("@example.org>")
    text = body(received)
    assert TITLE in text and "WCO/2025/DD-IS" in text
    assert "CV Maria Fernandez.pdf" in text and "Motivation letter.docx" in text
    assert "Please note" not in text


@pytest.mark.parametrize(
    ("raw", "received_at", "expected"),
    [
        (messages.application(), LATE, "arrived after the closing date"),
        (
            messages.application(
                attachments=(("CV.pdf", "application/pdf", candidate_files.cv_pdf()),),
                body="Hello, my CV is attached.",
            ),
            ON_TIME,
            "your motivation letter is missing",
        ),
        (
            messages.application(subject="My documents"),
            ON_TIME,
            "asks for a subject line giving your full name",
        ),
    ],
    ids=["late", "letter_missing", "subject_invalid"],
)
def test_english_acknowledgement_says_what_hr_will_miss(
    tmp_path: Path,
    sqlite_url: str,
    smtp_server: SmtpServer,
    open_runtimes: OpenRuntimes,
    raw: bytes,
    received_at: datetime,
    expected: str,
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, (raw, received_at))
    assert expected in body(only_one(smtp_server))


def french_application(**changes: Any) -> bytes:
    letter = ("Lettre de motivation.docx", "application/octet-stream", docx_bytes(FRENCH_LETTER))
    cv = ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf())
    fields: dict[str, Any] = {
        "subject": "Candidature – Directeur adjoint, Appui à la mise en œuvre – Maria FERNÁNDEZ",
        "body": "Madame, Monsieur,\n\nVeuillez trouver ci-joint ma candidature.\n\nMaria",
        "attachments": (cv, letter),
        **changes,
    }
    return messages.application(**fields)


@pytest.mark.parametrize(
    ("raw", "received_at", "expected"),
    [
        (french_application(), ON_TIME, "Nous vous remercions de votre candidature"),
        (french_application(), LATE, "après la date limite"),
        (
            french_application(
                attachments=(("CV.pdf", "application/pdf", candidate_files.cv_pdf()),)
            ),
            ON_TIME,
            "lettre de motivation",
        ),
        (
            french_application(subject="Mes documents"),
            ON_TIME,
            "demande un objet indiquant votre nom complet",
        ),
    ],
    ids=["complete", "late", "letter_missing", "subject_invalid"],
)
def test_french_application_gets_a_french_acknowledgement(
    tmp_path: Path,
    sqlite_url: str,
    smtp_server: SmtpServer,
    open_runtimes: OpenRuntimes,
    raw: bytes,
    received_at: datetime,
    expected: str,
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, (raw, received_at))
    received = only_one(smtp_server)
    text = body(received)
    assert text.startswith("Bonjour Maria")
    assert expected in text
    assert received.message["Auto-Submitted"] == "auto-replied"


@pytest.mark.parametrize("fixture", ["smtp_tls_server", "smtp_ssl_server"])
def test_sent_over_starttls_with_login_and_over_ssl_with_a_verified_certificate(
    tmp_path: Path,
    sqlite_url: str,
    fixture: str,
    request: pytest.FixtureRequest,
    open_runtimes: OpenRuntimes,
) -> None:
    server: SmtpServer = request.getfixturevalue(fixture)
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, server))
    poll_through(runtime, (messages.application(), ON_TIME))
    assert only_one(server).rcpt_tos == ("maria.fernandez@example.com",)
    assert [row.status for row in outbox_rows(runtime.sessions)] == ["sent"]


INJECTED_SUBJECT = b"=?utf-8?q?Application_Deputy_Director=0D=0ABcc:_victim1@example.net?="
INJECTED_FROM = b'"=?utf-8?q?Maria=0D=0ABcc:_victim2@example.net?=" <maria.fernandez@example.com>'
INJECTED_FILE = b"=?utf-8?q?cv.pdf=0D=0ABcc:_victim3@example.net?="


def injecting_application() -> bytes:
    """An application whose subject, display name and attachment filename each carry an
    RFC 2047-encoded CR LF followed by a Bcc header."""
    cv = base64.encodebytes(candidate_files.cv_pdf())
    return b"".join(
        [
            b"From: " + INJECTED_FROM + b"\r\n",
            b"To: recruitment@example.org\r\n",
            b"Subject: " + INJECTED_SUBJECT + b"\r\n",
            b"Date: Mon, 20 Oct 2025 09:30:00 +0000\r\n",
            b"Message-ID: <injection-1@example.com>\r\n",
            b"MIME-Version: 1.0\r\n",
            b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n',
            b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
            b"Please find attached my CV.\r\n",
            b"--b1\r\nContent-Type: application/pdf\r\n",
            b'Content-Disposition: attachment; filename="' + INJECTED_FILE + b'"\r\n',
            b"Content-Transfer-Encoding: base64\r\n\r\n",
            cv.replace(b"\n", b"\r\n"),
            b"--b1--\r\n",
        ]
    )


def test_header_injection_through_subject_name_and_filename_adds_no_header_or_recipient(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    raw = injecting_application()
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, (raw, ON_TIME))
    received = only_one(smtp_server)
    assert received.rcpt_tos == ("maria.fernandez@example.com",)
    message = received.message
    assert {name.lower() for name in message} <= HEADERS
    assert len(message.keys()) == len(set(message.keys()))
    assert b"victim" not in b"\n".join(
        line
        for line in received.content.split(b"\r\n\r\n", 1)[0].splitlines()
        if line.lower().startswith((b"bcc", b"cc", b"to"))
    )
    assert message.get_all("To") == ["maria.fernandez@example.com"]
    assert "victim1@example.net" in message["Subject"]  # kept inside the subject, on one line
    assert "victim3@example.net" in body(received)  # the filename is listed in the body only
