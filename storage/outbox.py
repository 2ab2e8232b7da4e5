"""The acknowledgement outbox: claim due rows, record each outcome, count, list and reset.

Only SQL lives here; what is sent and how is ``intake.acks``'s business. A claim marks rows
with the claimer and a lease end (``claimed_until``) in a committed transaction, so another
sender skips them until they are released or the lease runs out; the holder renews the lease
while it works (``renew_claims``), so only a dead holder's claim runs out. Each attempt is
committed (``begin_attempt``: ``sending_since``) before the message goes to the transport.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from storage.batches import in_batches
from storage.database import database_errors, write_transaction
from storage.models import Acknowledgement, Application

RETRYABLE = frozenset({"failed", "suppressed", "disabled"})
_NO_CLAIM: dict[str, Any] = {"claimed_by": None, "claimed_until": None, "sending_since": None}


def claim_due(
    sessions: sessionmaker[Session], claimer: str, now: datetime, lease: timedelta, limit: int
) -> list[int]:
    """Claim up to ``limit`` due pending rows (oldest first) for ``claimer``; their ids.

    PostgreSQL locks the rows it picks and skips those another claimer holds locked
    (``FOR UPDATE SKIP LOCKED``); SQLite's write transaction admits one claimer at a time.
    """
    with database_errors(), write_transaction(sessions) as session:
        query = _due(now).limit(limit)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list(session.scalars(query))
        if ids:
            session.execute(
                update(Acknowledgement)
                .where(Acknowledgement.id.in_(ids))
                .values(claimed_by=claimer, claimed_until=now + lease)
            )
    return ids


def renew_claims(sessions: sessionmaker[Session], claimer: str, until: datetime) -> int:
    """Push the lease of every pending row ``claimer`` holds to ``until``; how many it holds."""
    row = Acknowledgement
    with database_errors(), write_transaction(sessions) as session:
        result = session.execute(
            update(row)
            .where(row.claimed_by == claimer, row.status == "pending")
            .values(claimed_until=until)
        )
    return int(getattr(result, "rowcount", 0) or 0)


def begin_attempt(
    session: Session, ack_id: int, claimer: str, attempts: int, now: datetime, until: datetime
) -> bool:
    """Record an attempt about to be handed to the transport; False when ``claimer`` no longer
    holds the row (its lease ran out and another sender took it): it must not be sent."""
    row = Acknowledgement
    result = session.execute(
        update(row)
        .where(row.id == ack_id, row.claimed_by == claimer, row.status == "pending")
        .values(sending_since=now, attempts=attempts, claimed_until=until)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def count_due(session: Session, now: datetime, excluding: Sequence[int] = ()) -> int:
    """How many pending rows are due at ``now`` and not held by a sender whose claim runs,
    leaving out the rows ``excluding`` names (at most a few hundred)."""
    query = select(func.count()).where(*_due_now(now))
    if excluding:
        query = query.where(Acknowledgement.id.not_in(excluding))
    return session.scalar(query) or 0


def _due(now: datetime) -> Select[int]:
    return select(Acknowledgement.id).where(*_due_now(now)).order_by(Acknowledgement.id)


def _due_now(now: datetime) -> tuple[ColumnElement[bool], ...]:
    row = Acknowledgement
    return (
        row.status == "pending",
        or_(row.next_attempt_at.is_(None), row.next_attempt_at <= now),
        or_(row.claimed_until.is_(None), row.claimed_until < now),
    )


def _set(session: Session, ack_id: int, **values: Any) -> None:
    session.execute(update(Acknowledgement).where(Acknowledgement.id == ack_id).values(**values))


def mark_sent(session: Session, ack_id: int, attempts: int, now: datetime) -> None:
    """The server (or folder) took the message."""
    _set(
        session,
        ack_id,
        status="sent",
        sent_at=now,
        attempts=attempts,
        next_attempt_at=None,
        last_error=None,
        **_NO_CLAIM,
    )


def mark_retry(
    session: Session, ack_id: int, attempts: int, next_attempt_at: datetime, error: str
) -> None:
    """A temporary failure: pending again from ``next_attempt_at``."""
    _set(
        session,
        ack_id,
        attempts=attempts,
        next_attempt_at=next_attempt_at,
        last_error=error,
        **_NO_CLAIM,
    )


def mark_failed(session: Session, ack_id: int, attempts: int, error: str) -> None:
    """A permanent failure, or the last attempt failed: never tried again by itself."""
    _set(
        session,
        ack_id,
        status="failed",
        attempts=attempts,
        next_attempt_at=None,
        last_error=error,
        **_NO_CLAIM,
    )


def mark_suppressed(session: Session, ack_id: int, reason: str) -> None:
    """Deliberately not sent, with the reason."""
    _set(session, ack_id, status="suppressed", reason=reason, next_attempt_at=None, **_NO_CLAIM)


def release(
    session: Session,
    ack_id: int,
    error: str | None = None,
    not_before: datetime | None = None,
    attempts: int | None = None,
) -> None:
    """Give a claimed row back, still pending; ``attempts`` undoes an attempt just recorded
    that never reached the transport's recipient (untouched when None)."""
    values: dict[str, Any] = dict(_NO_CLAIM)
    if error is not None:
        values.update(last_error=error, next_attempt_at=not_before)
    if attempts is not None:
        values.update(attempts=attempts)
    _set(session, ack_id, **values)


