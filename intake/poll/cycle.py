"""One poll cycle: every new message through the pipeline, recorded as a poll run."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.heartbeat import Heartbeat
from intake.acks.sender import SendReport, send_due
from intake.config.settings import Config
from intake.errors import IntakeError
from intake.mailbox.base import Mailbox
from intake.mailbox.ledger import DatabaseLedger
from intake.mailbox.reconcile import mark_unmarked, sweep_marks
from intake.poll.analysis import Analyser, Draft
from intake.poll.claims import MessageClaims
from intake.poll.drain_alongside import DrainAlongside
from intake.poll.heap import release_free_memory
from intake.poll.mark_batch import MarkBatch
from intake.poll.mark_sweep import MarkSweep
from intake.poll.pipeline import process_message
from intake.poll.progress import Progress
from intake.poll.read_ahead import read_ahead
from intake.poll.runs import RunCounts, beat_run, finish_run, start_run
from intake.poll.workers import pooled_extractor
from storage.errors import StorageError
from storage.records import MessageRecord
from storage.repository import StoreOutcome, StoreResult

log = logging.getLogger(__name__)
#: Messages read ahead per worker: enough that the other workers keep reading text files while
#: one spends seconds on a scan (with 2 per worker they waited for it, one scan at a time).
READ_AHEAD_PER_WORKER = 8
#: ...but never more than this many bytes held beyond the message being stored: raw messages
#: and their decoded attachments (``Draft.held_bytes``), which together are about 1.75 times
#: the raw bytes of an application with large attachments.
READ_AHEAD_BYTES = 16 * 1024 * 1024


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
    sweep: MarkSweep | None = None,
) -> PollReport:
    """Fetch and store every new message; failures end the cycle and are recorded, not raised.

    Without an ``analyser``, one with its own worker pool serves this poll alone; without a
    ``sweep`` schedule, this poll also looks for stored messages the server shows unmarked.
    """
    if analyser is None:
        extractor = pooled_extractor(config)
        try:
            analyser = Analyser(config, extractor)
            return poll_once(config, sessions, mailbox, should_stop, progress, analyser, sweep)
        finally:
            extractor.close()
    progress = progress or Progress()
    report = PollReport()
    run_id: int | None = None
    try:
        run_id = start_run(sessions)
        claims = MessageClaims(sessions, config.schedule.claim_seconds)
        beat = partial(_beat, sessions, run_id, claims)
        with Heartbeat(config.schedule.heartbeat_seconds, beat, f"the heartbeat of poll {run_id}"):
            try:
                _reconcile(mailbox, sessions, sweep is None or sweep.due())
                _poll(config, sessions, mailbox, analyser, should_stop, progress, report, claims)
            finally:
                claims.release_all()
    except (IntakeError, StorageError) as exc:
        report.error = str(exc)
        log.error("poll failed: %s", exc)
    except Exception as exc:  # a bug must fail this poll, not the daemon
        report.error = f"internal error: {type(exc).__name__}: {exc}"
        log.exception("poll failed with an internal error")
    finally:
        progress.finish()
        if run_id is not None:
            error = finish_run(sessions, run_id, report.ok, _counts(report))
            report.error = report.error or error
    return report


def _reconcile(mailbox: Mailbox, sessions: sessionmaker[Session], sweeping: bool) -> None:
    """Mark what a crash left unmarked and, when ``sweeping``, what the server shows unmarked."""
    mark_unmarked(mailbox, sessions)
    if sweeping:
        sweep_marks(mailbox, DatabaseLedger(sessions))


def _poll(
    config: Config,
    sessions: sessionmaker[Session],
    mailbox: Mailbox,
    analyser: Analyser,
    should_stop: Callable[[], bool],
    progress: Progress,
    report: PollReport,
    claims: MessageClaims,
) -> None:
    """Store every new message this poll could claim, then drain the outbox (drained also
    while the poll stores, see ``DrainAlongside``)."""
    window = READ_AHEAD_PER_WORKER * config.extraction.worker_count
    ledger = DatabaseLedger(sessions)
    messages = claims.only_claimed(mailbox.fetch_new(ledger))
    drafts_ahead = read_ahead(
        messages,
        lambda raw: analyser.start(raw, ledger.has_copy),
        Draft.cancel,
        window,
        size=Draft.held_bytes,
        budget=READ_AHEAD_BYTES,
    )
    drain = partial(send_acknowledgements, config, sessions, should_stop, fail=True)
    alongside = DrainAlongside(drain)
    marks = MarkBatch(mailbox, sessions)
    alongside.start()
    try:
        with closing(alongside), closing(drafts_ahead) as drafts:
            stream = _Stream(analyser, ledger, sessions, marks, alongside, progress, report)
            for draft in drafts:
                stream.store(draft)
                # Released before the next message is read ahead, not when it is assigned.
                del draft
                if should_stop():
                    report.stopped_early = True
                    break
    except BaseException:
        marks.flush_quietly()
        raise
    marks.flush()
    if report.stopped_early:
        report.acknowledgements = alongside.together(None)
        return
    # A database or outbox folder that cannot be written fails the poll.
    last = send_acknowledgements(config, sessions, should_stop, fail=True)
    report.acknowledgements = alongside.together(last)


@dataclass
class _Stream:
    """What one message of the poll goes through once its attachments are read."""

    analyser: Analyser
    ledger: DatabaseLedger
    sessions: sessionmaker[Session]
    marks: MarkBatch
    alongside: DrainAlongside
    progress: Progress
    report: PollReport

    def store(self, draft: Draft) -> None:
        """Judge, store, queue the mark, wake the drain, count."""
        self.report.fetched += 1
        record = self.analyser.finish(draft, self.ledger)
        record, result = process_message(draft.raw, record, self.sessions)
        self.marks.add(draft.raw, result.message_pk)
        self.report.outcomes[result.outcome] += 1
        if result.outcome in (StoreOutcome.STORED, StoreOutcome.DUPLICATE):
            self.report.dispositions[_stored_disposition(record, result)] += 1
        if result.outcome is StoreOutcome.STORED and record.application is not None:
            self.alongside.stored()
        self.progress.message_done(draft.raw, record, result)
        release_free_memory()


def _beat(sessions: sessionmaker[Session], run_id: int, claims: MessageClaims) -> None:
    """The poll is alive: its run row and its message claims are renewed."""
    beat_run(sessions, run_id)
    claims.renew()


def send_acknowledgements(
    config: Config,
    sessions: sessionmaker[Session],
    should_stop: Callable[[], bool],
    fail: bool = False,
    wait_seconds: float = 0.0,
) -> SendReport | None:
    """Drain the outbox. A database or outbox folder that cannot be written is raised with
    ``fail`` (the end of a poll), else logged in one line for the next drain to try again (the
    daemon's schedule); a bug in sending is logged and never undoes what a poll stored.

    ``wait_seconds`` waits that long for a drain running in another thread to end first.
    """
    try:
        return send_due(config, sessions, should_stop=should_stop, wait_seconds=wait_seconds)
    except (IntakeError, StorageError) as exc:
        if fail:
            raise
        log.error("acknowledgements not sent: %s", exc)
    except Exception:
        log.exception("acknowledgements not sent: internal error")
    return None


def _counts(report: PollReport) -> RunCounts:
    return RunCounts(
        error=report.error,
        fetched=report.fetched,
        stored=report.outcomes["stored"] + report.outcomes["duplicate"],
        quarantined=report.dispositions["quarantined"],
    )


def _stored_disposition(record: MessageRecord, result: StoreResult) -> str:
    """The disposition of the row the store wrote."""
    return "duplicate" if result.outcome is StoreOutcome.DUPLICATE else record.disposition
