"""Acknowledgements through SMTP AUTH XOAUTH2 (aiosmtpd checks the token), and envelope_from."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from intake.acks.errors import ConnectionFailure
from intake.acks.transport import smtp_transport
from intake.config.settings import Config
from tests.configs import make_config
from tests.dovecot import USERNAME
from tests.dovecot_oauth2 import OAUTH2_ENVIRON
from tests.oauth2_server import CLIENT_ID, TokenServer
from tests.smtp import SmtpServer
from tests.smtp_oauth2 import OAuth2Handler

SENDER = "WCO Recruitment <recruitment@example.org>"


def oauth2_smtp_config(
    tmp_path: Path, server: SmtpServer, tokens: TokenServer, **acks: Any
) -> Config:
    """Acknowledgements by SMTP with its own generic OAuth2 settings (client credentials)."""
    smtp = {
        **{key: value for key, value in server.config().items() if key != "password_env"},
        "username": USERNAME,
        "auth": "oauth2",
        "oauth2_provider": "generic",
        "oauth2_client_id": CLIENT_ID,
        "oauth2_client_secret_env": "INTAKE_TEST_OAUTH2_SECRET",
        "oauth2_token_url": f"{tokens.url}/token",
    }
    section = {"transport": "smtp", "sender": SENDER, "max_age_days": 0, **acks}
    overrides = {"acknowledgements": section, "smtp": smtp}
    return make_config(tmp_path, f"sqlite:///{tmp_path / 'db'}", overrides, OAUTH2_ENVIRON)


def acknowledgement(subject: str = "Your application") -> EmailMessage:
    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = "candidate@example.com"
    message["Subject"] = subject
    message.set_content("We received your application.")
    return message


def attempts(server: SmtpServer) -> list[bool]:
    assert isinstance(server.handler, OAuth2Handler)
    return server.handler.attempts


def test_acknowledgement_goes_through_xoauth2_with_the_sender_as_envelope_from(
    tmp_path: Path, smtp_oauth2_server: SmtpServer, token_server: TokenServer
) -> None:
    config = oauth2_smtp_config(tmp_path, smtp_oauth2_server, token_server, envelope_from="sender")
    transport = smtp_transport(config)
    transport.send(acknowledgement("one"), "candidate@example.com")
    transport.send(acknowledgement("two"), "candidate@example.com")
    transport.close()
    received = smtp_oauth2_server.received
    assert [item.mail_from for item in received] == ["recruitment@example.org"] * 2
    assert token_server.grants == ["client_credentials"]
    assert attempts(smtp_oauth2_server) == [True]  # one session for both messages


def test_null_envelope_sender_is_the_default(
    tmp_path: Path, smtp_oauth2_server: SmtpServer, token_server: TokenServer
) -> None:
    transport = smtp_transport(oauth2_smtp_config(tmp_path, smtp_oauth2_server, token_server))
    transport.send(acknowledgement(), "candidate@example.com")
    transport.close()
    assert smtp_oauth2_server.received[0].mail_from == "<>"


def test_revoked_smtp_token_is_replaced_and_auth_retried_once(
    tmp_path: Path, smtp_oauth2_server: SmtpServer, token_server: TokenServer
) -> None:
    transport = smtp_transport(oauth2_smtp_config(tmp_path, smtp_oauth2_server, token_server))
    transport.send(acknowledgement("before"), "candidate@example.com")
    transport.close()
    token_server.revoke_all()
    transport.send(acknowledgement("after"), "candidate@example.com")
    transport.close()
    assert attempts(smtp_oauth2_server) == [True, False, True]
    assert len(token_server.grants) == 2
    assert len(smtp_oauth2_server.received) == 2


def test_smtp_token_refused_twice_is_a_connection_failure_without_the_token(
    tmp_path: Path, smtp_oauth2_server: SmtpServer, token_server: TokenServer
) -> None:
    token_server.user = "someone-else@example.org"
    transport = smtp_transport(oauth2_smtp_config(tmp_path, smtp_oauth2_server, token_server))
    with pytest.raises(ConnectionFailure, match="535") as caught:
        transport.send(acknowledgement(), "candidate@example.com")
    assert attempts(smtp_oauth2_server) == [False, False]
    assert not any(token in str(caught.value) for token in token_server.issued)
    assert smtp_oauth2_server.received == []
