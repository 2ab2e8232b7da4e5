"""Claims on messages being processed, so pollers sharing a database never process one twice.

A claim is a row per message key with its holder and a lease end; the holder renews the lease
while it works (``renew``) and the row goes with the message's store (``release``), so only a
dead holder's claim runs out, and the message is then taken over by the next poll.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from storage.database import database_errors, write_transaction
from storage.models import MessageClaim
from storage.records import MessageKey
from storage.repository import message_at


def claim(session: Session, key: MessageKey, claimer: str, now: datetime, until: datetime) -> bool:
    """Claim the message at ``key`` for ``claimer`` (inside the caller's transaction); False
    when it is stored already or another holder's claim still runs.

    The stored check comes after the claim: a poll that stores the message drops its claim in
    the same commit, so a claim won after that commit still sees the stored row.
    """
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    row = MessageClaim
    statement = module.insert(row).values(
        mailbox=key.mailbox,
        folder=key.folder,
        uidvalidity=key.uidvalidity,
        uid=key.uid,
        claimed_by=claimer,
        claimed_until=until,
    )
    statement = statement.on_conflict_do_update(
        index_elements=[row.mailbox, row.folder, row.uidvalidity, row.uid],
        set_={"claimed_by": claimer, "claimed_until": until},
        where=or_(row.claimed_until < now, row.claimed_by == claimer),
    )
    # The upsert returns its row only when it inserted or updated it: no row, another
    # holder's claim still runs.
    won = session.scalar(statement.returning(row.claimed_by)) == claimer
    return won and message_at(session, key) is None


def holder(session: Session, key: MessageKey) -> str | None:
    """Who holds the claim on ``key``, if anyone."""
    return session.scalar(select(MessageClaim.claimed_by).where(*_at(key)))


def take_over(session: Session, key: MessageKey, dead: str, claimer: str, until: datetime) -> bool:
    """Move the claim of ``dead`` (known to have died) to ``claimer``; False if it moved on."""
    result = session.execute(
        update(MessageClaim)
        .where(*_at(key), MessageClaim.claimed_by == dead)
        .values(claimed_by=claimer, claimed_until=until)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def release(session: Session, key: MessageKey) -> None:
    """The message is stored (inside that transaction): nobody needs to skip it any more."""
    session.execute(delete(MessageClaim).where(*_at(key)))


def renew(sessions: sessionmaker[Session], claimer: str, until: datetime) -> None:
    """Push every claim of ``claimer`` to ``until`` (the holder's heartbeat)."""
    with database_errors(), write_transaction(sessions) as session:
        session.execute(
            update(MessageClaim)
            .where(MessageClaim.claimed_by == claimer)
            .values(claimed_until=until)
        )


def release_all(sessions: sessionmaker[Session], claimer: str) -> None:
    """Give back what ``claimer`` still holds (a poll that ends early, or fails)."""
    with database_errors(), write_transaction(sessions) as session:
        session.execute(delete(MessageClaim).where(MessageClaim.claimed_by == claimer))


def _at(key: MessageKey) -> tuple[ColumnElement[bool], ...]:
    row = MessageClaim
    return (
        row.mailbox == key.mailbox,
        row.folder == key.folder,
        row.uidvalidity == key.uidvalidity,
        row.uid == key.uid,
    )