def release_untouched(session: Session, ack_ids: Sequence[int], claimer: str) -> None:
    """Give the rows ``claimer`` holds among ``ack_ids`` back as they were, still pending (one
    statement per 500 rows); a row another sender took since is left to it."""
    row = Acknowledgement
    for chunk in in_batches(ack_ids):
        session.execute(
            update(row).where(row.id.in_(chunk), row.claimed_by == claimer).values(**_NO_CLAIM)
        )


def set_message_id(session: Session, ack_id: int, message_id: str) -> None:
    """Fix the Message-ID of a row that has none yet, before its first attempt."""
    session.execute(
        update(Acknowledgement)
        .where(Acknowledgement.id == ack_id, Acknowledgement.outbound_message_id.is_(None))
        .values(outbound_message_id=message_id)
    )


def sent_to_recipient_since(session: Session, recipient: str, since: datetime) -> int:
    """How many acknowledgements went to ``recipient`` from ``since`` on."""
    row = Acknowledgement
    query = select(func.count()).where(
        row.status == "sent", row.recipient == recipient, row.sent_at >= since
    )
    return session.scalar(query) or 0


def sent_for_vacancy_since(
    session: Session, recipient: str, vacancy: str | None, since: datetime
) -> int:
    """How many acknowledgements of applications to ``vacancy`` (None: not recognised) went
    to ``recipient`` from ``since`` on."""
    row = Acknowledgement
    same_vacancy = (
        Application.vacancy.is_(None) if vacancy is None else Application.vacancy == vacancy
    )
    query = (
        select(func.count())
        .select_from(row)
        .join(Application, Application.id == row.application_id)
        .where(row.status == "sent", row.recipient == recipient, row.sent_at >= since, same_vacancy)
    )
    return session.scalar(query) or 0


def sent_since(session: Session, since: datetime) -> int:
    """How many acknowledgements were sent from ``since`` on (the global rate)."""
    query = select(func.count()).where(
        Acknowledgement.status == "sent", Acknowledgement.sent_at >= since
    )
    return session.scalar(query) or 0


def held_elsewhere(
    session: Session, ack_id: int, recipient: str, claimer: str, now: datetime
) -> bool:
    """Whether another sender holds an older pending row for the same recipient (the
    per-recipient cap is then counted after that one is settled)."""
    row = Acknowledgement
    query = select(row.id).where(
        row.recipient == recipient,
        row.status == "pending",
        row.id < ack_id,
        row.claimed_by != claimer,
        row.claimed_until >= now,
    )
    return session.scalar(query.limit(1)) is not None


def list_acknowledgements(session: Session, status: str | None = None) -> Sequence[Acknowledgement]:
    """Every row (or those in ``status``), in id order."""
    query = select(Acknowledgement).order_by(Acknowledgement.id)
    if status is not None:
        query = query.where(Acknowledgement.status == status)
    return session.scalars(query).all()


def reset_for_retry(session: Session, ack_id: int) -> str | None:
    """Put a failed, suppressed or disabled row back to pending, attempts reset; the status the
    row had (rows in other statuses are left as they are), None when there is no such row."""
    status = session.scalar(select(Acknowledgement.status).where(Acknowledgement.id == ack_id))
    if status in RETRYABLE:
        _set(
            session,
            ack_id,
            status="pending",
            reason=None,
            attempts=0,
            next_attempt_at=None,
            last_error=None,
            **_NO_CLAIM,
        )
    return status
