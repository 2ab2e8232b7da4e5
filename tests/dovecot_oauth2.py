"""Dovecot with its oauth2 passdb and the token server it asks, started together per test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from intake.config.oauth2 import OAuth2Config
from intake.config.secret import Secret
from intake.config.settings import MailboxConfig
from tests.dovecot import DovecotServer, TlsFiles, running_dovecot
from tests.oauth2_server import (
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    TokenServer,
)

__all__ = ["OAuth2Rig", "oauth2_rig"]

OAUTH2_ENVIRON = {
    "INTAKE_TEST_OAUTH2_SECRET": CLIENT_SECRET,
    "INTAKE_TEST_OAUTH2_REFRESH": REFRESH_TOKEN,
}


@dataclass
class OAuth2Rig:
    """A Dovecot that checks bearer tokens at ``tokens``' introspection endpoint."""

    dovecot: DovecotServer
    tokens: TokenServer

    @property
    def token_url(self) -> str:
        """Where the generic provider gets its tokens."""
        return f"{self.tokens.url}/token"

    def oauth2_config(self, **overrides: Any) -> OAuth2Config:
        """Generic provider, refresh-token grant, for the Dovecot user."""
        values: dict[str, Any] = {
            "provider": "generic",
            "client_id": CLIENT_ID,
            "user": self.dovecot.username,
            "token_url": self.token_url,
            "refresh_token": Secret(REFRESH_TOKEN),
        }
        values.update(overrides)
        return OAuth2Config(**values)

    def mailbox_config(self, **oauth2: Any) -> MailboxConfig:
        """A MailboxConfig logging in with XOAUTH2 over STARTTLS."""
        return self.dovecot.mailbox_config(
            auth="oauth2", oauth2=self.oauth2_config(**oauth2), password=None, password_env=""
        )

    def mailbox_section(self) -> dict[str, Any]:
        """The ``[mailbox]`` table of a config.toml for this server (secrets in OAUTH2_ENVIRON)."""
        return {
            "kind": "imap",
            "host": self.dovecot.host,
            "port": self.dovecot.port,
            "security": "starttls",
            "ca_file": str(self.dovecot.ca_file),
            "username": self.dovecot.username,
            "auth": "oauth2",
            "oauth2_provider": "generic",
            "oauth2_client_id": CLIENT_ID,
            "oauth2_token_url": self.token_url,
            "oauth2_refresh_token_env": "INTAKE_TEST_OAUTH2_REFRESH",
            "timeout_seconds": 10,
            "reconnect_attempts": 1,
        }


@pytest.fixture
def oauth2_rig(dovecot_tls: TlsFiles, token_server: TokenServer) -> Iterator[OAuth2Rig]:
    """A Dovecot asking the test's token server (the one SMTP tests share), stopped after."""
    introspection_url = f"{token_server.url}/introspect"
    with running_dovecot(dovecot_tls, introspection_url=introspection_url) as server:
        yield OAuth2Rig(server, token_server)
