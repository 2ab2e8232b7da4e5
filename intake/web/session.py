"""The session cookie: signed and timed with itsdangerous, HttpOnly, SameSite=Lax, Secure on TLS."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from intake.config.web import WebConfig

COOKIE = "intake_session"
_SALT = "intake-web-session"


@dataclass
class SessionData:
    """What the cookie holds: the signed-in user's name (None: anonymous) and the CSRF token."""

    user: str | None
    csrf: str
    fresh: bool = False

    def token_matches(self, given: str | None) -> bool:
        """Whether a form's ``csrf_token`` is this session's (compared in constant time)."""
        return bool(given) and hmac.compare_digest(self.csrf, str(given))


class SessionCookies:
    """Reads and writes the session cookie of one web console."""

    def __init__(self, secret: str, config: WebConfig) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt=_SALT)
        self._config = config

    def read(self, request: Request) -> SessionData:
        """The request's session, or a new anonymous one when the cookie is absent, forged or
        expired."""
        raw = request.cookies.get(COOKIE)
        if raw:
            try:
                data: Any = self._serializer.loads(raw, max_age=self._config.session_minutes * 60)
            except BadSignature:
                data = None
            if isinstance(data, dict) and isinstance(data.get("csrf"), str):
                user = data.get("user")
                return SessionData(user if isinstance(user, str) else None, data["csrf"])
        return new_session(None)

    def write(self, request: Request, response: Response, session: SessionData) -> None:
        """Set the cookie (again: its age restarts with every page)."""
        response.set_cookie(
            COOKIE,
            self._serializer.dumps({"user": session.user, "csrf": session.csrf}),
            max_age=self._config.session_minutes * 60,
            httponly=True,
            samesite="lax",
            secure=secure_cookie(request, self._config),
            path="/",
        )


def secure_cookie(request: Request, config: WebConfig) -> bool:
    """Whether a cookie set in answer to ``request`` is ``Secure`` (``[web] secure_cookies``)."""
    if config.secure_cookies == "auto":
        return request.url.scheme == "https"
    return config.secure_cookies == "true"


def new_session(user: str | None) -> SessionData:
    """A session with a new CSRF token (a sign-in or sign-out starts one)."""
    return SessionData(user, secrets.token_urlsafe(32), fresh=True)
