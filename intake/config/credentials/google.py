"""Tokens for Google Workspace through google-auth: a refresh token, or a service account
with domain-wide delegation acting as the mailbox; the scope is ``https://mail.google.com/``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from intake.config.credentials.tokens import DEFAULT_LIFETIME, AccessToken
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error

MAIL_SCOPE = "https://mail.google.com/"
TOKEN_URI = "https://oauth2.googleapis.com/token"


class GoogleProvider:
    """Refreshes google-auth credentials; ``request`` is google-auth's transport hook (None:
    ``google.auth.transport.requests.Request``)."""

    def __init__(self, config: OAuth2Config, request: Any = None) -> None:
        self._config = config
        self._request = request
        self._credentials: Any = None

    @property
    def scopes(self) -> list[str]:
        """The configured scopes, else full IMAP/SMTP access."""
        return list(self._config.scopes or (MAIL_SCOPE,))

    def credentials(self) -> Any:
        """The google-auth credentials object (built once, no network)."""
        if self._credentials is None:
            self._credentials = self._build()
        return self._credentials

    def fetch(self) -> AccessToken:
        """Refresh the credentials; OAuth2Error with google-auth's reason."""
        from google.auth.exceptions import GoogleAuthError

        try:
            credentials = self.credentials()
            credentials.refresh(self._transport())
        except (GoogleAuthError, ValueError, OSError) as exc:
            raise OAuth2Error(f"Google refused a token: {_one_line(exc)}") from exc
        return AccessToken(str(credentials.token), _lifetime(credentials.expiry))

    def _build(self) -> Any:
        config = self._config
        if config.service_account_file is not None:
            from google.oauth2 import service_account

            try:
                return service_account.Credentials.from_service_account_file(  # type: ignore[no-untyped-call]
                    str(config.service_account_file), scopes=self.scopes, subject=config.user
                )
            except (ValueError, OSError) as exc:
                raise OAuth2Error(
                    f"cannot use service account file {config.service_account_file}: {exc}"
                ) from exc
        from google.oauth2.credentials import Credentials

        assert config.refresh_token is not None and config.client_secret is not None
        return Credentials(  # type: ignore[no-untyped-call]
            token=None,
            refresh_token=config.refresh_token.value,
            client_id=config.client_id,
            client_secret=config.client_secret.value,
            token_uri=TOKEN_URI,
            scopes=self.scopes,
        )

    def _transport(self) -> Any:
        if self._request is None:
            from google.auth.transport.requests import Request

            self._request = Request()
        return self._request


def _lifetime(expiry: datetime | None) -> float:
    """Seconds until google-auth's ``expiry`` (a naive UTC time)."""
    if expiry is None:
        return DEFAULT_LIFETIME
    left = (expiry.replace(tzinfo=UTC) - datetime.now(UTC)).total_seconds()
    return left if left > 0 else DEFAULT_LIFETIME


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
