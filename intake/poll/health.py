"""The health of the service: each part read, judged, and turned into a state and reasons.

Healthy only when the last poll succeeded within ``[schedule] overdue_after`` (default three
intervals) or the daemon's IDLE connection is live, no acknowledgement is overdue, and the
database and the outbox folder are writable. During a daemon's first cycle it is ``starting``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.poll.disks import Disk, check_disks
from intake.poll.health_parts import (
    Cycle,
    Daemon,
    Outbox,
    database_writable,
    dispositions,
    ended_since,
    read_cycle,
    read_daemon,
    read_outbox,
)
from storage.models import utcnow

HEALTHY, UNHEALTHY, STARTING = "healthy", "unhealthy", "starting"


@dataclass(frozen=True)
class Health:
    """What ``intake status`` and the metrics report."""

    checked_at: datetime
    state: str
    reasons: tuple[str, ...]
    cycle: Cycle = field(default_factory=Cycle)
    daemon: Daemon = field(default_factory=Daemon)
    outbox: Outbox = field(default_factory=Outbox)
    database_error: str | None = None
    disks: tuple[Disk, ...] = ()
    messages: dict[str, int] = field(default_factory=dict)
    database_reachable: bool = True

    @property
    def healthy(self) -> bool:
        """Whether the state is ``healthy``."""
        return self.state == HEALTHY


def unreachable(error: str, config: Config) -> Health:
    """The health when the database cannot be opened at all."""
    reason = f"the database cannot be reached: {error}"
    disks = tuple(check_disks(config))
    return Health(
        utcnow(), UNHEALTHY, (reason,), database_error=error, disks=disks, database_reachable=False
    )


def check_health(
    sessions: sessionmaker[Session], config: Config, now: datetime | None = None
) -> Health:
    """Read every part and judge them."""
    now = now or utcnow()
    claim = config.schedule.claim_seconds
    with sessions() as session:
        cycle = read_cycle(session, now, claim)
        daemon = read_daemon(session, now, claim)
        outbox = read_outbox(session, now, config.acknowledgements.send_interval)
        first = daemon.started is not None and not ended_since(session, daemon.started)
        messages = dispositions(session)
    young = daemon.started is not None and now - daemon.started < _overdue(config)
    starting = daemon.running and first and young
    database_error = database_writable(sessions, now)
    disks = tuple(check_disks(config))
    reasons = _storage_reasons(database_error, disks) + _outbox_reasons(outbox, now)
    if not starting:
        reasons += _cycle_reasons(cycle, daemon, now, config)
    state = UNHEALTHY if reasons else (STARTING if starting else HEALTHY)
    return Health(
        now, state, tuple(reasons), cycle, daemon, outbox, database_error, disks, messages
    )


def _overdue(config: Config) -> timedelta:
    return timedelta(seconds=config.schedule.overdue_seconds)


def _cycle_reasons(cycle: Cycle, daemon: Daemon, now: datetime, config: Config) -> list[str]:
    if cycle.result is None:
        return ["no poll has finished yet"]
    if cycle.result == "died":
        return [cycle.error or "the last poll died"]
    if cycle.result != "ok":
        return [f"the last poll failed: {cycle.error}"]
    overdue = _overdue(config)
    stale = cycle.last_success is None or now - cycle.last_success > overdue
    if stale and not daemon.idle_live:
        return [f"no successful poll in the last {int(overdue.total_seconds())} s"]
    return []


def _outbox_reasons(outbox: Outbox, now: datetime) -> list[str]:
    if not outbox.overdue or outbox.oldest_due is None:
        return []
    age = int((now - outbox.oldest_due).total_seconds())
    return [
        f"{outbox.overdue} acknowledgement(s) overdue: the oldest was due {age} s ago "
        f"(overdue after {outbox.overdue_after_seconds} s)"
    ]


def _storage_reasons(database_error: str | None, disks: tuple[Disk, ...]) -> list[str]:
    reasons = []
    if database_error is not None:
        reasons.append(f"the database cannot be written: {database_error}")
    reasons += [
        f"the {disk.holds} folder cannot be written: {disk.error}"
        for disk in disks
        if not disk.writable
    ]
    return reasons
