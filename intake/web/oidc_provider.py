"""One OpenID Connect provider's discovery document and signing keys, fetched and cached.

Both come only from the configured issuer's discovery document (and the ``jwks_uri`` it
names), with a timeout, and are kept for ``CACHE_SECONDS``; keys are fetched again at once
when a token is signed by a key not seen yet, as after a rotation (such a fetch at most once
a minute, so that tokens of made-up key ids cannot make the console hammer the provider).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from intake.config.oauth2 import is_loopback
from intake.config.oidc import OidcProviderConfig
from intake.errors import SignInRefused

#: Seconds to wait for the provider on every HTTP call.
TIMEOUT_SECONDS = 10
CACHE_SECONDS = 3600
KEY_REFRESH_SECONDS = 60
MAX_DOCUMENT_BYTES = 512 * 1024
#: Signature algorithms accepted for ID tokens (never "none", never a shared-secret HMAC).
SAFE_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")


@dataclass(frozen=True)
class ProviderMetadata:
    """What this console uses of a discovery document."""

    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    algorithms: tuple[str, ...]
    token_auth_method: str


class OidcProvider:
    """A configured provider with its cached discovery document and keys (thread-safe)."""

    def __init__(
        self, config: OidcProviderConfig, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.config = config
        self._clock = clock
        self._lock = threading.Lock()
        self._metadata: tuple[float, ProviderMetadata] | None = None
        self._keys: tuple[float, KeySet] | None = None
        self._forced_at: float | None = None

    def metadata(self) -> ProviderMetadata:
        """The discovery document's endpoints (cached); SignInRefused when it cannot be had."""
        with self._lock:
            if self._metadata and self._clock() - self._metadata[0] < CACHE_SECONDS:
                return self._metadata[1]
        url = f"{self.config.issuer}/.well-known/openid-configuration"
        metadata = parse_metadata(self.config, fetch_json(url))
        with self._lock:
            self._metadata = (self._clock(), metadata)
        return metadata

    def keys(self, kid: str | None) -> KeySet:
        """The provider's signing keys; fetched again when ``kid`` is not among the cached
        ones (a rotation), but not twice within ``KEY_REFRESH_SECONDS`` for that reason."""
        now = self._clock()
        with self._lock:
            cached, forced_at = self._keys, self._forced_at
        if cached is not None and now - cached[0] < CACHE_SECONDS:
            if kid is None or any(key.kid == kid for key in cached[1].keys):
                return cached[1]
            if forced_at is not None and now - forced_at < KEY_REFRESH_SECONDS:
                return cached[1]
            with self._lock:
                self._forced_at = now
        try:
            keys = KeySet.import_key_set(fetch_json(self.metadata().jwks_uri))  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            raise unusable("its signing keys (JWKS) cannot be read") from exc
        with self._lock:
            self._keys = (self._clock(), keys)
        return keys


def fetch_json(url: str) -> dict[str, Any]:
    """GET ``url`` as a JSON object, with the timeout; SignInRefused on any failure."""
    try:
        with requests.get(url, timeout=TIMEOUT_SECONDS, stream=True) as answer:
            answer.raise_for_status()
            body = answer.raw.read(MAX_DOCUMENT_BYTES + 1, decode_content=True)
    except requests.RequestException as exc:
        raise SignInRefused(
            "provider_unreachable", "The sign-in provider cannot be reached just now."
        ) from exc
    if len(body) > MAX_DOCUMENT_BYTES:
        raise unusable("a document it serves is too large")
    try:
        document = json.loads(body)
    except ValueError as exc:
        raise unusable("a document it serves is not JSON") from exc
    if not isinstance(document, dict):
        raise unusable("a document it serves is not a JSON object")
    return document


def parse_metadata(config: OidcProviderConfig, document: dict[str, Any]) -> ProviderMetadata:
    """The endpoints of a discovery document whose ``issuer`` is the configured one."""
    if document.get("issuer") != config.issuer:
        raise unusable("its discovery document names another issuer")
    offered = document.get("id_token_signing_alg_values_supported") or ["RS256"]
    algorithms = tuple(name for name in SAFE_ALGORITHMS if name in offered)
    if not algorithms:
        raise unusable("it signs ID tokens with no algorithm this console accepts")
    methods = document.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    method = "client_secret_basic" if "client_secret_basic" in methods else "client_secret_post"
    return ProviderMetadata(
        authorization_endpoint=_endpoint(document, "authorization_endpoint"),
        token_endpoint=_endpoint(document, "token_endpoint"),
        jwks_uri=_endpoint(document, "jwks_uri"),
        algorithms=algorithms,
        token_auth_method=method,
    )


def _endpoint(document: dict[str, Any], name: str) -> str:
    url = document.get(name)
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or not parts.hostname or not _plain(str(url)):
        raise unusable(f"its discovery document has no usable {name}")
    if parts.scheme != "https" and not (parts.scheme == "http" and is_loopback(parts.hostname)):
        raise unusable(f"its {name} is not an https:// URL")
    assert isinstance(url, str)
    return url


def _plain(url: str) -> bool:
    """Whether ``url`` is safe to put in a Location header: no space, no control character."""
    return all(char.isprintable() and not char.isspace() for char in url)


def unusable(why: str) -> SignInRefused:
    """The refusal for a provider whose answers cannot be used."""
    return SignInRefused("provider_error", f"The sign-in provider answered wrongly: {why}.")
