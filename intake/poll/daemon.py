"""The daemon: polls when IDLE announces mail and on schedules, sends acknowledgements, never two
polls or two sends at once, re-reads its config on SIGHUP or a new file, stops on SIGTERM/SIGINT."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from pathlib import Path
from types import FrameType

from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.background import BackgroundScheduler

from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.mailbox.open import open_mailbox
from intake.poll.cycle import PollReport, poll_once, send_acknowledgements
from intake.poll.daemon_runs import DaemonRecord
from intake.poll.jobs import Jobs
from intake.poll.mark_sweep import MarkSweep
from intake.poll.metrics import CycleCounters, serve_metrics
from intake.poll.progress import Progress
from intake.poll.readers import Readers
from intake.poll.reload import Reloader
from intake.poll.wakeup import IdleSlot

log = logging.getLogger(__name__)


# How long the acknowledgements of a poll wait for a send that holds the outbox guard.
SEND_WAIT_SECONDS = 30.0
# Python runs signal handlers in the main thread only, and only when it wakes up: a signal the
# kernel hands to another thread (IDLE, workers' pipes) waits for that. The main thread wakes
# this often, so SIGTERM and SIGHUP are served within this time whichever thread got them.
SIGNAL_SECONDS = 0.5


class Daemon:
    """Runs ``poll_once`` every ``[schedule] poll_interval`` seconds until told to stop, and at
    once when the IDLE connection announces new mail.

    A config re-read from ``config_path`` (default: the file the config came from) is taken
    between cycles: a running poll or send finishes under the config it started with.
    """

    def __init__(self, runtime: Runtime, config_path: Path | None = None) -> None:
        self._config = runtime.config
        self._sessions = runtime.sessions
        self._stop = threading.Event()
        self._poll_lock = threading.Lock()
        self._scheduler = BackgroundScheduler(timezone="UTC")
        self._jobs = Jobs(self._scheduler, self.poll, self.send)
        self.last_report: PollReport | None = None
        # The worker pool lives as long as run(); a poll outside run() makes its own.
        self._mark_sweep = MarkSweep()
        self._readers = Readers()
        self._counters = CycleCounters()
        self._idle = IdleSlot(self._poll_lock, self._cycle)
        path = config_path or runtime.config.source
        self._reloader = Reloader(path, lambda: self._config, self._apply, self._stop)

    @property
    def config(self) -> Config:
        """The config the next cycle runs with."""
        return self._config

    @property
    def idle_live(self) -> bool:
        """Whether an IDLE connection is waiting for new mail right now."""
        return self._idle.live

    def run(self) -> None:
        """Block until SIGTERM or SIGINT; the current message is finished first."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        signal.signal(signal.SIGHUP, self._on_hangup)
        # The workers start first: the first poll, due at once, must not be missed meanwhile.
        self._readers.start(self._config)
        # The daemon's row and the metrics outlive the shutdown below: status says "running"
        # until the poll in hand has finished.
        with contextlib.ExitStack() as running:
            try:
                self._jobs.add(self._config)
                self._idle.open(self._config)
                self._reloader.start()
                running.enter_context(self._record())
                running.enter_context(
                    serve_metrics(self._sessions, lambda: self.config, self._counters)
                )
                self._scheduler.start()
                while not self._stop.wait(SIGNAL_SECONDS):
                    pass
            finally:
                self._stop.set()
                self._shutdown()  # a running poll or send finishes its current message first
                self._reloader.ask()
                self._idle.close()
                self._reloader.join()
                self._readers.close()
        log.info("daemon stopped")

    def _record(self) -> DaemonRecord:
        """This process's row for ``intake status``: start, heartbeat, IDLE state."""
        beat = self._config.schedule.heartbeat_seconds
        return DaemonRecord(self._sessions, beat, lambda: self.idle_live)

    def poll(self) -> None:
        """One cycle, skipped if another is still running."""
        if not self._poll_lock.acquire(blocking=False):
            log.warning("previous poll still running; this one is skipped")
            return
        self._cycle()

    def _cycle(self) -> None:
        """One poll and the acknowledgements it made due; the caller holds ``_poll_lock``.

        The config and the readers are taken once, at the start: a reload waits for the lock.
        """
        config, analyser = self._config, self._readers.analyser
        try:
            mailbox = open_mailbox(config.mailbox)
            try:
                report = poll_once(
                    config,
                    self._sessions,
                    mailbox,
                    should_stop=self._stop.is_set,
                    progress=Progress(live=False),
                    analyser=analyser,
                    sweep=self._mark_sweep,
                )
            finally:
                mailbox.close()
            self._send_now(config, report)
            self.last_report = report
            self._counters.add(report)
            log.info("poll finished: %s", report.summary())
        finally:
            self._poll_lock.release()

    def _send_now(self, config: Config, report: PollReport) -> None:
        """Send what the poll stored even when a scheduled send held the outbox meanwhile."""
        skipped = report.acknowledgements is not None and report.acknowledgements.skipped
        if skipped and not self._stop.is_set():
            report.acknowledgements = send_acknowledgements(
                config,
                self._sessions,
                self._stop.is_set,
                wait_seconds=SEND_WAIT_SECONDS,
            )

    def send(self) -> None:
        """Send due acknowledgements (the lock in intake.acks.sender keeps it to one at a time)."""
        report = send_acknowledgements(self._config, self._sessions, self._stop.is_set)
        if report is not None and (report.sent or report.retried or report.failed):
            log.info("%s", report.summary())

    def stop(self) -> None:
        """Ask the daemon to stop after the current message."""
        self._stop.set()
        self._idle.ask_stop()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping after the current message", signal.Signals(signum).name)
        self.stop()

    def _on_hangup(self, _signum: int, _frame: FrameType | None) -> None:
        log.info("received SIGHUP: re-reading the config")
        self._reloader.ask()

    def _apply(self, new: Config) -> bool:
        """Take ``new`` from the next cycle on; a running poll is finished first. The worker
        pool is rebuilt only when its settings changed, the IDLE connection only when the
        mailbox's did. False when the daemon is stopping (nothing taken)."""
        old = self._config
        while not self._poll_lock.acquire(timeout=1.0):
            if self._stop.is_set():
                return False
        try:
            if self._stop.is_set():
                return False
            self._readers.update(old, new)
            self._config = new
        finally:
            self._poll_lock.release()
        if self._stop.is_set():  # the scheduler and the IDLE slot are being shut down
            return True
        self._jobs.update(old, new)
        if new.mailbox != old.mailbox:
            self._idle.close()
            self._idle.open(new)
        return True

    def _shutdown(self) -> None:
        """Stop scheduling; wait for a running poll or send (they stop after one message)."""
        with contextlib.suppress(SchedulerNotRunningError):
            self._scheduler.shutdown(wait=True)
