"""The poll_runs rows: a poll's start, its heartbeat while it runs, and its end."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from storage.database import database_errors, write_transaction
from storage.errors import StorageError
from storage.models import PollRun, utcnow

log = logging.getLogger("intake.poll.cycle")


@dataclass(frozen=True)
class RunCounts:
    """What a finished poll writes into its row."""

    error: str | None
    fetched: int
    stored: int
    quarantined: int


def start_run(sessions: sessionmaker[Session]) -> int:
    """A new ``running`` row with a first heartbeat; its id."""
    with database_errors(), write_transaction(sessions) as session:
        run = PollRun(status="running", heartbeat_at=utcnow())
        session.add(run)
        session.flush()
        return run.id


def beat_run(sessions: sessionmaker[Session], run_id: int) -> None:
    """The poll is alive: renew its heartbeat."""
    with database_errors(), write_transaction(sessions) as session:
        session.get_one(PollRun, run_id).heartbeat_at = utcnow()


def finish_run(
    sessions: sessionmaker[Session], run_id: int, ok: bool, counts: RunCounts
) -> str | None:
    """Record the end; None, or why it could not be recorded (a full disk, say).

    The poll then fails too, and its row, left ``running`` without a heartbeat, makes
    ``intake status`` unhealthy once ``[schedule] claim_seconds`` have passed.
    """
    try:
        with database_errors(), write_transaction(sessions) as session:
            run = session.get_one(PollRun, run_id)
            run.finished_at = utcnow()
            run.status = "ok" if ok else "failed"
            run.fetched = counts.fetched
            run.stored = counts.stored
            run.quarantined = counts.quarantined
            run.error = counts.error
    except StorageError as exc:
        # A failed poll has logged its one ERROR line already; this is its consequence.
        report = log.error if ok else log.warning
        report("could not record the end of poll %s: %s", run_id, exc)
        return f"could not record the end of poll {run_id}: {exc}"
    return None
