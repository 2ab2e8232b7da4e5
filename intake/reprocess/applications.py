"""Reads stored applications again with the current config and writes the new facts in place.

Nothing here touches the mailbox or the outbox: an application keeps its id, its message row
and its acknowledgement row exactly as they are.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from sqlalchemy.orm import Session, sessionmaker

from intake.mailbox.base import RawMessage
from intake.poll.analysis import Analyser, Draft
from intake.poll.grouping import group_by_id
from intake.poll.read_ahead import read_ahead
from intake.poll.refusals import RecordRefused, refused_values
from intake.reprocess.changes import describe_changes
from storage import candidates
from storage.database import database_errors, write_transaction
from storage.records import EarlierApplications, MessageRecord, NameProof
from storage.reprocessing import (
    Replacement,
    StoredMessage,
    applications_in_receipt_order,
    compare_facts,
    error_summary,
    message_of_application,
    replace_facts,
)


class Result(enum.StrEnum):
    """What reading one application again did."""

    CHANGED = "changed"
    WOULD_CHANGE = "would change"  # --dry-run: the new reading differs; nothing was written
    UNCHANGED = "unchanged"
    KEPT = "kept"  # the new reading failed or is no application: the stored record stays
    GONE = "gone"  # erased or purged while the run went on


@dataclass(frozen=True)
class Outcome:
    """One application's result, with the changes in HR's terms or why it was kept."""

    application_id: int
    result: Result
    details: tuple[str, ...] = ()

    def line(self) -> str:
        """One line for the terminal; no personal data beyond the application's id."""
        if self.result is Result.CHANGED:
            return f"application {self.application_id}: " + "; ".join(self.details)
        if self.result is Result.WOULD_CHANGE:
            return f"application {self.application_id} would change: " + "; ".join(self.details)
        if self.result is Result.KEPT:
            return f"application {self.application_id} kept as stored: " + "; ".join(self.details)
        return f"application {self.application_id}: {self.result}"


@dataclass
class ReprocessReport:
    """What one run did."""

    results: Counter[Result] = field(default_factory=Counter)
    stopped_early: bool = False
    dry_run: bool = False

    @property
    def read(self) -> int:
        """How many stored messages were read again."""
        return sum(count for result, count in self.results.items() if result is not Result.GONE)

    def summary(self) -> str:
        """One line: read, changed, unchanged, kept because of an error."""
        changed = Result.WOULD_CHANGE if self.dry_run else Result.CHANGED
        text = (
            f"{self.read} read, {self.results[changed]} {changed}, "
            f"{self.results[Result.UNCHANGED]} unchanged, "
            f"{self.results[Result.KEPT]} kept because of an error"
        )
        if self.results[Result.GONE]:
            text += f", {self.results[Result.GONE]} deleted meanwhile"
        if self.dry_run:
            text += " (dry run: nothing written)"
        elif self.stopped_early:
            text += " (stopped early: what is done is saved; run it again to finish)"
        return text


class _HistoryBefore:
    """The candidate's history as it stands before one application in receipt order."""

    def __init__(self, sessions: sessionmaker[Session], application_id: int) -> None:
        self._sessions = sessions
        self._application_id = application_id

    def earlier_applications(
        self,
        vacancy: str,
        sender_key: str | None,
        name_key: str | None,
        received_at: datetime,
        proof: NameProof | None = None,
    ) -> EarlierApplications | None:
        """The earlier applications, leaving out the one read again."""
        with database_errors(), self._sessions() as session:
            return candidates.earlier_applications(
                session, vacancy, sender_key, name_key, received_at, self._application_id, proof
            )


