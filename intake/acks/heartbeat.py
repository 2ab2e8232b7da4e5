"""A background thread that renews a claim (or a running poll's sign of life) while work goes on."""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable
from types import TracebackType

from storage.errors import StorageError

log = logging.getLogger(__name__)


def holder_name() -> str:
    """A name for claims that no other process, here or on another host, uses."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def died_here(holder: str) -> bool:
    """Whether ``holder`` (a ``holder_name``) was a process of this host that no longer runs.

    A process of another host, or one whose id was reused, counts as alive: its claim is then
    only taken over when its lease runs out.
    """
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Heartbeat:
    """Calls ``beat`` every ``interval`` seconds between ``__enter__`` and ``__exit__``.

    A beat that fails (the database is down or full) is logged and tried again at the next
    interval: the work itself finds out soon enough, and a claim that is not renewed runs out,
    which is what a dead holder's claim should do.
    """

    def __init__(self, interval: float, beat: Callable[[], None], what: str) -> None:
        self._interval = interval
        self._beat = beat
        self._what = what
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"heartbeat {what}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._beat()
            except StorageError as error:
                log.warning("could not renew %s: %s", self._what, error)
