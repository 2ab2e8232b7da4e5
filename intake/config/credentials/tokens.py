"""Access tokens, the provider protocol, and the cache that refreshes them before they expire."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)

#: A token is renewed when less than this many seconds (or half its lifetime) remain.
REFRESH_MARGIN = 300.0
#: The lifetime assumed when a token endpoint does not say (``expires_in`` missing).
DEFAULT_LIFETIME = 3600.0


@dataclass(frozen=True)
class AccessToken:
    """A bearer token and how many seconds it was issued for; the value never prints."""

    value: str = field(repr=False)
    lifetime: float = DEFAULT_LIFETIME


class TokenProvider(Protocol):
    """Gets a new access token from the provider (one network round trip)."""

    def fetch(self) -> AccessToken:
        """A fresh token; OAuth2Error when the provider refuses or cannot be reached."""


@dataclass
class TokenStats:
    """What the cache has done, for tests, benchmarks and logs."""

    fetches: int = 0
    reused: int = 0
    fetch_seconds: float = 0.0


class TokenSource:
    """Hands out a cached access token, fetching a new one when it nears expiry or on demand.

    ``token(fresh=True)`` is for the retry after a server refused the cached token
    (revoked, or expired early); one lock keeps threads from fetching twice.
    """

    def __init__(
        self,
        provider: TokenProvider,
        *,
        margin: float = REFRESH_MARGIN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._provider = provider
        self._margin = margin
        self._clock = clock
        self._lock = threading.Lock()
        self._value = ""
        self._renew_at = 0.0
        self.stats = TokenStats()

    def token(self, *, fresh: bool = False) -> str:
        """The access token to send; a new one when ``fresh`` or the cached one is due."""
        with self._lock:
            now = self._clock()
            if fresh or not self._value or now >= self._renew_at:
                self._refresh(now, "asked for a fresh one" if fresh else "due")
            else:
                self.stats.reused += 1
            return self._value

    def _refresh(self, now: float, why: str) -> None:
        started = time.monotonic()
        token = self._provider.fetch()
        self.stats.fetches += 1
        self.stats.fetch_seconds += time.monotonic() - started
        self._value = token.value
        self._renew_at = now + token.lifetime - min(self._margin, token.lifetime / 2)
        log.debug("new OAuth2 access token (%s), valid %.0f s", why, token.lifetime)


def lifetime_of(expires_in: object) -> float:
    """``expires_in`` from a token response as seconds; the default when missing or bad."""
    try:
        seconds = float(expires_in)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_LIFETIME
    return seconds if seconds > 0 else DEFAULT_LIFETIME
