"""The sign-in under way at a provider: state, nonce and PKCE verifier in a short-lived cookie.

The cookie is signed (itsdangerous), HttpOnly, SameSite=Lax (the provider sends the browser
back with a top-level GET, which Lax allows), limited to ``/login/oidc`` and good for one
callback: the callback deletes it, so a replayed callback finds nothing to match.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from intake.config.web import WebConfig
from intake.web.session import secure_cookie

COOKIE = "intake_oidc"
PATH = "/login/oidc"
#: Minutes a person has to sign in at the provider.
PENDING_MINUTES = 10
_SALT = "intake-web-oidc-pending"
_FIELDS = ("provider", "state", "nonce", "verifier", "next")


@dataclass(frozen=True)
class PendingSignIn:
    """One sign-in sent to ``provider``; ``next`` is the local page to land on after."""

    provider: str
    state: str
    nonce: str
    verifier: str
    next: str


def new_pending(provider: str, wanted: str) -> PendingSignIn:
    """Fresh random state, nonce and PKCE verifier (43 to 128 characters, RFC 7636)."""
    return PendingSignIn(
        provider,
        secrets.token_urlsafe(32),
        secrets.token_urlsafe(32),
        secrets.token_urlsafe(48),
        wanted,
    )


class PendingCookies:
    """Reads, writes and deletes the cookie of the sign-in under way."""

    def __init__(self, secret: str, config: WebConfig) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt=_SALT)
        self._config = config

    def read(self, request: Request) -> PendingSignIn | None:
        """The sign-in under way, or None when the cookie is absent, forged or too old."""
        raw = request.cookies.get(COOKIE)
        if not raw:
            return None
        try:
            data: Any = self._serializer.loads(raw, max_age=PENDING_MINUTES * 60)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not all(isinstance(data.get(f), str) for f in _FIELDS):
            return None
        return PendingSignIn(*(data[field] for field in _FIELDS))

    def write(self, request: Request, response: Response, pending: PendingSignIn) -> None:
        """Set the cookie for the callback."""
        response.set_cookie(
            COOKIE,
            self._serializer.dumps({field: getattr(pending, field) for field in _FIELDS}),
            max_age=PENDING_MINUTES * 60,
            httponly=True,
            samesite="lax",
            secure=secure_cookie(request, self._config),
            path=PATH,
        )

    def delete(self, request: Request, response: Response) -> None:
        """Forget the sign-in under way (used, refused or replaced)."""
        response.delete_cookie(
            COOKIE,
            path=PATH,
            httponly=True,
            samesite="lax",
            secure=secure_cookie(request, self._config),
        )
