"""A small OpenID Connect provider on 127.0.0.1, run in a thread by the web tests.

It serves discovery, its JWKS (an RSA key made by the test), ``/authorize`` (which signs the
person of ``OidcProvider.person`` in at once and sends the browser back with a code) and
``/token`` (which checks the client, the code and its PKCE verifier and answers with a signed
ID token). ``OidcProvider.misbehave`` makes it lie: other claims, another signing key, an error
sent back instead of a code, or 503 on every call.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from tests.json_http import JsonHandler, serving

CLIENT_ID = "intake-console"
CLIENT_SECRET = "oidc-client-secret-for-tests"
SECRET_ENV = "INTAKE_TEST_OIDC_SECRET"
TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"


@dataclass
class Misbehaviour:
    """What the provider does wrong: ``claims`` replace the ID token's (None deletes one),
    ``foreign_key`` signs with a key not in the JWKS, ``error`` is sent back to the callback
    instead of a code (error, description), ``down`` answers 503 to everything, ``discovery``
    replaces entries of the discovery document."""

    claims: dict[str, Any] = field(default_factory=dict)
    discovery: dict[str, Any] = field(default_factory=dict)
    foreign_key: bool = False
    error: tuple[str, str] | None = None
    down: bool = False


@dataclass
class Grant:
    """A code handed out by /authorize, waiting for /token."""

    redirect_uri: str
    challenge: str
    nonce: str


@dataclass
class OidcProvider:
    """The provider's state; ``issuer`` is its URL (with ``path``, as Entra's carry a tenant)."""

    path: str = ""
    person: dict[str, Any] = field(
        default_factory=lambda: {"email": "olga@org.example", "email_verified": True}
    )
    misbehave: Misbehaviour = field(default_factory=Misbehaviour)
    key: RSAKey = field(
        default_factory=lambda: RSAKey.generate_key(2048, {"kid": "test-1"}, private=True)
    )
    grants: dict[str, Grant] = field(default_factory=dict)
    token_requests: int = 0
    #: The paths of every GET, in order (discovery and JWKS fetches are counted by them).
    gets: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    issuer: str = ""

    def discovery(self) -> dict[str, Any]:
        """The discovery document."""
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        } | self.misbehave.discovery

    def authorize(self, query: dict[str, str]) -> str:
        """Where /authorize sends the browser back to."""
        back = query["redirect_uri"]
        if self.misbehave.error:
            error, description = self.misbehave.error
            answer = {"error": error, "error_description": description, "state": query["state"]}
            return f"{back}?{urlencode(answer)}"
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256" and "openid" in query["scope"].split()
        code = secrets.token_urlsafe(16)
        with self.lock:
            self.grants[code] = Grant(back, query["code_challenge"], query["nonce"])
        return f"{back}?{urlencode({'code': code, 'state': query['state']})}"

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, Any]]:
        """The token endpoint's answer: (HTTP status, JSON body)."""
        with self.lock:
            self.token_requests += 1
            grant = self.grants.pop(form.get("code", ""), None)
        if _client_of(form, authorization) != (CLIENT_ID, CLIENT_SECRET):
            return 401, {"error": "invalid_client"}
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("redirect_uri") != grant.redirect_uri
            or challenge.decode() != grant.challenge
        ):
            return 400, {"error": "invalid_grant"}
        return 200, {"access_token": "a", "token_type": "Bearer", "id_token": self.id_token(grant)}

    def id_token(self, grant: Grant) -> str:
        """A signed ID token for ``person``, as ``misbehave`` has it."""
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": CLIENT_ID, "sub": "person-1", "iat": now}
        claims |= {"exp": now + 300, "nonce": grant.nonce, **self.person}
        for name, value in self.misbehave.claims.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        key = self.key
        if self.misbehave.foreign_key:
            key = RSAKey.generate_key(2048, {"kid": self.key.kid or ""}, private=True)
        return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    def rotate_key(self) -> None:
        """Sign from now on with a new key of a new ``kid``, the only one in the JWKS."""
        self.key = RSAKey.generate_key(2048, {"kid": secrets.token_hex(4)}, private=True)

    def jwks(self) -> dict[str, Any]:
        """The public keys."""
        return dict(KeySet([self.key]).as_dict(private=False))


def _client_of(form: dict[str, str], authorization: str) -> tuple[str, str]:
    """The client id and secret, from HTTP Basic or from the form."""
    if authorization.startswith("Basic "):
        user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
        return user, password
    return form.get("client_id", ""), form.get("client_secret", "")


class _Handler(JsonHandler):
    server: _Server

    def do_GET(self) -> None:
        provider = self.server.provider
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        with provider.lock:
            provider.gets.append(parts.path)
        if provider.misbehave.down:
            self._answer(503, {"error": "temporarily_unavailable"})
        elif parts.path.endswith("/.well-known/openid-configuration"):
            self._answer(200, provider.discovery())
        elif parts.path.endswith("/jwks"):
            self._answer(200, provider.jwks())
        elif parts.path.endswith("/authorize"):
            self.send_response(302)
            self.send_header("Location", provider.authorize(query))
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._answer(404, {"error": "not_found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        provider = self.server.provider
        if provider.misbehave.down or not self.path.endswith("/token"):
            self._answer(503, {"error": "temporarily_unavailable"})
            return
        self._answer(*provider.token(form, self.headers.get("Authorization", "")))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, provider: OidcProvider) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.provider = provider


def running_provider(path: str = "") -> Iterator[OidcProvider]:
    """Serve an OidcProvider (its issuer ending in ``path``) until the generator is closed."""
    provider = OidcProvider(path=path)
    server = _Server(provider)
    provider.issuer = f"http://127.0.0.1:{server.server_address[1]}{path}"
    with serving(server):
        yield provider


def provider_table(provider: OidcProvider, name: str = "Test IdP", **keys: Any) -> dict[str, Any]:
    """The ``[[web.oidc]]`` table of ``provider``."""
    table = {"name": name, "issuer": provider.issuer, "client_id": CLIENT_ID}
    return table | {"client_secret_env": SECRET_ENV} | keys


@pytest.fixture
def oidc_provider() -> Iterator[OidcProvider]:
    """A provider whose person is olga@org.example, address verified."""
    yield from running_provider()
