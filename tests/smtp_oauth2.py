"""An aiosmtpd server that requires AUTH XOAUTH2, the bearer token checked at the token server."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiosmtpd.smtp import SMTP, AuthResult

from tests.dovecot import make_tls_files
from tests.oauth2_server import TokenServer
from tests.smtp import RecordingHandler, SmtpServer

__all__ = ["OAuth2Handler", "smtp_oauth2_server"]


@dataclass
class OAuth2Handler(RecordingHandler):
    """Records messages; accepts AUTH XOAUTH2 only with a token ``tokens`` says is active."""

    tokens: TokenServer | None = None
    attempts: list[bool] = field(default_factory=list)

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        user, token = _parse(args[1] if len(args) > 1 else "")
        good = self.tokens is not None and bool(user) and self.tokens.active_user(token) == user
        self.attempts.append(good)
        return AuthResult(success=good, handled=False)


def _parse(initial: str) -> tuple[str, str]:
    """(user, token) from a base64 XOAUTH2 initial response; empty strings when malformed."""
    try:
        text = base64.b64decode(initial, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    fields = dict(part.split("=", 1) for part in text.split("\x01") if "=" in part)
    return fields.get("user", ""), fields.get("auth", "").removeprefix("Bearer ")


@pytest.fixture
def smtp_oauth2_server(
    token_server: TokenServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SmtpServer]:
    """STARTTLS required, then AUTH (XOAUTH2 checked at ``token_server``) before MAIL."""
    tls = make_tls_files(tmp_path_factory.mktemp("smtp-oauth2"))
    server = SmtpServer("starttls", tls, OAuth2Handler(tokens=token_server))
    server.start()
    yield server
    server.stop()
