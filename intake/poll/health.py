"""The health of the service as the database records it: last poll, counts, backlog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.config.settings import Config
from storage.models import Acknowledgement, Message, PollRun, utcnow


@dataclass(frozen=True)
class Health:
    """What ``intake status`` reports; ``healthy`` drives its exit code."""

    last_poll_status: str | None
    last_poll_started: datetime | None
    last_success: datetime | None
    dispositions: dict[str, int]
    pending_acknowledgements: int
    failed_acknowledgements: int
    problem: str | None

    @property
    def healthy(self) -> bool:
        """No failed or overdue poll."""
        return self.problem is None


def check_health(session: Session, config: Config, now: datetime | None = None) -> Health:
    """Read the health facts; a failed last poll or an overdue one is a problem."""
    now = now or utcnow()
    stale = now - timedelta(seconds=config.schedule.claim_seconds)
    latest = session.scalars(select(PollRun).order_by(PollRun.id.desc()).limit(1)).first()
    dead = latest if latest is not None and _died(latest, stale) else None
    last = (
        dead
        or session.scalars(
            select(PollRun).where(PollRun.status != "running").order_by(PollRun.id.desc()).limit(1)
        ).first()
    )
    last_success = session.scalar(
        select(func.max(PollRun.finished_at)).where(PollRun.status == "ok")
    )
    counts = session.execute(
        select(Message.disposition, func.count()).group_by(Message.disposition)
    )
    acks = session.execute(
        select(Acknowledgement.status, func.count())
        .where(Acknowledgement.status.in_(("pending", "failed")))
        .group_by(Acknowledgement.status)
    )
    ack_counts: dict[str, int] = dict(acks.all())
    return Health(
        last_poll_status=last.status if last else None,
        last_poll_started=last.started_at if last else None,
        last_success=last_success,
        dispositions=dict(counts.all()),
        pending_acknowledgements=ack_counts.get("pending", 0),
        failed_acknowledgements=ack_counts.get("failed", 0),
        problem=_died_problem(dead) if dead else _problem(last, last_success, now, config),
    )


def _died(run: PollRun, stale: datetime) -> bool:
    """A run still ``running`` whose heartbeat stopped: its process died, or could not write
    its end (a full disk); either way the poll failed."""
    return run.status == "running" and (run.heartbeat_at or run.started_at) < stale


def _died_problem(run: PollRun) -> str:
    seen = (run.heartbeat_at or run.started_at).isoformat(timespec="seconds")
    return (
        f"poll {run.id} stopped without recording its end (last heartbeat {seen}): the process "
        "was killed, or the database could not be written (disk full?)"
    )


def _problem(
    last: PollRun | None, last_success: datetime | None, now: datetime, config: Config
) -> str | None:
    if last is None:
        return "no poll has finished yet"
    if last.status != "ok":
        return f"the last poll failed: {last.error}"
    overdue = timedelta(seconds=config.schedule.overdue_seconds)
    if last_success is None or now - last_success > overdue:
        return f"no successful poll in the last {int(overdue.total_seconds())} s"
    return None
