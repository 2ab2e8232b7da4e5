"""Waits on the IMAP folder with IDLE (RFC 2177) and calls back as soon as new mail is announced."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from imapclient.exceptions import IMAPClientError

from intake.config.settings import MailboxConfig
from intake.errors import MailboxConnectionLost, MailboxError
from intake.mailbox.imap import MAX_RECONNECT_WAIT, TRANSIENT_ERRORS, ImapMailbox

__all__ = ["CHECK_SECONDS", "IdleState", "IdleWatcher"]

log = logging.getLogger(__name__)

#: The longest one wait for the server lasts before the stop event is looked at again.
CHECK_SECONDS = 1.0
#: Untagged responses that announce new mail in the selected folder.
NEW_MAIL = frozenset({b"EXISTS", b"RECENT"})
DROPPED = (MailboxError, IMAPClientError, *TRANSIENT_ERRORS)


@dataclass
class IdleState:
    """What the watcher has done, for the daemon, tests and benchmarks (read from other threads)."""

    live: bool = False
    idle_commands: int = 0
    announcements: int = 0
    reconnects: int = 0


class IdleWatcher:
    """One dedicated connection in IDLE; ``on_new_mail`` is called when mail may have arrived.

    It is called after every (re)connection too, since mail may have come while no one listened.
    A drop is retried with a doubling wait (``first_wait`` up to MAX_RECONNECT_WAIT) until
    ``stop`` is set; one log line says it went down and one that it came back.
    """

    def __init__(
        self,
        config: MailboxConfig,
        on_new_mail: Callable[[], None],
        stop: threading.Event,
        *,
        check_seconds: float = CHECK_SECONDS,
        first_wait: float = 1.0,
    ) -> None:
        self._config = config
        self._on_new_mail = on_new_mail
        self._stop = stop
        self._check_seconds = check_seconds
        self._first_wait = first_wait
        self.state = IdleState()
        self._failures = 0
        self._down_since = 0.0

    def run(self) -> bool:
        """Watch until ``stop`` is set; False at once when the server does not offer IDLE."""
        while not self._stop.is_set():
            try:
                if not self._session():
                    return False
            except DROPPED as exc:
                if self._failures == 0:
                    log.warning("IDLE connection down: %s; reconnecting with backoff", exc)
                    self._down_since = time.monotonic()
                self._stop.wait(min(self._first_wait * 2**self._failures, MAX_RECONNECT_WAIT))
                self._failures += 1
        return True

    def _session(self) -> bool:
        """One connection: log in, examine the folder, IDLE until stopped (True) or dropped."""
        mailbox = ImapMailbox(self._config)
        try:
            client = mailbox.examine()
            if not client.has_capability("IDLE"):
                return False
            self._came_up(mailbox.name)
            self._watch(client)
            return True
        finally:
            self.state.live = False
            mailbox.close()

    def _came_up(self, name: str) -> None:
        if self._failures:
            self.state.reconnects += 1
            down = time.monotonic() - self._down_since
            log.info("IDLE connection back after %d attempt(s), %.1f s down", self._failures, down)
        else:
            log.info("IDLE: waiting for new mail in %s %s", name, self._config.folder)
        self._failures = 0
        self.state.live = True
        self._on_new_mail()  # what arrived before IDLE began is not announced

    def _watch(self, client: Any) -> None:
        """IDLE, re-issued every ``idle_renew_seconds``, until ``stop`` is set or it drops."""
        while not self._stop.is_set():
            client.idle()
            self.state.idle_commands += 1
            self._wait(client, time.monotonic() + self._config.idle_renew_seconds)
            _, responses = client.idle_done()
            self._handle(responses)

    def _wait(self, client: Any, renew_at: float) -> None:
        """Short waits for announcements; returns to re-issue, to stop or to check a silent close.

        ``idle_check`` swallows an end of file: a wait that ends early with nothing read means
        the server may have closed, and the DONE that follows finds out.
        """
        while not self._stop.is_set() and (started := time.monotonic()) < renew_at:
            timeout = min(self._check_seconds, renew_at - started)
            responses = client.idle_check(timeout=timeout)
            self._handle(responses)
            if not responses and time.monotonic() - started < timeout / 2:
                return

    def _handle(self, responses: Sequence[Any]) -> None:
        """Call back on EXISTS or RECENT; raise on BYE (the server is closing the connection)."""
        announced = False
        for response in responses:
            if not isinstance(response, tuple) or len(response) < 2:
                continue
            if response[0] == b"BYE":
                text = _text(response[1])
                raise MailboxConnectionLost(f"the server closed the connection: {text}")
            announced = announced or response[1] in NEW_MAIL
        if announced:
            self.state.announcements += 1
            self._on_new_mail()


def _text(value: object) -> str:
    """A server's response text on one line."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())
