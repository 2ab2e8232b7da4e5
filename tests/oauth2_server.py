"""A small OAuth2 token and introspection server on 127.0.0.1, run in a thread by tests.

``/token`` issues short-lived bearer tokens for the refresh_token and client_credentials
grants; ``/introspect`` answers Dovecot's oauth2 passdb (``introspection_mode = post``) and
the SMTP test server. Tests can expire or revoke what was issued, or refuse every grant.
``/device`` starts a device sign-in (RFC 8628) whose course ``TokenServer.device`` scripts.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

from tests.json_http import JsonHandler, serving

__all__ = [
    "CLIENT_ID",
    "CLIENT_SECRET",
    "DEVICE_REFRESH_TOKEN",
    "REFRESH_TOKEN",
    "DeviceScript",
    "TokenServer",
    "token_server",
]

CLIENT_ID = "intake-test-client"
CLIENT_SECRET = "client-secret-for-tests"
REFRESH_TOKEN = "refresh-token-for-tests"
DEVICE_REFRESH_TOKEN = "refresh-token-from-the-device-sign-in"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEVICE_CODE = "device-code-for-tests"


@dataclass
class DeviceScript:
    """How a device sign-in goes: ``pending`` polls answered authorization_pending (the
    ``slow_down_at``-th of them slow_down instead; 0: none), then ``outcome`` (approve, deny
    or expire). ``polls`` counts the token requests the server saw."""

    pending: int = 2
    slow_down_at: int = 0
    outcome: str = "approve"
    interval: int = 0
    user_code: str = "WDJB-MJHT"
    uri_key: str = "verification_uri"  # Google says verification_url
    polls: int = 0
    requests: list[dict[str, str]] = field(default_factory=list)

    def start(self, form: dict[str, str]) -> dict[str, Any]:
        """The device authorization answer (RFC 8628 section 3.2)."""
        self.requests.append(form)
        return {
            "device_code": DEVICE_CODE,
            "user_code": self.user_code,
            self.uri_key: "https://login.example.org/device",
            "expires_in": 900,
            "interval": self.interval,
        }

    def poll(self) -> tuple[int, dict[str, Any]]:
        """The answer to the next token request (RFC 8628 section 3.5)."""
        self.polls += 1
        if self.polls <= self.pending:
            error = "slow_down" if self.polls == self.slow_down_at else "authorization_pending"
            return 400, {"error": error}
        if self.outcome == "deny":
            return 400, {"error": "access_denied", "error_description": "the user said no"}
        if self.outcome == "expire":
            return 400, {"error": "expired_token"}
        return 200, {"access_token": "a", "expires_in": 600, "refresh_token": DEVICE_REFRESH_TOKEN}


@dataclass
class Issued:
    """One access token the server handed out."""

    user: str
    expires_at: float
    revoked: bool = False


@dataclass
class TokenServer:
    """The server's state; ``url`` is its base, ``user`` the mailbox every token is for."""

    user: str
    lifetime: int = 600
    refuse_grants: bool = False
    device: DeviceScript = field(default_factory=DeviceScript)
    issued: dict[str, Issued] = field(default_factory=dict)
    grants: list[str] = field(default_factory=list)
    introspections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def expire_all(self) -> None:
        """Every token issued so far is past its expiry from now on."""
        with self.lock:
            for issued in self.issued.values():
                issued.expires_at = 0.0

    def revoke_all(self) -> None:
        """Every token issued so far is revoked."""
        with self.lock:
            for issued in self.issued.values():
                issued.revoked = True

    def active_user(self, token: str) -> str | None:
        """The user of ``token`` when it is issued, unexpired and not revoked; else None."""
        with self.lock:
            self.introspections += 1
            issued = self.issued.get(token)
            if issued is None or issued.revoked or issued.expires_at <= time.monotonic():
                return None
            return issued.user

    def grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """Answer a token request: (HTTP status, JSON body)."""
        if form.get("client_id") != CLIENT_ID or self.refuse_grants:
            return 401, {"error": "invalid_client", "error_description": "unknown client"}
        kind = form.get("grant_type", "")
        if kind == DEVICE_GRANT and form.get("device_code") == DEVICE_CODE:
            with self.lock:
                return self.device.poll()
        if kind == "refresh_token" and form.get("refresh_token") != REFRESH_TOKEN:
            return 400, {"error": "invalid_grant", "error_description": "refresh token revoked"}
        if kind == "client_credentials" and form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client", "error_description": "bad client secret"}
        if kind not in ("refresh_token", "client_credentials"):
            return 400, {"error": "unsupported_grant_type"}
        token = secrets.token_urlsafe(24)
        with self.lock:
            self.grants.append(kind)
            self.issued[token] = Issued(self.user, time.monotonic() + self.lifetime)
        body = {"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime}
        return 200, body


class _Handler(JsonHandler):
    server: _Server

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = {
            key: values[0] for key, values in parse_qs(self.rfile.read(length).decode()).items()
        }
        state = self.server.state
        if self.path == "/token":
            self._answer(*state.grant(form))
        elif self.path == "/device" and form.get("client_id") == CLIENT_ID:
            with state.lock:
                self._answer(200, state.device.start(form))
        elif self.path == "/introspect":
            user = state.active_user(form.get("token", ""))
            self._answer(200, {"active": True, "username": user} if user else {"active": False})
        else:
            self._answer(404, {"error": "not_found"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: TokenServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state


def running_token_server(user: str) -> Iterator[TokenServer]:
    """Serve a TokenServer for ``user`` until the generator is closed."""
    state = TokenServer(user=user)
    server = _Server(state)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    with serving(server):
        yield state


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    """A token server whose tokens are for the Dovecot test user."""
    from tests.dovecot import USERNAME

    yield from running_token_server(USERNAME)
