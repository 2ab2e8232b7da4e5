"""Which secrets a command needs: demanded before it starts, so it fails in one line at once."""

from __future__ import annotations

from collections.abc import Iterator

from intake.config.oauth2 import OAuth2Config
from intake.config.secret import Secret, require
from intake.config.settings import Config


def require_mailbox_secrets(config: Config) -> None:
    """The mailbox's password or OAuth2 secrets, and SMTP's when acknowledgements are sent
    (a poll drains the outbox); a ConfigError naming the first variable that is not set."""
    require(_mailbox_secrets(config))
    require_sending_secrets(config)


def require_sending_secrets(config: Config) -> None:
    """SMTP's password or OAuth2 secrets when acknowledgements go out by SMTP."""
    if config.acknowledgements.transport == "smtp":
        require(_smtp_secrets(config))


def require_all_secrets(config: Config) -> None:
    """Every secret the file names (``check-config``)."""
    require(_mailbox_secrets(config))
    require(_smtp_secrets(config))


def _mailbox_secrets(config: Config) -> Iterator[Secret | None]:
    yield config.mailbox.password
    yield from _oauth2_secrets(config.mailbox.oauth2)


def _smtp_secrets(config: Config) -> Iterator[Secret | None]:
    yield config.smtp.password
    yield from _oauth2_secrets(config.smtp.oauth2)


def _oauth2_secrets(oauth2: OAuth2Config | None) -> Iterator[Secret | None]:
    if oauth2 is not None:
        yield oauth2.client_secret
        yield oauth2.refresh_token
