"""Records what became of each acknowledgement in the outbox, in the report and in the log."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.compose import outbound_message_id
from intake.acks.outgoing import load_outgoing
from intake.acks.report import SendReport
from intake.config.settings import Config
from intake.flag_codes import ACKNOWLEDGEMENT_UNSAFE
from storage import outbox
from storage.database import database_errors, write_transaction
from storage.flags import flag_acknowledged_application

log = logging.getLogger("intake.acks.sender")

MAX_BACKOFF = timedelta(hours=6)


class Recorder:
    """Writes each outcome in its own transaction (which also ends the row's claim)."""

    def __init__(
        self, config: Config, sessions: sessionmaker[Session], report: SendReport, claimer: str
    ) -> None:
        self._config = config
        self._sessions = sessions
        self._report = report
        self._claimer = claimer

    def sent(self, ack_id: int, attempts: int, now: datetime, message_id: str) -> None:
        """The transport took the message.

        The log names the row and our Message-ID, not the recipient: log files outlive an
        erasure (``intake acks`` shows the recipient while the row exists).
        """
        with self._write() as session:
            outbox.mark_sent(session, ack_id, attempts, now)
        self._report.sent += 1
        log.info("acknowledgement %s sent as %s", ack_id, message_id)

    def fix_message_id(self, ack_id: int) -> str:
        """Give a row without a Message-ID one, stored before the first attempt."""
        candidate = outbound_message_id(self._config.acknowledgements.sender, _token(ack_id))
        with self._write() as session:
            outbox.set_message_id(session, ack_id, candidate)
            stored = load_outgoing(session, ack_id, self._config)
        return stored.message_id if stored and stored.message_id else candidate

    def retry(self, ack_id: int, attempts: int, error: str, now: datetime) -> None:
        """A temporary failure: backed off (retry_after_seconds doubled each time), or failed
        once max_attempts is reached."""
        acks = self._config.acknowledgements
        if attempts >= acks.max_attempts:
            self.fail(ack_id, attempts, f"gave up after {attempts} attempts: {error}")
            return
        delay = min(timedelta(seconds=acks.retry_after_seconds * 2 ** (attempts - 1)), MAX_BACKOFF)
        with self._write() as session:
            outbox.mark_retry(session, ack_id, attempts, now + delay, error)
        self._report.retried += 1
        log.warning("acknowledgement %s: %s; next attempt in %s", ack_id, error, delay)

    def fail(self, ack_id: int, attempts: int, error: str) -> None:
        """Never tried again unless an operator says so (``intake acks retry``)."""
        with self._write() as session:
            outbox.mark_failed(session, ack_id, attempts, error)
        self._report.failed += 1
        log.error("acknowledgement %s failed: %s", ack_id, error)

    def suppress(self, ack_id: int, reason: str) -> None:
        """Deliberately not sent."""
        with self._write() as session:
            outbox.mark_suppressed(session, ack_id, reason)
        self._report.suppressed += 1
        log.info("acknowledgement %s suppressed: %s", ack_id, reason)

    def unsafe(self, ack_id: int, problem: str) -> None:
        """Composed, but its headers did not parse back as meant: suppressed, and the
        application flagged for HR, in one transaction."""
        with self._write() as session:
            outbox.mark_suppressed(session, ack_id, problem)
            flag_acknowledged_application(session, ack_id, ACKNOWLEDGEMENT_UNSAFE, problem)
        self._report.suppressed += 1
        log.error("acknowledgement %s suppressed: %s", ack_id, problem)

    def hold(self, ack_id: int, problem: str, now: datetime) -> None:
        """A broken template or sender setting: pending again later, no attempt counted."""
        later = now + timedelta(seconds=self._config.acknowledgements.retry_after_seconds)
        with self._write() as session:
            outbox.release(session, ack_id, error=problem, not_before=later)
        self._report.deferred += 1
        self._report.problems.append(problem)
        log.error("acknowledgement %s not composed: %s", ack_id, problem)

    def resumed(self, ack_id: int, since: datetime) -> None:
        """An attempt begun at ``since`` by a sender that died: its outcome is unknown."""
        log.warning(
            "acknowledgement %s: an attempt begun at %s never recorded its outcome (the sender "
            "stopped); sending it again with the same Message-ID",
            ack_id,
            since.isoformat(timespec="seconds"),
        )

    def give_back(self, ack_id: int, attempts: int, problem: str) -> None:
        """The attempt never left this machine: pending again at once, the attempt undone."""
        with self._write() as session:
            outbox.release(session, ack_id, error=problem, attempts=attempts)
        self._report.deferred += 1

    def release(self, ack_ids: list[int]) -> None:
        """Claimed rows given back untouched, for a later drain; the report counts them."""
        self.return_claims(ack_ids)
        self._report.deferred += len(ack_ids)

    def return_claims(self, ack_ids: list[int]) -> None:
        """Claimed rows given back untouched, uncounted; a row whose claim ran out and was
        taken by another sender stays with that sender."""
        if ack_ids:
            with self._write() as session:
                outbox.release_untouched(session, ack_ids, self._claimer)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with database_errors(), write_transaction(self._sessions) as session:
            yield session


def _token(ack_id: int) -> str:
    """A Message-ID token no other acknowledgement has: the row id and random letters."""
    return f"{ack_id}.{secrets.token_hex(6)}"
