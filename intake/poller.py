"""One poll cycle: every new message through the pipeline, recorded as a poll run."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.sender import SendReport, send_due
from intake.analysis import Analyser, Draft
from intake.config import Config
from intake.errors import IntakeError
from intake.ledger import DatabaseLedger
from intake.mailbox.base import Mailbox
from intake.pipeline import process_message
from intake.progress import Progress
from intake.read_ahead import read_ahead
from intake.worker_pool import pooled_extractor
from storage.database import database_errors, write_transaction
from storage.errors import StorageError
from storage.models import PollRun, utcnow
from storage.records import MessageRecord
from storage.repository import StoreOutcome, StoreResult

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What one poll did."""

    fetched: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    dispositions: Counter[str] = field(default_factory=Counter)
    stopped_early: bool = False
    error: str | None = None
    acknowledgements: SendReport | None = None

    @property
    def ok(self) -> bool:
        """Whether the cycle ran to its end (bad messages are quarantined, not failures)."""
        return self.error is None

    def summary(self) -> str:
        """One line for the log and the terminal."""
        parts = [f"{self.fetched} fetched"]
        parts += [f"{count} {name}" for name, count in sorted(self.outcomes.items())]
        parts += [f"{count} {name}" for name, count in sorted(self.dispositions.items())]
        text = ", ".join(parts)
        if self.stopped_early:
            text += " (stopped early)"
        if self.acknowledgements is not None:
            text += f"; {self.acknowledgements.summary()}"
        return text + (f"; failed: {self.error}" if self.error else "")


def poll_once(
    config: Config,
    sessions: sessionmaker[Session],
    mailbox: Mailbox,
    should_stop: Callable[[], bool] = lambda: False,
    progress: Progress | None = None,
    analyser: Analyser | None = None,
) -> PollReport:
    """Fetch and store every new message; failures end the cycle and are recorded, not raised.

    Without an ``analyser``, one with its own worker pool serves this poll alone.
    """
    if analyser is None:
        extractor = pooled_extractor(config)
        try:
            analyser = Analyser(config, extractor)
            return poll_once(config, sessions, mailbox, should_stop, progress, analyser)
        finally:
            extractor.close()
    progress = progress or Progress()
    report = PollReport()
    run_id: int | None = None
    try:
        run_id = _start_run(sessions)
        window = 2 * config.extraction.worker_count
        ledger = DatabaseLedger(sessions)
        messages = mailbox.fetch_new(ledger)
        drafts_ahead = read_ahead(
            messages, lambda raw: analyser.start(raw, ledger.has_copy), Draft.cancel, window
        )
        with closing(drafts_ahead) as drafts:
            for draft in drafts:
                report.fetched += 1
                record = analyser.finish(draft, ledger)
                record, result = process_message(draft.raw, record, mailbox, sessions)
                report.outcomes[result.outcome] += 1
                if result.outcome in (StoreOutcome.STORED, StoreOutcome.DUPLICATE):
                    report.dispositions[_stored_disposition(record, result)] += 1
                progress.message_done(draft.raw, record, result)
                if should_stop():
                    report.stopped_early = True
                    break
        if not report.stopped_early:
            report.acknowledgements = send_acknowledgements(config, sessions, should_stop)
    except (IntakeError, StorageError) as exc:
        report.error = str(exc)
        log.error("poll failed: %s", exc)
    except Exception as exc:  # a bug must fail this poll, not the daemon
        report.error = f"internal error: {type(exc).__name__}: {exc}"
        log.exception("poll failed with an internal error")
    finally:
        progress.finish()
        if run_id is not None:
            _finish_run(sessions, run_id, report)
    return report


def send_acknowledgements(
    config: Config,
    sessions: sessionmaker[Session],
    should_stop: Callable[[], bool],
    wait_seconds: float = 0.0,
) -> SendReport | None:
    """Drain the outbox; a failure is logged and never fails the poll (all is stored).

    ``wait_seconds`` waits that long for a drain running in another thread to end first.
    """
    try:
        return send_due(config, sessions, should_stop=should_stop, wait_seconds=wait_seconds)
    except StorageError as exc:
        log.error("acknowledgements not sent: %s", exc)
    except Exception:  # a bug in sending must not undo a poll that stored everything
        log.exception("acknowledgements not sent: internal error")
    return None


def _stored_disposition(record: MessageRecord, result: StoreResult) -> str:
    """The disposition of the row the store wrote."""
    return "duplicate" if result.outcome is StoreOutcome.DUPLICATE else record.disposition


def _start_run(sessions: sessionmaker[Session]) -> int:
    with database_errors(), write_transaction(sessions) as session:
        run = PollRun(status="running")
        session.add(run)
        session.flush()
        return run.id


def _finish_run(sessions: sessionmaker[Session], run_id: int, report: PollReport) -> None:
    try:
        with database_errors(), write_transaction(sessions) as session:
            run = session.get_one(PollRun, run_id)
            run.finished_at = utcnow()
            run.status = "ok" if report.ok else "failed"
            run.fetched = report.fetched
            run.stored = report.outcomes["stored"] + report.outcomes["duplicate"]
            run.quarantined = report.dispositions["quarantined"]
            run.error = report.error
    except StorageError as exc:  # pragma: no cover - the database went away mid-poll
        log.error("could not record the end of poll %s: %s", run_id, exc)
