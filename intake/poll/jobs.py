"""The daemon's timed jobs: a poll every ``poll_interval``, a send every ``send_interval``, and
both rescheduled when a reload changes them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.base import BaseScheduler

from intake.config.settings import Config

__all__ = ["Jobs"]

log = logging.getLogger(__name__)


class Jobs:
    """Adds the ``poll`` and ``send`` jobs to ``scheduler`` and keeps them to the config."""

    def __init__(
        self, scheduler: BaseScheduler, poll: Callable[[], None], send: Callable[[], None]
    ) -> None:
        self._scheduler = scheduler
        self._poll = poll
        self._send = send

    def add(self, config: Config) -> None:
        """A full poll now and every ``poll_interval`` seconds (with IDLE: the safety net);
        between polls, the outbox drained every ``send_interval`` seconds."""
        interval = config.schedule.poll_interval
        self._scheduler.add_job(
            self._poll,
            "interval",
            seconds=interval,
            id="poll",
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )
        log.info("daemon started: polling every %s s", interval)
        self._add_sending(config)

    def _add_sending(self, config: Config) -> None:
        acks = config.acknowledgements
        if acks.transport == "off":
            return
        self._scheduler.add_job(
            self._send,
            "interval",
            seconds=acks.send_interval,
            id="send",
            max_instances=1,
            coalesce=True,
        )

    def update(self, old: Config, new: Config) -> None:
        """New intervals, and sending started or stopped with the transport, take effect now."""
        interval = new.schedule.poll_interval
        if interval != old.schedule.poll_interval:
            self._scheduler.reschedule_job("poll", trigger="interval", seconds=interval)
        before, after = old.acknowledgements, new.acknowledgements
        if (before.transport, before.send_interval) != (after.transport, after.send_interval):
            if self._scheduler.get_job("send") is not None:
                self._scheduler.remove_job("send")
            self._add_sending(new)
