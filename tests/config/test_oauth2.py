"""OAuth2, envelope sender and plain-text settings: accepted when right, errors name the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake.config.credentials.google import MAIL_SCOPE, GoogleProvider
from intake.config.credentials.microsoft import APP_SCOPES, DELEGATED_SCOPES, msal_plan
from intake.config.needs import require_mailbox_secrets
from intake.config.settings import Config
from intake.errors import ConfigError
from tests.configs import make_config

ENVIRON = {"SECRET": "s3cret", "REFRESH": "r3fresh"}


def imap(**keys: Any) -> dict[str, Any]:
    base = {"kind": "imap", "host": "imap.example.org", "username": "hr@example.org"}
    return {**base, **keys}


def oauth2(provider: str, **keys: Any) -> dict[str, Any]:
    return imap(auth="oauth2", oauth2_provider=provider, oauth2_client_id="client", **keys)


def load(tmp_path: Path, mailbox: dict[str, Any], **sections: dict[str, Any]) -> Config:
    return make_config(tmp_path, "sqlite://", {"mailbox": mailbox, **sections}, ENVIRON)


def test_microsoft_app_only_plan_uses_the_outlook_default_scope(tmp_path: Path) -> None:
    mailbox = oauth2(
        "microsoft", oauth2_tenant="contoso.onmicrosoft.com", oauth2_client_secret_env="SECRET"
    )
    config = load(tmp_path, mailbox).mailbox.oauth2
    assert config is not None
    plan = msal_plan(config)
    assert plan.scopes == APP_SCOPES == ("https://outlook.office365.com/.default",)
    assert plan.authority == "https://login.microsoftonline.com/contoso.onmicrosoft.com"
    assert (plan.flow, plan.confidential) == ("client_credentials", True)


def test_microsoft_refresh_token_plan_is_delegated(tmp_path: Path) -> None:
    mailbox = oauth2("microsoft", oauth2_tenant="contoso", oauth2_refresh_token_env="REFRESH")
    config = load(tmp_path, mailbox).mailbox.oauth2
    assert config is not None
    plan = msal_plan(config)
    assert (plan.flow, plan.confidential, plan.scopes) == ("refresh_token", False, DELEGATED_SCOPES)


def test_google_refresh_token_builds_credentials_for_the_mail_scope(tmp_path: Path) -> None:
    mailbox = oauth2(
        "google", oauth2_client_secret_env="SECRET", oauth2_refresh_token_env="REFRESH"
    )
    config = load(tmp_path, mailbox).mailbox.oauth2
    assert config is not None
    credentials = GoogleProvider(config).credentials()
    assert list(credentials.scopes) == [MAIL_SCOPE] == ["https://mail.google.com/"]
    assert (credentials.refresh_token, credentials.client_id) == ("r3fresh", "client")


@pytest.mark.parametrize(
    ("mailbox", "key"),
    [
        (imap(security="none", password_env="SECRET"), "mailbox.security"),
        (
            oauth2(
                "generic",
                oauth2_token_url="http://tokens.example.org/t",
                oauth2_refresh_token_env="REFRESH",
            ),
            "mailbox.oauth2_token_url",
        ),
        (oauth2("microsoft", oauth2_client_secret_env="SECRET"), "mailbox.oauth2_tenant"),
        (oauth2("google"), "mailbox.oauth2_provider"),
        (
            oauth2(
                "generic",
                oauth2_token_url="https://t.example.org",
                oauth2_refresh_token_env="UNSET",
            ),
            "mailbox.oauth2_refresh_token_env",
        ),
        (
            oauth2(
                "generic",
                oauth2_token_url="https://t.example.org",
                oauth2_refresh_token_env="REFRESH",
                password_env="SECRET",
            ),
            "mailbox.password_env",
        ),
    ],
)
def test_wrong_oauth2_or_plain_text_settings_name_the_key(
    tmp_path: Path, mailbox: dict[str, Any], key: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        require_mailbox_secrets(load(tmp_path, mailbox))
    assert caught.value.key == key


def test_smtp_oauth2_without_mailbox_oauth2_names_the_key(tmp_path: Path) -> None:
    acks = {"transport": "smtp", "sender": "hr@example.org"}
    smtp = {"host": "smtp.example.org", "auth": "oauth2"}
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, imap(password_env="SECRET"), smtp=smtp, acknowledgements=acks)
    assert caught.value.key == "smtp.oauth2_provider"


def test_plain_text_to_loopback_and_envelope_from_sender_are_accepted(tmp_path: Path) -> None:
    acks = {"transport": "smtp", "sender": "hr@example.org", "envelope_from": "sender"}
    smtp = {"host": "127.0.0.1", "security": "none"}
    config = load(
        tmp_path,
        imap(host="::1", security="none", password_env="SECRET"),
        smtp=smtp,
        acknowledgements=acks,
    )
    assert (config.acknowledgements.envelope_from, config.smtp.security) == ("sender", "none")
