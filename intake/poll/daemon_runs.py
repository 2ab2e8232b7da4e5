"""The daemon_runs row of an ``intake run`` process: its start, heartbeat, IDLE state and stop."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.heartbeat import Heartbeat, holder_name
from storage.database import database_errors, write_transaction
from storage.errors import StorageError
from storage.models import DaemonRun, utcnow

log = logging.getLogger(__name__)


class DaemonRecord:
    """Keeps this process's row: created on ``__enter__``, renewed every ``interval`` seconds
    with whether ``idle_live()`` says the IDLE connection is up, marked stopped on ``__exit__``.

    A row that cannot be written (database down or full) is logged, never fatal: polling goes
    on, and ``intake status`` then sees the heartbeat age.
    """

    def __init__(
        self, sessions: sessionmaker[Session], interval: float, idle_live: Callable[[], bool]
    ) -> None:
        self._sessions = sessions
        self._idle_live = idle_live
        self._id: int | None = None
        self._heartbeat = Heartbeat(interval, self.beat, "the daemon's heartbeat")

    def __enter__(self) -> DaemonRecord:
        try:
            self._id = _start(self._sessions)
        except StorageError as exc:
            log.warning("could not record the daemon's start: %s", exc)
        self._heartbeat.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._heartbeat.__exit__(None, None, None)
        try:
            self._write(stopped=True)
        except StorageError as exc:
            log.warning("could not record the daemon's stop: %s", exc)

    def beat(self) -> None:
        """Renew the heartbeat and the IDLE state."""
        self._write(stopped=False)

    def _write(self, *, stopped: bool) -> None:
        if self._id is None:
            self._id = _start(self._sessions)
        live = self._idle_live() and not stopped
        with database_errors(), write_transaction(self._sessions) as session:
            row = session.get_one(DaemonRun, self._id)
            now = utcnow()
            row.heartbeat_at = now
            row.idle_since = (row.idle_since or now) if live else None
            row.stopped_at = now if stopped else None


def _start(sessions: sessionmaker[Session]) -> int:
    with database_errors(), write_transaction(sessions) as session:
        now = utcnow()
        row = DaemonRun(holder=holder_name(), started_at=now, heartbeat_at=now)
        session.add(row)
        session.flush()
        return row.id
