"""Prometheus metrics of the daemon on ``[metrics] listen``: the numbers ``intake status`` shows.

Gauges are read from the database at each scrape (the same reading as ``intake status``);
the message counters count what this process stored since it started.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.errors import IntakeError
from intake.poll.cycle import PollReport
from intake.poll.health import STARTING, Health, check_health
from storage.errors import StorageError

log = logging.getLogger(__name__)


class CycleCounters:
    """Messages stored and quarantined by this process, as Prometheus counters."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._stored = Counter(
            "intake_messages_stored", "Messages stored by this daemon", registry=self.registry
        )
        self._quarantined = Counter(
            "intake_messages_quarantined",
            "Messages quarantined by this daemon",
            registry=self.registry,
        )

    def add(self, report: PollReport) -> None:
        """Count one cycle's messages."""
        self._stored.inc(report.outcomes["stored"])
        self._quarantined.inc(report.dispositions["quarantined"])


class HealthCollector(Collector):
    """Reads the health at each scrape and reports it as gauges."""

    def __init__(self, sessions: sessionmaker[Session], config: Callable[[], Config]) -> None:
        self._sessions = sessions
        self._config = config  # read at each scrape: a reloaded config counts from then on

    def collect(self) -> Iterator[GaugeMetricFamily]:
        """The gauges; a database that cannot be read reports ``intake_healthy 0`` only."""
        try:
            health = check_health(self._sessions, self._config())
        except (IntakeError, StorageError) as exc:
            log.warning("metrics: cannot read the health: %s", exc)
            yield _gauge("intake_healthy", "1 when intake status says healthy", 0)
            return
        yield from _gauges(health)


def _gauge(name: str, text: str, value: float | None) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, text, value=float("nan") if value is None else value)


def _stamp(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def _gauges(health: Health) -> Iterator[GaugeMetricFamily]:
    cycle, outbox = health.cycle, health.outbox
    oldest = outbox.oldest_due
    yield _gauge("intake_healthy", "1 when intake status says healthy", int(health.healthy))
    yield _gauge("intake_starting", "1 during the daemon's first cycle", health.state == STARTING)
    yield _gauge(
        "intake_last_cycle_timestamp_seconds", "End of the last cycle", _stamp(cycle.finished)
    )
    yield _gauge("intake_last_cycle_duration_seconds", "Its duration", cycle.duration_seconds)
    yield _gauge(
        "intake_last_cycle_success", "1 when the last cycle succeeded", cycle.result == "ok"
    )
    yield _gauge(
        "intake_last_success_timestamp_seconds",
        "End of the last good cycle",
        _stamp(cycle.last_success),
    )
    yield _gauge("intake_idle_live", "1 while the IDLE connection is up", health.daemon.idle_live)
    yield _gauge("intake_outbox_pending", "Acknowledgements waiting to be sent", outbox.pending)
    yield _gauge("intake_outbox_overdue", "Acknowledgements overdue", outbox.overdue)
    age = (health.checked_at - oldest).total_seconds() if oldest is not None else 0
    yield _gauge(
        "intake_outbox_oldest_due_age_seconds", "Age of the oldest due acknowledgement", age
    )
    yield _gauge(
        "intake_database_writable",
        "1 when the database can be written",
        health.database_error is None,
    )
    free = GaugeMetricFamily(
        "intake_disk_free_bytes", "Free bytes of a folder's filesystem", labels=["holds"]
    )
    for disk in health.disks:
        free.add_metric([disk.holds], float("nan") if disk.free_bytes is None else disk.free_bytes)
    yield free


@contextmanager
def serve_metrics(
    sessions: sessionmaker[Session], config: Callable[[], Config], counters: CycleCounters
) -> Iterator[None]:
    """Serve ``/metrics`` on ``[metrics] listen`` while the block runs (nothing without it);
    the address is the one at start (``[metrics]`` needs a restart)."""
    metrics = config().metrics
    if metrics.host is None:
        yield
        return
    counters.registry.register(HealthCollector(sessions, config))
    try:
        server, thread = start_http_server(metrics.port, metrics.host, counters.registry)
    except OSError as exc:
        raise IntakeError(
            f"metrics: cannot listen on {metrics.host}:{metrics.port}: {exc}"
        ) from exc
    log.info("metrics: serving http://%s:%s/metrics", metrics.host, metrics.port)
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
