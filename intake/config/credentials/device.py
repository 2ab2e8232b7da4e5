"""The OAuth 2.0 Device Authorization Grant (RFC 8628) over plain HTTP: for ``google`` and
``generic``, whose device endpoints speak the RFC (Microsoft's goes through MSAL instead).

``start`` asks for a user code; ``finish`` polls the token endpoint until the operator has
signed in, honouring ``interval`` and ``slow_down``, and returns the refresh token.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from intake.config.credentials.endpoint import post_form, refusal
from intake.config.credentials.google import MAIL_SCOPE, TOKEN_URI
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error
from intake.terminal_text import safe_line

GOOGLE_DEVICE_URL = "https://oauth2.googleapis.com/device/code"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_INTERVAL = 5.0  # RFC 8628 section 3.2: when the server names none
SLOW_DOWN_STEP = 5.0  # RFC 8628 section 3.5
DEFAULT_EXPIRY = 900.0


@dataclass(frozen=True)
class Prompt:
    """What the operator is told: where to go and which code to type (cleaned text)."""

    verification_uri: str
    user_code: str
    expires_in: float


@dataclass(frozen=True)
class DeviceEndpoints:
    """Where the device flow runs and what it asks for."""

    device_url: str
    token_url: str
    client_id: str
    client_secret: str = field(default="", repr=False)
    scopes: tuple[str, ...] = ()


def endpoints_for(config: OAuth2Config) -> DeviceEndpoints:
    """Google's endpoints and mail scope, or the configured ones for ``generic``."""
    secret = config.client_secret.value if config.client_secret else ""
    if config.provider == "google":
        scopes = config.scopes or (MAIL_SCOPE,)
        return DeviceEndpoints(GOOGLE_DEVICE_URL, TOKEN_URI, config.client_id, secret, scopes)
    return DeviceEndpoints(
        config.device_url, config.token_url, config.client_id, secret, config.scopes
    )


class DeviceFlow:
    """One device login; ``sleep`` and ``clock`` are the waits' seams (tests record them)."""

    def __init__(
        self,
        endpoints: DeviceEndpoints,
        *,
        context: ssl.SSLContext | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._endpoints = endpoints
        self._context = context
        self._sleep = sleep
        self._clock = clock
        self._device_code = ""
        self._interval = DEFAULT_INTERVAL
        self._deadline = 0.0

    def start(self) -> Prompt:
        """Ask the device endpoint for a user code (RFC 8628 section 3.1)."""
        url = self._endpoints.device_url
        status, answer = post_form(url, self._client_form(scope=True), self._context)
        if status != 200:
            raise OAuth2Error(f"device endpoint {url} refused: HTTP {status} {refusal(answer)}")
        self._device_code = _text(answer, "device_code", url)
        self._interval = _seconds(answer.get("interval"), DEFAULT_INTERVAL)
        expires_in = _seconds(answer.get("expires_in"), DEFAULT_EXPIRY)
        self._deadline = self._clock() + expires_in
        if "verification_uri" not in answer:  # Google's name for it
            answer["verification_uri"] = answer.get("verification_url")
        return Prompt(
            safe_line(_text(answer, "verification_uri", url)),
            safe_line(_text(answer, "user_code", url)),
            expires_in,
        )

    def finish(self) -> str:
        """Poll until the operator approved; the refresh token (RFC 8628 section 3.4-3.5)."""
        while True:
            self._sleep(self._interval)
            if self._clock() > self._deadline:
                raise OAuth2Error("the code expired before the sign-in was approved; start again")
            token = self._poll()
            if token:
                return token

    def _poll(self) -> str:
        """One token request: the refresh token, or "" to keep waiting."""
        url = self._endpoints.token_url
        form = {**self._client_form(), "grant_type": DEVICE_GRANT, "device_code": self._device_code}
        status, answer = post_form(url, form, self._context)
        if status == 200:
            return _text(answer, "refresh_token", url)
        error = answer.get("error")
        if error == "authorization_pending":
            return ""
        if error == "slow_down":
            self._interval += SLOW_DOWN_STEP
            return ""
        if error == "access_denied":
            raise OAuth2Error("the sign-in was refused (access_denied): no token was issued")
        if error == "expired_token":
            raise OAuth2Error("the code expired before the sign-in was approved; start again")
        raise OAuth2Error(f"token endpoint {url} refused: HTTP {status} {refusal(answer)}")

    def _client_form(self, *, scope: bool = False) -> dict[str, str]:
        endpoints = self._endpoints
        form = {"client_id": endpoints.client_id}
        if endpoints.client_secret:
            form["client_secret"] = endpoints.client_secret
        if scope and endpoints.scopes:
            form["scope"] = " ".join(endpoints.scopes)
        return form


def _text(answer: dict[str, Any], key: str, url: str) -> str:
    value = answer.get(key)
    if not isinstance(value, str) or not value:
        raise OAuth2Error(f"{url} gave no {key}")
    return value


def _seconds(value: object, default: float) -> float:
    """A positive number of seconds from the answer, else ``default``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value) if value >= 0 else default
