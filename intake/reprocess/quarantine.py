"""Reads one quarantined message again through the poll's analysis and settles it when it works.

Nothing is sent: an application gets the acknowledgement row the usual policy decides, and
the next poll (or the daemon) sends it or suppresses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.errors import IntakeError, UsageError
from intake.mailbox.ledger import DatabaseLedger
from intake.poll.analysis import Analyser, MailboxProblem, quarantined
from intake.poll.grouping import group_by_id
from intake.poll.refusals import RecordRefused, refused_values
from intake.reprocess.applications import raw_message
from storage import candidates
from storage.database import database_errors, write_transaction
from storage.records import MessageRecord
from storage.reprocessing import (
    QUARANTINED,
    StoredMessage,
    error_summary,
    lock_quarantined,
    record_quarantine_error,
    settle_quarantined,
    stored_message,
)


class StillQuarantined(IntakeError):
    """The message failed again; it stays quarantined with the new error."""


@dataclass(frozen=True)
class Retried:
    """A quarantined message that now reads: what it became."""

    message_pk: int
    record: MessageRecord
    application_id: int | None
    # Applications of the same candidate to the same vacancy received after this one: they
    # were judged without it, so their resubmission links may be out of date.
    later_applications: int = 0
    # The mailbox gave no receipt time: the stored time is when the message was fetched.
    fetch_time: bool = False


def retry_quarantined(
    analyser: Analyser, sessions: sessionmaker[Session], message_pk: int
) -> Retried:
    """Analyse the stored bytes again as a poll would; store the result, or raise
    StillQuarantined after recording the new error. UsageError for an unknown message or one
    that is not quarantined."""
    with database_errors(), sessions() as session:
        stored = stored_message(session, message_pk)
    if stored is None:
        raise UsageError(f"no message {message_pk}")
    if stored.disposition != QUARANTINED:
        raise UsageError(
            f"message {message_pk} is {stored.disposition}, not quarantined: only quarantined "
            "messages are retried"
        )
    ledger = DatabaseLedger(sessions)
    record = analyser.finish(analyser.start(raw_message(stored)), ledger)
    if record.disposition == QUARANTINED:
        _still_failing(sessions, message_pk, record.error or "")
    try:
        with refused_values(), write_transaction(sessions) as session:
            application_id = _settle(session, message_pk, record)
    except RecordRefused as exc:
        _still_failing(sessions, message_pk, quarantined(raw_message(stored), exc).error or "")
    return Retried(
        message_pk,
        record,
        application_id,
        _later_applications(sessions, record, application_id),
        _fetch_time(stored),
    )


def _settle(session: Session, message_pk: int, record: MessageRecord) -> int | None:
    if not lock_quarantined(session, message_pk):
        raise UsageError(f"message {message_pk} was settled by someone else meanwhile")
    application_id = settle_quarantined(session, message_pk, record)
    if application_id is not None:
        group_by_id(session, application_id)
    return application_id


def _still_failing(sessions: sessionmaker[Session], message_pk: int, error: str) -> NoReturn:
    with database_errors(), write_transaction(sessions) as session:
        record_quarantine_error(session, message_pk, error)
    raise StillQuarantined(f"message {message_pk} is still quarantined: {error_summary(error)}")


def _later_applications(
    sessions: sessionmaker[Session], record: MessageRecord, application_id: int | None
) -> int:
    facts = record.application
    if facts is None or application_id is None or facts.vacancy is None:
        return 0
    with database_errors(), sessions() as session:
        return candidates.later_applications(
            session, facts.vacancy, facts.sender_key, facts.name_key, application_id
        )


def _fetch_time(stored: StoredMessage) -> bool:
    return (stored.error or "").startswith(MailboxProblem.__name__)


def retry_lines(retried: Retried, config: Config, now: datetime) -> list[str]:
    """What happened, in one to three lines."""
    record = retried.record
    facts = record.application
    if facts is None or retried.application_id is None:
        reason = f" ({record.disposition_reason})" if record.disposition_reason else ""
        return [f"message {retried.message_pk}: quarantined → {record.disposition}{reason}"]
    flags = ", ".join(flag.code for flag in facts.flags) or "none"
    lines = [
        f"message {retried.message_pk}: quarantined → application {retried.application_id} "
        f"(vacancy {facts.vacancy or 'unknown'}; flags: {flags})",
        _acknowledgement_line(record, config, now),
    ]
    if retried.later_applications:
        lines.append(
            f"note: {retried.later_applications} later application(s) of the same candidate "
            f"to {facts.vacancy} were judged without this one; `intake reprocess --vacancy "
            f"{facts.vacancy}` brings their resubmission links up to date"
        )
    if retried.fetch_time:
        lines.append(
            "note: the mailbox gave no receipt time for this message; the time stored is "
            "when it was fetched"
        )
    return lines


def _acknowledgement_line(record: MessageRecord, config: Config, now: datetime) -> str:
    assert record.application is not None
    ack = record.application.acknowledgement
    if ack.status != "pending":
        return f"acknowledgement {ack.status}: {ack.reason}"
    max_age = config.acknowledgements.max_age_days
    age = now - record.received_at
    if max_age and age > timedelta(days=max_age):
        return (
            f"acknowledgement pending, but the message is {age.days} days old, over "
            f"acknowledgements.max_age_days ({max_age}): the next poll suppresses it, "
            "nothing is sent"
        )
    return "acknowledgement pending: the next poll or the daemon sends it (nothing sent now)"
