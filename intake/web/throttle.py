"""Sign-in rate limits per account and per client address, kept in memory (one process)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

#: Failed sign-ins allowed within ``WINDOW_SECONDS`` before more are refused.
PER_ACCOUNT = 5
PER_ADDRESS = 20
WINDOW_SECONDS = 15 * 60


class SignInThrottle:
    """Counts failed sign-ins; a key over its limit is refused until the window passes.

    In memory: a restart forgets the counts, and two processes count apart (docs/web.md).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def refused(self, account: str, address: str) -> bool:
        """Whether a sign-in for ``account`` from ``address`` is refused now."""
        with self._lock:
            return (
                self._count(f"account:{account.casefold()}") >= PER_ACCOUNT
                or self._count(f"address:{address}") >= PER_ADDRESS
            )

    def failed(self, account: str, address: str) -> None:
        """Count one failed sign-in against both keys."""
        now = self._clock()
        with self._lock:
            for key in (f"account:{account.casefold()}", f"address:{address}"):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, account: str) -> None:
        """A good sign-in clears the account's failures (not the address's)."""
        with self._lock:
            self._failures.pop(f"account:{account.casefold()}", None)

    def _count(self, key: str) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        oldest = self._clock() - WINDOW_SECONDS
        while times and times[0] < oldest:
            times.popleft()
        if not times:
            del self._failures[key]
        return len(times)