def reprocess(
    analyser: Analyser,
    sessions: sessionmaker[Session],
    vacancy: str | None,
    should_stop: Callable[[], bool] = lambda: False,
    on_outcome: Callable[[Outcome], None] = lambda _outcome: None,
    dry_run: bool = False,
) -> ReprocessReport:
    """Read again every application (or ``vacancy``'s and those with no known vacancy), in
    receipt order, so that each one's history holds the earlier ones as already read again.

    Each application is written in its own transaction; ``should_stop`` is asked between
    applications. Database outages are raised (what is done stays done). With ``dry_run``
    nothing is written: each one is compared with its stored facts (``WOULD_CHANGE``), its
    history being the earlier applications as they are stored.
    """
    with database_errors(), sessions() as session:
        ids = applications_in_receipt_order(session, vacancy)
    report = ReprocessReport(dry_run=dry_run)
    window = 2 * analyser.config.extraction.worker_count
    drafts_ahead = read_ahead(
        _stored_messages(sessions, ids), partial(_start, analyser), _cancel, window
    )
    with closing(drafts_ahead) as drafts:
        for application_id, draft in drafts:
            outcome = _reprocess_one(analyser, sessions, application_id, draft, dry_run)
            report.results[outcome.result] += 1
            on_outcome(outcome)
            if should_stop():
                report.stopped_early = True
                break
    return report


def _stored_messages(
    sessions: sessionmaker[Session], ids: Iterable[int]
) -> Iterator[tuple[int, StoredMessage | None]]:
    """Each application's stored message, loaded only when it is wanted (memory stays flat)."""
    for application_id in ids:
        with database_errors(), sessions() as session:
            yield application_id, message_of_application(session, application_id)


def _start(
    analyser: Analyser, stored: tuple[int, StoredMessage | None]
) -> tuple[int, Draft | None]:
    """Parse one stored message and hand its attachments to the workers."""
    application_id, message = stored
    return application_id, None if message is None else analyser.start(raw_message(message))


def _cancel(started: tuple[int, Draft | None]) -> None:
    draft = started[1]
    if draft is not None:
        draft.cancel()


def raw_message(stored: StoredMessage) -> RawMessage:
    """The stored bytes as the mailbox once gave them, under the same key and receipt time."""
    key = stored.key
    return RawMessage(
        key.mailbox, key.folder, key.uidvalidity, key.uid, stored.received_at, stored.raw
    )


def _reprocess_one(
    analyser: Analyser,
    sessions: sessionmaker[Session],
    application_id: int,
    draft: Draft | None,
    dry_run: bool,
) -> Outcome:
    if draft is None:
        return Outcome(application_id, Result.GONE)
    record = analyser.finish(draft, _HistoryBefore(sessions, application_id))
    if record.application is None:
        return Outcome(application_id, Result.KEPT, (why_not_application(record),))
    if dry_run:
        return _compare_one(sessions, application_id, record)
    try:
        with refused_values(), write_transaction(sessions) as session:
            replacement = replace_facts(session, application_id, record)
            if replacement is not None:
                group_by_id(session, application_id)
    except RecordRefused as exc:
        return Outcome(application_id, Result.KEPT, (f"the database refused the new facts: {exc}",))
    return _outcome(application_id, replacement, Result.CHANGED)


def _compare_one(
    sessions: sessionmaker[Session], application_id: int, record: MessageRecord
) -> Outcome:
    """What reading it again would change, nothing written."""
    with database_errors(), sessions() as session:
        replacement = compare_facts(session, application_id, record)
    return _outcome(application_id, replacement, Result.WOULD_CHANGE)


def _outcome(application_id: int, replacement: Replacement | None, changed: Result) -> Outcome:
    """Gone, unchanged, or ``changed`` with the changes in HR's terms."""
    if replacement is None:
        return Outcome(application_id, Result.GONE)
    if not replacement.changed:
        return Outcome(application_id, Result.UNCHANGED)
    changes = describe_changes(replacement.before, replacement.after)
    return Outcome(application_id, changed, tuple(changes))


def why_not_application(record: MessageRecord) -> str:
    """Why a message read again gave no application: its error's first line, or what it is."""
    if record.error:
        return "reading failed: " + error_summary(record.error)
    reason = f" ({record.disposition_reason})" if record.disposition_reason else ""
    return f"now read as {record.disposition}{reason}"
