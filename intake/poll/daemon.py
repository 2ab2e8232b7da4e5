"""The daemon: polls when IDLE announces mail and on schedules, sends acknowledgements, never two
polls or two sends at once, and stops cleanly on SIGTERM/SIGINT."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from datetime import UTC, datetime
from types import FrameType

from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler

from intake.config.runtime import Runtime
from intake.mailbox.open import open_mailbox
from intake.poll.analysis import Analyser
from intake.poll.cycle import PollReport, poll_once, send_acknowledgements
from intake.poll.daemon_runs import DaemonRecord
from intake.poll.metrics import CycleCounters, serve_metrics
from intake.poll.progress import Progress
from intake.poll.wakeup import Wakeup, start_wakeup
from intake.poll.workers import pooled_extractor

log = logging.getLogger(__name__)


# How long the acknowledgements of a poll wait for a send that holds the outbox guard.
SEND_WAIT_SECONDS = 30.0


class Daemon:
    """Runs ``poll_once`` every ``[schedule] poll_interval`` seconds until told to stop, and at
    once when the IDLE connection announces new mail."""

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        self._stop = threading.Event()
        self._poll_lock = threading.Lock()
        self._scheduler = BlockingScheduler(timezone="UTC")
        self.last_report: PollReport | None = None
        # The worker pool lives as long as run(); a poll outside run() makes its own.
        self._analyser: Analyser | None = None
        self._wakeup: Wakeup | None = None
        self._counters = CycleCounters()

    @property
    def idle_live(self) -> bool:
        """Whether an IDLE connection is waiting for new mail right now."""
        return self._wakeup is not None and self._wakeup.live

    def run(self) -> None:
        """Block until SIGTERM or SIGINT; the current message is finished first."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        # The workers start first: the first poll, due at once, must not be missed meanwhile.
        extractor = pooled_extractor(self._runtime.config)
        try:
            extractor.start()
            self._analyser = Analyser(self._runtime.config, extractor)
            self._schedule_polling()
            self._schedule_sending()
            self._wakeup = start_wakeup(
                self._runtime.config.mailbox,
                self._poll_lock,
                self._cycle,
                self._stop,
                self._runtime.config.schedule.poll_interval,
            )
            with self._record(), serve_metrics(self._runtime, self._counters):
                self._scheduler.start()
        finally:
            self._stop.set()
            if self._wakeup is not None:
                self._wakeup.join()
            self._analyser = None
            extractor.close()
        log.info("daemon stopped")

    def _record(self) -> DaemonRecord:
        """This process's row for ``intake status``: start, heartbeat, IDLE state."""
        beat = self._runtime.config.schedule.heartbeat_seconds
        return DaemonRecord(self._runtime.sessions, beat, lambda: self.idle_live)

    def _schedule_polling(self) -> None:
        """A full poll now and every ``poll_interval`` seconds (with IDLE: the safety net)."""
        interval = self._runtime.config.schedule.poll_interval
        self._scheduler.add_job(
            self.poll,
            "interval",
            seconds=interval,
            id="poll",
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )
        log.info("daemon started: polling every %s s", interval)

    def poll(self) -> None:
        """One cycle, skipped if another is still running."""
        if not self._poll_lock.acquire(blocking=False):
            log.warning("previous poll still running; this one is skipped")
            return
        self._cycle()

    def _cycle(self) -> None:
        """One poll and the acknowledgements it made due; the caller holds ``_poll_lock``."""
        try:
            mailbox = open_mailbox(self._runtime.config.mailbox)
            try:
                report = poll_once(
                    self._runtime.config,
                    self._runtime.sessions,
                    mailbox,
                    should_stop=self._stop.is_set,
                    progress=Progress(live=False),
                    analyser=self._analyser,
                )
            finally:
                mailbox.close()
            self._send_now(report)
            self.last_report = report
            self._counters.add(report)
            log.info("poll finished: %s", report.summary())
        finally:
            self._poll_lock.release()
        if self._stop.is_set():
            self._shutdown()

    def _send_now(self, report: PollReport) -> None:
        """Send what the poll stored even when a scheduled send held the outbox meanwhile."""
        skipped = report.acknowledgements is not None and report.acknowledgements.skipped
        if skipped and not self._stop.is_set():
            report.acknowledgements = send_acknowledgements(
                self._runtime.config,
                self._runtime.sessions,
                self._stop.is_set,
                wait_seconds=SEND_WAIT_SECONDS,
            )

    def send(self) -> None:
        """Send due acknowledgements (the lock in intake.acks.sender keeps it to one at a time)."""
        report = send_acknowledgements(
            self._runtime.config, self._runtime.sessions, self._stop.is_set
        )
        if report is not None and (report.sent or report.retried or report.failed):
            log.info("%s", report.summary())

    def _schedule_sending(self) -> None:
        """Between polls, the outbox is drained every ``send_interval`` seconds."""
        acks = self._runtime.config.acknowledgements
        if acks.transport == "off":
            return
        self._scheduler.add_job(
            self.send,
            "interval",
            seconds=acks.send_interval,
            id="send",
            max_instances=1,
            coalesce=True,
        )

    def stop(self) -> None:
        """Ask the daemon to stop after the current message."""
        self._stop.set()
        if not self._poll_lock.locked():
            self._shutdown()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping after the current message", signal.Signals(signum).name)
        self.stop()

    def _shutdown(self) -> None:
        # The signal handler and the finishing poll may both get here.
        with contextlib.suppress(SchedulerNotRunningError):
            self._scheduler.shutdown(wait=False)
