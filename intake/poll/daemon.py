"""The daemon: polls when IDLE announces mail and on schedules, sends acknowledgements, never two
polls or two sends at once, re-reads its config on SIGHUP or a new file, stops on SIGTERM/SIGINT."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler

from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.mailbox.open import open_mailbox
from intake.poll.analysis import Analyser
from intake.poll.cycle import PollReport, poll_once, send_acknowledgements
from intake.poll.progress import Progress
from intake.poll.reload import Reloader
from intake.poll.wakeup import Wakeup, start_wakeup
from intake.poll.workers import WorkerPoolExtractor, pool_settings, pooled_extractor

log = logging.getLogger(__name__)


# How long the acknowledgements of a poll wait for a send that holds the outbox guard.
SEND_WAIT_SECONDS = 30.0


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
        self._scheduler = BlockingScheduler(timezone="UTC")
        self.last_report: PollReport | None = None
        # The worker pool lives as long as run(); a poll outside run() makes its own.
        self._extractor: WorkerPoolExtractor | None = None
        self._analyser: Analyser | None = None
        self._wakeup: Wakeup | None = None
        self._wakeup_stop = threading.Event()
        path = config_path or runtime.config.source
        self._reloader = Reloader(path, lambda: self._config, self._apply, self._stop)

    @property
    def config(self) -> Config:
        """The config the next cycle runs with."""
        return self._config

    @property
    def idle_live(self) -> bool:
        """Whether an IDLE connection is waiting for new mail right now."""
        return self._wakeup is not None and self._wakeup.live

    def run(self) -> None:
        """Block until SIGTERM or SIGINT; the current message is finished first."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        signal.signal(signal.SIGHUP, self._on_hangup)
        # The workers start first: the first poll, due at once, must not be missed meanwhile.
        self._start_pool(self._config)
        try:
            self._schedule_polling()
            self._schedule_sending()
            self._start_wakeup()
            self._reloader.start()
            self._scheduler.start()
        finally:
            self._stop.set()
            self._reloader.ask()
            self._stop_wakeup()
            self._reloader.join()
            self._analyser = None
            if self._extractor is not None:
                self._extractor.close()
        log.info("daemon stopped")

    def _start_pool(self, config: Config) -> None:
        """A new worker pool for ``config`` (the caller closes the one it replaces)."""
        self._extractor = pooled_extractor(config)
        self._extractor.start()
        self._analyser = Analyser(config, self._extractor)

    def _start_wakeup(self) -> None:
        self._wakeup_stop = threading.Event()
        if self._stop.is_set():
            return
        config = self._config
        self._wakeup = start_wakeup(
            config.mailbox,
            self._poll_lock,
            self._cycle,
            self._wakeup_stop,
            config.schedule.poll_interval,
        )

    def _stop_wakeup(self) -> None:
        """Close the IDLE connection; a poll it started is finished first."""
        self._wakeup_stop.set()
        if self._wakeup is not None:
            self._wakeup.join()
            self._wakeup = None

    def _schedule_polling(self) -> None:
        """A full poll now and every ``poll_interval`` seconds (with IDLE: the safety net)."""
        interval = self._config.schedule.poll_interval
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
        """One poll and the acknowledgements it made due; the caller holds ``_poll_lock``.

        The config and the readers are taken once, at the start: a reload waits for the lock.
        """
        config, analyser = self._config, self._analyser
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
                )
            finally:
                mailbox.close()
            self._send_now(config, report)
            self.last_report = report
            log.info("poll finished: %s", report.summary())
        finally:
            self._poll_lock.release()
        if self._stop.is_set():
            self._shutdown()

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

    def _schedule_sending(self) -> None:
        """Between polls, the outbox is drained every ``send_interval`` seconds."""
        acks = self._config.acknowledgements
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
        self._wakeup_stop.set()
        if not self._poll_lock.locked():
            self._shutdown()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping after the current message", signal.Signals(signum).name)
        self.stop()

    def _on_hangup(self, _signum: int, _frame: FrameType | None) -> None:
        log.info("received SIGHUP: re-reading the config")
        self._reloader.ask()

    def _apply(self, new: Config) -> None:
        """Take ``new`` from the next cycle on; a running poll is finished first. The worker
        pool is rebuilt only when its settings changed, the IDLE connection only when the
        mailbox's did."""
        old = self._config
        while not self._poll_lock.acquire(timeout=1.0):
            if self._stop.is_set():
                return
        try:
            if pool_settings(new) != pool_settings(old):
                replaced = self._extractor
                self._start_pool(new)
                if replaced is not None:
                    replaced.close()
            self._analyser = Analyser(new, self._extractor) if self._extractor else None
            self._config = new
        finally:
            self._poll_lock.release()
        if self._stop.is_set():
            self._shutdown()
            return
        self._reschedule(old, new)
        if new.mailbox != old.mailbox:
            self._stop_wakeup()
            self._start_wakeup()

    def _reschedule(self, old: Config, new: Config) -> None:
        """New intervals and a sending schedule for a new transport take effect at once."""
        interval = new.schedule.poll_interval
        if interval != old.schedule.poll_interval:
            self._scheduler.reschedule_job("poll", trigger="interval", seconds=interval)
        before, after = old.acknowledgements, new.acknowledgements
        if (before.transport, before.send_interval) != (after.transport, after.send_interval):
            if self._scheduler.get_job("send") is not None:
                self._scheduler.remove_job("send")
            self._schedule_sending()

    def _shutdown(self) -> None:
        # The signal handler and the finishing poll may both get here.
        with contextlib.suppress(SchedulerNotRunningError):
            self._scheduler.shutdown(wait=False)
