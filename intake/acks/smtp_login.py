"""Logging in to the SMTP server: AUTH with a password, or AUTH XOAUTH2 with a bearer token.

A refused XOAUTH2 (535) is retried once with a newly fetched token on the same session;
Microsoft and Google answer a stale token that way.
"""

from __future__ import annotations

import smtplib
from typing import Protocol

from intake.config.settings import SmtpConfig


class BearerTokens(Protocol):
    """An OAuth2 token cache (intake.config.credentials.TokenSource fits)."""

    def token(self, *, fresh: bool = False) -> str:
        """The access token to send; a new one when ``fresh``."""


def log_in(client: smtplib.SMTP, config: SmtpConfig, tokens: BearerTokens | None) -> None:
    """Authenticate as the config says; smtplib's errors are raised for the caller to wrap."""
    if tokens is not None:
        user = config.username or ""
        try:
            _xoauth2(client, user, tokens.token())
        except smtplib.SMTPAuthenticationError:
            _xoauth2(client, user, tokens.token(fresh=True))
        return
    if config.username:
        client.login(config.username, config.password.value if config.password else "")


def _xoauth2(client: smtplib.SMTP, user: str, token: str) -> None:
    """AUTH XOAUTH2 with the initial response; an error challenge is answered empty."""
    response = f"user={user}\x01auth=Bearer {token}\x01\x01"

    def answer(challenge: bytes | None = None) -> str:
        return response if challenge is None else ""

    client.ehlo_or_helo_if_needed()
    client.auth("XOAUTH2", answer, initial_response_ok=True)
