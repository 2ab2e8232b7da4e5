"""Who an acknowledgement goes to, through the real pipeline and a real SMTP server: only the
single mailbox of From; never Reply-To, a group, several senders, our own domain or a robot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.acks.policy import initial_acknowledgement
from parsers.message import parse_message
from storage.models import Acknowledgement, Application, Message
from tests import messages
from tests.smtp import (
    OpenRuntimes,
    SmtpServer,
    open_runtimes,
    poll_through,
    smtp_config,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

ON_TIME = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
THIRD_PARTY = b"Reply-To: Boss <boss@third-party.example>\n"
# (From header bytes, extra header lines, the one address the acknowledgement goes to or None)
CASES: list[tuple[bytes, bytes, str | None]] = [
    (b"Maria <maria.fernandez@example.com>", THIRD_PARTY, "maria.fernandez@example.com"),
    (b'"ceo@victim.example" <attacker@evil.example>', b"", "attacker@evil.example"),
    (b"=?utf-8?q?Fern=C3=A1ndez=2C_Maria?= <maria2@example.com>", b"", "maria2@example.com"),
    (
        b'"=?utf-8?q?M=0D=0ABcc:_victim@evil.example?=" <maria3@example.com>',
        b"",
        "maria3@example.com",
    ),
    (b'"Maria\\"\\r\\nBcc: v@evil.example" <maria4@example.com>', b"", "maria4@example.com"),
    (b"Jos\xc3\xa9 <jose@ex\xc3\xa4mple.com>", b"", "jose@exämple.com"),
    (b"undisclosed-recipients:;", THIRD_PARTY, None),
    (b"team: a@example.com, b@example.net;", b"", None),
    (b"a@example.com, b@example.net", THIRD_PARTY, None),
    (b"first@example.com\nFrom: second@example.net", b"", None),
    (b"Colleague <colleague@example.org>", THIRD_PARTY, None),
    (b"hr@jobs.example.org", b"", None),
    (b"MAILER-DAEMON@mx.example.net", b"", None),
    (b"postmaster@example.net", b"", None),
    (b"No Reply <no-reply@jobs.example.net>", THIRD_PARTY, None),
    (b"noreply@example.net", b"", None),
    (b"donotreply@example.net", b"", None),
    (b"bounces+123@lists.example.net", b"", None),
    (b"bounce@example.net", b"", None),
    (b"abuse@example.net", b"", None),
    (b"hostmaster@example.net", b"", None),
    (b"Webmaster <webmaster@example.net>", b"", None),
    (b"listserv@lists.example.net", b"", None),
    (b"majordomo@lists.example.net", b"", None),
    (b"jobs-request@lists.example.net", b"", None),
    (b"owner-jobs@lists.example.net", b"", None),
]


def application_from(number: int, from_line: bytes, extra: bytes) -> bytes:
    """A real application whose From header (and extra headers) are the given bytes."""
    raw = messages.application(
        sender="placeholder@example.com", message_id=f"<recipients-{number}@example.com>"
    )
    return raw.replace(b"From: placeholder@example.com\n", b"From: " + from_line + b"\n" + extra, 1)


def outcomes(sessions: sessionmaker[Session]) -> dict[str, tuple[str, str | None]]:
    """Status and reason of each acknowledgement, by the candidate message's Message-ID."""
    query = (
        select(Message.message_id, Acknowledgement.status, Acknowledgement.reason)
        .join(Application, Application.id == Acknowledgement.application_id)
        .join(Message, Message.id == Application.message_pk)
    )
    with sessions() as session:
        return {str(row[0]): (row[1], row[2]) for row in session.execute(query)}


def test_acks_go_only_to_the_single_from_mailbox_never_reply_to_group_role_or_own_domain(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_per_minute=1000)
    runtime = open_runtimes(config)
    raws = [application_from(n, line, extra) for n, (line, extra, _) in enumerate(CASES)]
    poll_through(runtime, *((raw, ON_TIME) for raw in raws))
    sent = {str(r.message["In-Reply-To"]): r for r in smtp_server.received}
    states = outcomes(runtime.sessions)
    wrong = []
    for number, (line, _, expected) in enumerate(CASES):
        message_id = f"<recipients-{number}@example.com>"
        received = sent.get(message_id)
        # A message judged a bounce or an auto-reply is no application: it has no outbox row.
        state = states.get(message_id, ("no application", None))
        if expected is None:
            assert state[0] in ("suppressed", "no application"), (line, state)
            if received is not None:
                wrong.append((line, received.rcpt_tos))
            continue
        assert received is not None, (line, state)
        local, _, domain = expected.partition("@")
        envelope = f"{local}@{domain.encode('idna').decode()}"  # IDN domains go out as ASCII
        if received.rcpt_tos != (envelope,) or received.message.get_all("To") != [envelope]:
            wrong.append((line, received.rcpt_tos))
        assert "Bcc" not in received.message and "Reply-To" not in received.message
    assert wrong == []
    assert len(smtp_server.received) == sum(1 for case in CASES if case[2] is not None)


def test_from_shapes_decide_the_recipient_without_a_server(tmp_path: Path) -> None:
    config = smtp_config(tmp_path, "sqlite:///unused.db", SmtpServer())  # never started
    for number, (line, extra, expected) in enumerate(CASES):
        parsed = parse_message(application_from(number, line, extra))
        record = initial_acknowledgement(parsed, config, "en", "0a1b2c")
        assert (record.status == "pending") == (expected is not None), (line, record.reason)
        if expected is not None:
            assert record.recipient == expected
        else:
            assert record.reason
