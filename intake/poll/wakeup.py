"""The daemon's wake-up: an IDLE watcher and the poll it triggers, each in a thread of its own."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from intake.config.settings import Config, MailboxConfig
from intake.mailbox.idle import CHECK_SECONDS, IdleWatcher

__all__ = ["IdleSlot", "Wakeup", "start_wakeup"]

log = logging.getLogger(__name__)


class Wakeup:
    """Runs ``cycle`` (holding ``lock``, which it releases) soon after each announcement.

    A wake-up that comes while a poll runs is kept and served when that poll ends, so mail
    announced after the running poll searched the folder is not left for the next interval.
    """

    def __init__(
        self,
        config: MailboxConfig,
        lock: threading.Lock,
        cycle: Callable[[], None],
        stop: threading.Event,
        poll_interval: int,
    ) -> None:
        self._lock = lock
        self._cycle = cycle
        self._stop = stop
        self._poll_interval = poll_interval
        self._pending = threading.Event()
        self.watcher = IdleWatcher(config, self._pending.set, stop)
        self._threads = [
            threading.Thread(target=self._watch, name="intake-idle"),
            threading.Thread(target=self._serve, name="intake-wakeup"),
        ]

    @property
    def live(self) -> bool:
        """Whether the IDLE connection is up and waiting right now."""
        return self.watcher.state.live

    def start(self) -> None:
        """Start both threads."""
        for thread in self._threads:
            thread.start()

    def join(self) -> None:
        """Wait for both threads to end (set ``stop`` first); a running poll is finished."""
        for thread in self._threads:
            thread.join()

    def _watch(self) -> None:
        fallback = f"polling every {self._poll_interval} s only"
        try:
            if not self.watcher.run():
                log.info("IDLE: the server does not offer it; %s", fallback)
        except Exception as exc:  # a bug in the watcher must leave the daemon polling
            log.error("IDLE watcher failed: %s: %s; %s", type(exc).__name__, exc, fallback)

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not self._pending.wait(CHECK_SECONDS):
                continue
            if not self._lock.acquire(timeout=CHECK_SECONDS):
                continue  # a poll is running: serve the wake-up after it
            self._pending.clear()
            try:
                self._cycle()
            except Exception as exc:  # a bug in one poll must not end the wake-ups
                log.error("triggered poll failed: %s: %s", type(exc).__name__, exc)


def start_wakeup(
    config: MailboxConfig,
    lock: threading.Lock,
    cycle: Callable[[], None],
    stop: threading.Event,
    poll_interval: int,
) -> Wakeup | None:
    """A started Wakeup for an IMAP mailbox with ``idle`` on; None (polling only) otherwise."""
    if config.kind != "imap":
        return None
    if not config.idle:
        log.info("IDLE off (mailbox.idle = false): polling every %s s", poll_interval)
        return None
    wakeup = Wakeup(config, lock, cycle, stop, poll_interval)
    wakeup.start()
    return wakeup


class IdleSlot:
    """The daemon's one Wakeup at a time: opened for a config, closed (and opened again for a
    new ``[mailbox]``) without stopping the daemon."""

    def __init__(self, lock: threading.Lock, cycle: Callable[[], None]) -> None:
        self._lock = lock
        self._cycle = cycle
        self._stop = threading.Event()
        self._wakeup: Wakeup | None = None

    @property
    def live(self) -> bool:
        """Whether an IDLE connection is waiting for new mail right now."""
        return self._wakeup is not None and self._wakeup.live

    def open(self, config: Config) -> None:
        """Start waiting on ``config``'s mailbox (nothing for a Maildir or ``idle = false``)."""
        self._stop = threading.Event()
        interval = config.schedule.poll_interval
        self._wakeup = start_wakeup(config.mailbox, self._lock, self._cycle, self._stop, interval)

    def ask_stop(self) -> None:
        """Make the threads end soon (safe from a signal handler)."""
        self._stop.set()

    def close(self) -> None:
        """End the IDLE connection; a poll it started is finished first."""
        self._stop.set()
        if self._wakeup is not None:
            self._wakeup.join()
            self._wakeup = None
