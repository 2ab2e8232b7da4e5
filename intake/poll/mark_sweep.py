"""When a poll also asks the server for stored messages shown unmarked: at start, then hourly."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

#: A sweep costs a SELECT and a SEARCH of the whole folder; a lost mark is cosmetic for the
#: service (the ledger, not the keyword, decides what is new), so once an hour is enough.
SWEEP_SECONDS = 3600.0


@dataclass
class MarkSweep:
    """Says whether this poll sweeps: the first of the process, then one an hour."""

    every_seconds: float = SWEEP_SECONDS
    clock: Callable[[], float] = time.monotonic
    _last: float | None = None

    def due(self) -> bool:
        """Whether to sweep now; a yes counts as the sweep done."""
        now = self.clock()
        if self._last is not None and now - self._last < self.every_seconds:
            return False
        self._last = now
        return True
