"""Marks done what an interrupted poll stored but never marked, without reading it again."""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlalchemy.orm import Session, sessionmaker

from intake.errors import MailboxConnectionLost, MailboxError
from intake.mailbox.base import Ledger, Mailbox
from storage import marks
from storage.database import database_errors, write_transaction
from storage.models import utcnow

log = logging.getLogger(__name__)


def mark_unmarked(mailbox: Mailbox, sessions: sessionmaker[Session]) -> int:
    """Mark every stored but unmarked message of this folder; how many were marked.

    A crash between a message's commit and its mark leaves it stored, known to the ledger
    (so never fetched again) and unmarked; this puts the mark there. A refusal by the
    server is logged and tried again next poll; a lost connection fails the poll.
    """
    done = 0
    while True:
        with database_errors(), sessions() as session:
            batch = marks.unmarked(session, mailbox.name, mailbox.folder)
        if not batch:
            break
        by_validity: dict[int, list[marks.Unmarked]] = defaultdict(list)
        for row in batch:
            by_validity[row.uidvalidity].append(row)
        for uidvalidity, rows in by_validity.items():
            uids, message_pks = [row.uid for row in rows], [row.message_pk for row in rows]
            if not mark_and_record(mailbox, sessions, uidvalidity, uids, message_pks):
                return done
            done += len(rows)
    if done:
        log.info(
            "%s %s: %d stored message(s) marked done after an interrupted poll",
            mailbox.name,
            mailbox.folder,
            done,
        )
    return done


def mark_and_record(
    mailbox: Mailbox,
    sessions: sessionmaker[Session],
    uidvalidity: int,
    uids: list[str],
    message_pks: list[int],
) -> bool:
    """Mark these stored messages done in one command, then record the marks in one
    transaction; False when the server refused (logged), a lost connection is raised."""
    if not _mark(mailbox, uidvalidity, uids):
        return False
    with database_errors(), write_transaction(sessions) as session:
        marks.record_marked(session, message_pks, utcnow())
    return True


def sweep_marks(mailbox: Mailbox, ledger: Ledger) -> int:
    """Mark done the stored messages the folder shows unmarked; how many were marked.

    ``mark_unmarked`` finds them from the database's side; this finds them from the server's:
    a mark the server lost, or one a person took off by hand. It costs a SELECT and a SEARCH,
    so the poll runs it once per process start and then hourly (``MarkSweep``).
    """
    uidvalidity, uids = mailbox.without_mark(ledger)
    if uids and _mark(mailbox, uidvalidity, uids):
        log.info(
            "%s %s: %d stored message(s) found without their done mark, marked again",
            mailbox.name,
            mailbox.folder,
            len(uids),
        )
        return len(uids)
    return 0


def _mark(mailbox: Mailbox, uidvalidity: int, uids: list[str]) -> bool:
    """Whether the mailbox took the marks (a refusal is logged, a lost connection raised)."""
    try:
        mailbox.mark_stored(uidvalidity, uids)
    except MailboxConnectionLost:
        raise
    except MailboxError as exc:
        log.warning(
            "%s: %d stored message(s) could not be marked done: %s", mailbox.name, len(uids), exc
        )
        return False
    return True
