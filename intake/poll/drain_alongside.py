"""Drains the outbox while a poll is still storing: a candidate whose application is stored
early in a long backlog is acknowledged then, not when the last message is stored."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from intake.acks.report import SendReport
from intake.errors import IntakeError
from storage.errors import StorageError

log = logging.getLogger("intake.poll.cycle")

#: A drain starts at most this often: each costs a few queries even when nothing is due.
DRAIN_SPACING_SECONDS = 2.0
Drain = Callable[[], SendReport | None]


class DrainAlongside:
    """Between ``start`` and ``close``, a thread runs ``drain`` after applications are stored
    (``stored``), one drain at a time and at most every ``spacing`` seconds.

    A database or outbox folder that cannot be written (``IntakeError``, ``StorageError``
    from ``drain``) ends the drains alongside with a warning: the poll's last drain tries
    again and fails the poll in one line. A drain that left an acknowledgement to retry (the
    mail server down or refusing) ends them too, rather than trying one more every few
    seconds: the poll's last drain and the daemon's schedule go on as before. ``close`` waits
    for a drain in progress, which stops after its current acknowledgement when the poll is
    asked to stop.
    """

    def __init__(self, drain: Drain, spacing: float = DRAIN_SPACING_SECONDS) -> None:
        self._drain = drain
        self._spacing = spacing
        self._due = threading.Event()
        self._done = threading.Event()
        self._reports: list[SendReport] = []
        self._thread = threading.Thread(target=self._loop, name="outbox drain", daemon=True)

    def start(self) -> None:
        """Start the thread; it waits for the first stored application."""
        self._thread.start()

    def close(self) -> None:
        """End the thread once a drain in progress has ended."""
        self._done.set()
        self._due.set()
        self._thread.join()

    def stored(self) -> None:
        """An application was stored: its acknowledgement may be due."""
        self._due.set()

    def together(self, last: SendReport | None) -> SendReport | None:
        """What every drain of the poll sent, this thread's and the ``last`` one after it;
        what is still deferred (or skipped: another send held the outbox) is what the last
        one left."""
        reports = [*self._reports, *([last] if last is not None else [])]
        if not reports:
            return None
        final = last if last is not None else reports[-1]
        total = SendReport(deferred=final.deferred, skipped=final.skipped)
        for report in reports:
            total.sent += report.sent
            total.retried += report.retried
            total.failed += report.failed
            total.suppressed += report.suppressed
            total.problems += report.problems
        return total

    def _loop(self) -> None:
        while True:
            self._due.wait()
            if self._done.is_set():
                return
            self._due.clear()
            try:
                report = self._drain()
            except (IntakeError, StorageError) as exc:
                log.warning("acknowledgements not sent while polling: %s", exc)
                return
            if report is not None and not report.skipped:
                self._reports.append(report)
                if report.retried:
                    return
            if self._done.wait(self._spacing):
                return
