"""Tokens from any OAuth2 token endpoint: one form POST (refresh_token or client_credentials,
RFC 6749 sections 6 and 4.4)."""

from __future__ import annotations

import ssl
from typing import Any

from intake.config.credentials.endpoint import post_form, refusal
from intake.config.credentials.tokens import AccessToken, lifetime_of
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error


class GenericProvider:
    """Refresh-token grant when a refresh token is configured, else client credentials.

    A rotated refresh token in the answer replaces the configured one for this process.
    """

    def __init__(self, config: OAuth2Config, context: ssl.SSLContext | None = None) -> None:
        self._config = config
        self._context = context
        self._refresh_token = config.refresh_token.value if config.refresh_token else ""

    def fetch(self) -> AccessToken:
        """POST the grant; an AccessToken, or OAuth2Error naming the endpoint and its reason."""
        answer = self._post(self._form())
        token = answer.get("access_token")
        if not isinstance(token, str) or not token:
            raise OAuth2Error(f"token endpoint {self._config.token_url} gave no access_token")
        rotated = answer.get("refresh_token")
        if isinstance(rotated, str) and rotated:
            self._refresh_token = rotated
        return AccessToken(token, lifetime_of(answer.get("expires_in")))

    def _form(self) -> dict[str, str]:
        config = self._config
        form = {"client_id": config.client_id}
        if self._refresh_token:
            form.update(grant_type="refresh_token", refresh_token=self._refresh_token)
        else:
            form["grant_type"] = "client_credentials"
        if config.client_secret:
            form["client_secret"] = config.client_secret.value
        if config.scopes:
            form["scope"] = " ".join(config.scopes)
        return form

    def _post(self, form: dict[str, str]) -> dict[str, Any]:
        url = self._config.token_url
        status, answer = post_form(url, form, self._context)
        if status != 200:
            raise OAuth2Error(f"token endpoint {url} refused: HTTP {status} {refusal(answer)}")
        return answer
