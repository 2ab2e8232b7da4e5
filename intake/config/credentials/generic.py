"""Tokens from any OAuth2 token endpoint: one form POST (refresh_token or client_credentials).

Plain ``urllib``: the whole exchange is one POST and one JSON answer (RFC 6749 sections 4.4
and 6), which does not justify a library; TLS certificates are checked as for IMAP.
"""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from intake.config.credentials.tokens import AccessToken, lifetime_of
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error

TIMEOUT_SECONDS = 30.0
MAX_ANSWER_BYTES = 1024 * 1024


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
        request = urllib.request.Request(
            url,
            data=urlencode(form).encode(),
            headers={"Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(
                request, timeout=TIMEOUT_SECONDS, context=self._context
            ) as response:
                return _json(response.read(MAX_ANSWER_BYTES), url)
        except urllib.error.HTTPError as exc:
            reason = _refusal(exc.read(MAX_ANSWER_BYTES))
            raise OAuth2Error(f"token endpoint {url} refused: HTTP {exc.code} {reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise OAuth2Error(f"cannot reach token endpoint {url}: {exc}") from exc


def _json(body: bytes, url: str) -> dict[str, Any]:
    try:
        answer = json.loads(body)
    except ValueError as exc:
        raise OAuth2Error(f"token endpoint {url} did not answer JSON") from exc
    if not isinstance(answer, dict):
        raise OAuth2Error(f"token endpoint {url} did not answer a JSON object")
    return answer


def _refusal(body: bytes) -> str:
    """``error: error_description`` of an RFC 6749 error answer, on one short line."""
    try:
        answer = json.loads(body)
    except ValueError:
        return ""
    if not isinstance(answer, dict):
        return ""
    parts = [str(answer.get(key, "")) for key in ("error", "error_description")]
    return " ".join(": ".join(part for part in parts if part).split())[:300]
