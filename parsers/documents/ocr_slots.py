"""A cap on Tesseract runs shared by processes: one lock file a run, freed if its holder dies.

The worker pool gives every worker the same ``OcrSlots`` (as many slots as workers), so the
pages of one scan can be read at once on cores whose workers are idle, while the Tesseracts
of all the workers together never outnumber the workers. A slot is an ``flock`` on a file of
its own: the kernel drops the lock when the process holding it exits, killed or not, so a
worker stopped at its time cap never leaves a slot taken.
"""

from __future__ import annotations

import fcntl
import os
import time
from dataclasses import dataclass
from pathlib import Path

#: How often a process waiting for a slot tries again.
RETRY_SECONDS = 0.05


@dataclass(frozen=True)
class OcrSlots:
    """``count`` slots as lock files in ``directory`` (made by whoever shares them)."""

    directory: str
    count: int

    def take(self, until: float | None = None) -> Slot | None:
        """A free slot; with ``until`` (a ``time.monotonic()`` value), wait for one until then.

        None when every slot stayed taken; OSError when the directory cannot be used.
        """
        while True:
            for index in range(self.count):
                slot = _try_lock(Path(self.directory) / f"slot-{index}")
                if slot is not None:
                    return slot
            if until is None or time.monotonic() >= until:
                return None
            time.sleep(min(RETRY_SECONDS, max(0.0, until - time.monotonic())))


class Slot:
    """One taken slot; ``release`` (or the end of the process) gives it back."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        """Give the slot back (closing the file drops its lock)."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


def _try_lock(path: Path) -> Slot | None:
    """The slot of ``path`` if no one holds it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    except BaseException:
        os.close(descriptor)
        raise
    return Slot(descriptor)
