"""What ``intake status`` reads, part by part: last cycle, daemon and IDLE, outbox, database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from storage.database import database_errors, write_transaction
from storage.errors import StorageError
from storage.models import Acknowledgement, DaemonRun, Message, PollRun

# An acknowledgement due longer than max(3 x send_interval, this) is overdue.
MIN_OVERDUE_SECONDS = 15 * 60
PROBE_HOLDER = "intake status: write probe"


@dataclass(frozen=True)
class Cycle:
    """The last poll that ended (or died), the last successful one, and one running now."""

    started: datetime | None = None
    finished: datetime | None = None
    result: str | None = None  # "ok" | "failed" | "died"; None: no poll has ended
    error: str | None = None
    last_success: datetime | None = None
    running_since: datetime | None = None

    @property
    def duration_seconds(self) -> float | None:
        """How long the last cycle took."""
        if self.started is None or self.finished is None:
            return None
        return round((self.finished - self.started).total_seconds(), 3)


@dataclass(frozen=True)
class Daemon:
    """The newest ``intake run`` process and its IDLE connection, as its heartbeat row says."""

    running: bool = False
    started: datetime | None = None
    heartbeat: datetime | None = None
    idle_since: datetime | None = None

    @property
    def idle_live(self) -> bool:
        """Whether a running daemon's IDLE connection is up."""
        return self.running and self.idle_since is not None


@dataclass(frozen=True)
class Outbox:
    """The acknowledgement backlog: pending rows, the oldest due one, failed rows."""

    pending: int = 0
    failed: int = 0
    overdue: int = 0
    oldest_due: datetime | None = None
    overdue_after_seconds: int = MIN_OVERDUE_SECONDS


def overdue_after(send_interval: int) -> int:
    """Seconds after which a due acknowledgement counts as stuck."""
    return max(3 * send_interval, MIN_OVERDUE_SECONDS)


def read_cycle(session: Session, now: datetime, claim_seconds: int) -> Cycle:
    """The last ended poll; a ``running`` row whose heartbeat stopped counts as one that died."""
    stale = now - timedelta(seconds=claim_seconds)
    latest = session.scalars(select(PollRun).order_by(PollRun.id.desc()).limit(1)).first()
    success = session.scalar(select(func.max(PollRun.finished_at)).where(PollRun.status == "ok"))
    running = latest if latest is not None and latest.status == "running" else None
    if running is not None and (running.heartbeat_at or running.started_at) < stale:
        return Cycle(running.started_at, running.heartbeat_at, "died", _died(running), success)
    ended = session.scalars(
        select(PollRun).where(PollRun.status != "running").order_by(PollRun.id.desc()).limit(1)
    ).first()
    since = running.started_at if running is not None else None
    if ended is None:
        return Cycle(last_success=success, running_since=since)
    return Cycle(ended.started_at, ended.finished_at, ended.status, ended.error, success, since)


def _died(run: PollRun) -> str:
    seen = (run.heartbeat_at or run.started_at).isoformat(timespec="seconds")
    return (
        f"poll {run.id} stopped without recording its end (last heartbeat {seen}): the process "
        "was killed, or the database could not be written (disk full?)"
    )


def read_daemon(session: Session, now: datetime, claim_seconds: int) -> Daemon:
    """The newest daemon row; running while it has not stopped and its heartbeat is fresh."""
    row = session.scalars(select(DaemonRun).order_by(DaemonRun.id.desc()).limit(1)).first()
    if row is None:
        return Daemon()
    fresh = row.heartbeat_at >= now - timedelta(seconds=claim_seconds)
    running = row.stopped_at is None and fresh
    return Daemon(running, row.started_at, row.heartbeat_at, row.idle_since if running else None)


def ended_since(session: Session, started: datetime) -> bool:
    """Whether a poll ended after ``started`` (a daemon's first cycle is over)."""
    ended = select(func.count()).where(PollRun.finished_at >= started)
    return bool(session.scalar(ended.select_from(PollRun)))


def read_outbox(session: Session, now: datetime, send_interval: int) -> Outbox:
    """Pending and failed counts, the oldest due pending row, and how many are overdue."""
    row = Acknowledgement
    due_at = func.coalesce(row.next_attempt_at, row.created_at)
    limit = overdue_after(send_interval)
    pending = select(func.count()).select_from(row).where(row.status == "pending")
    failed = select(func.count()).select_from(row).where(row.status == "failed")
    overdue = pending.where(due_at < now - timedelta(seconds=limit))
    oldest = select(func.min(due_at)).where(row.status == "pending", due_at <= now)
    return Outbox(
        pending=session.scalar(pending) or 0,
        failed=session.scalar(failed) or 0,
        overdue=session.scalar(overdue) or 0,
        oldest_due=_aware(session.scalar(oldest)),
        overdue_after_seconds=limit,
    )


def _aware(value: datetime | str | None) -> datetime | None:
    """func.min over a UTC column comes back without the column's type (naive, or text on
    SQLite): read it as UTC."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def dispositions(session: Session) -> dict[str, int]:
    """Stored messages per disposition."""
    counts = session.execute(
        select(Message.disposition, func.count()).group_by(Message.disposition)
    )
    return {str(name): int(count) for name, count in counts}


def database_writable(sessions: sessionmaker[Session], now: datetime) -> str | None:
    """None, or why a write failed: a probe row is added and deleted in one committed
    transaction, so a full disk or a read-only database shows."""
    try:
        with database_errors(), write_transaction(sessions) as session:
            probe = DaemonRun(holder=PROBE_HOLDER, started_at=now, heartbeat_at=now, stopped_at=now)
            session.add(probe)
            session.flush()
            session.execute(delete(DaemonRun).where(DaemonRun.id == probe.id))
    except StorageError as exc:
        return str(exc)
    return None
