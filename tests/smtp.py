"""A real aiosmtpd server on 127.0.0.1 that records every envelope, for acknowledgement tests."""

from __future__ import annotations

import email
import email.policy
import logging
import socket
import ssl
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword
from aiosmtpd.smtp import Session as SmtpSession
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config
from storage.models import Acknowledgement
from tests.configs import make_config
from tests.dovecot import TlsFiles
from tests.polling import poll_arrivals

__all__ = [
    "OpenRuntimes",
    "Received",
    "SmtpServer",
    "open_runtimes",
    "smtp_server",
    "smtp_ssl_server",
    "smtp_tls_server",
]

SENDER = "WCO Recruitment <recruitment@example.org>"
USERNAME = "acks@example.org"
PASSWORD = "smtp-secret"

# aiosmtpd logs each connection at INFO, with a traceback when a client hangs up; a command run
# in-process would print that server chatter among its own stderr, which tests read.
logging.getLogger("mail.log").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Received:
    """One message the server accepted: its envelope and its bytes."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        """The content parsed with the modern email API."""
        parsed = email.message_from_bytes(self.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class RecordingHandler:
    """Records accepted messages; ``rcpt_reply``/``data_reply`` make it refuse instead."""

    received: list[Received] = field(default_factory=list)
    rcpt_reply: str | None = None
    data_reply: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: Envelope,
        address: str,
        options: list[str],
    ) -> str:
        if self.rcpt_reply is not None:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        if self.data_reply is not None:
            return self.data_reply
        content = envelope.original_content or b""
        with self.lock:
            self.received.append(
                Received(envelope.mail_from or "", tuple(envelope.rcpt_tos), content)
            )
        return "250 Message accepted for delivery"


def _authenticate(
    server: SMTP, session: SmtpSession, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    good = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USERNAME.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=good)


@dataclass
class SmtpServer:
    """An aiosmtpd Controller on a fixed free port that can be stopped and started again."""

    security: str = "none"
    tls: TlsFiles | None = None
    handler: RecordingHandler = field(default_factory=RecordingHandler)
    port: int = field(default_factory=lambda: _free_port())
    _controller: Controller | None = None

    def start(self) -> None:
        """Listen (again) on the same port."""
        kwargs: dict[str, Any] = {}
        if self.security == "ssl":
            kwargs["ssl_context"] = self._server_context()
        elif self.security == "starttls":
            kwargs.update(
                tls_context=self._server_context(),
                require_starttls=True,
                authenticator=_authenticate,
                auth_required=True,
            )
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()

    def stop(self) -> None:
        """Stop listening: connections are refused until ``start``."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def received(self) -> list[Received]:
        """Every message accepted so far."""
        with self.handler.lock:
            return list(self.handler.received)

    def config(self) -> dict[str, Any]:
        """The ``[smtp]`` section of a config pointing at this server."""
        section: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": self.port,
            "security": self.security,
        }
        if self.tls is not None:
            section["ca_file"] = str(self.tls.ca_file)
        if self.security == "starttls":
            section.update(username=USERNAME, password_env="INTAKE_TEST_SMTP_PASSWORD")
        return section

    def _server_context(self) -> ssl.SSLContext:
        assert self.tls is not None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.tls.cert_file, self.tls.key_file)
        return context


# The ``open_runtimes`` fixture's value: open a runtime for a config, closed after the test.
OpenRuntimes = Callable[[Config], Runtime]
SMTP_ENVIRON = {"INTAKE_TEST_SMTP_PASSWORD": PASSWORD}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A plain SMTP server (no TLS, no login)."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def _tls_server(security: str, directory: Path) -> Iterator[SmtpServer]:
    from tests.dovecot import make_tls_files

    server = SmtpServer(security=security, tls=make_tls_files(directory))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    """STARTTLS required, then AUTH LOGIN/PLAIN with USERNAME and PASSWORD."""
    yield from _tls_server("starttls", tmp_path_factory.mktemp("smtp-tls"))


@pytest.fixture
def smtp_ssl_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    """Implicit TLS from the first byte (port 465 style), no login."""
    yield from _tls_server("ssl", tmp_path_factory.mktemp("smtp-ssl"))


def smtp_config(tmp_path: Path, url: str, server: SmtpServer, **acks: Any) -> Config:
    """A config sending acknowledgements through ``server``; ``acks`` adds settings."""
    # The test mail is from 2025: confirm it whatever its age, unless a test says otherwise.
    section = {"transport": "smtp", "sender": SENDER, "max_age_days": 0, **acks}
    overrides = {"acknowledgements": section, "smtp": server.config()}
    return make_config(tmp_path, url, overrides, environ=SMTP_ENVIRON)


@pytest.fixture
def open_runtimes() -> Iterator[OpenRuntimes]:
    """Opens runtimes (database upgraded) and closes them all at the end of the test."""
    opened: list[Runtime] = []

    def open_one(config: Config) -> Runtime:
        opened.append(open_runtime(config))
        return opened[-1]

    yield open_one
    for runtime in opened:
        runtime.close()


def poll_through(runtime: Runtime, *raws: tuple[bytes, datetime]) -> None:
    """Store ``raws`` through the real pipeline; the poll drains the outbox at its end."""
    poll_arrivals(runtime.config, runtime.sessions, raws)


def outbox_rows(sessions: sessionmaker[Session]) -> list[Acknowledgement]:
    """Every acknowledgement row, in id order."""
    with sessions() as session:
        return list(session.scalars(select(Acknowledgement).order_by(Acknowledgement.id)))


def message_id_counts(server: SmtpServer) -> Counter[str]:
    """How many times the server accepted each Message-ID."""
    return Counter(str(received.message["Message-ID"]) for received in server.received)
