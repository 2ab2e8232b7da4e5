"""Finds the rows a purge or an erasure takes, and turns them into empty tombstones.

A tombstone keeps a message row's mailbox key, receipt time, size and hashes (none of them
personal, none reversible) so that the mailbox never reads the message in again, and empties
everything else; the message's application goes with its documents, flags and
acknowledgement (ON DELETE CASCADE).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.batches import IN_LIST_LIMIT, in_batches
from storage.candidate_models import Candidate, CandidateLink
from storage.models import Acknowledgement, Application, Document, Message

ERASED = "erased"
DUPLICATE = "duplicate"
#: Dispositions whose raw bytes are searched for the address: a bounce of our acknowledgement,
#: an auto-reply quoting it, a message too broken to read its sender.
SCANNED_DISPOSITIONS = ("quarantined", "bounce", "auto_reply")
SCAN_BATCH_BYTES = 32 * 1024 * 1024
#: What a tombstone holds in place of the message's own values.
TOMBSTONE_VALUES: dict[str, Any] = {
    "disposition": ERASED,
    "raw": b"",
    "message_id": None,
    "sender": None,
    "sender_name": None,
    "subject": None,
    "date_header": None,
    "date_claimed": None,
    "disposition_reason": None,
    "error": None,
}


@dataclass(frozen=True)
class Selection:
    """The rows one purge or erasure takes; ``copies`` counts the duplicate rows among them."""

    message_ids: tuple[int, ...]
    application_ids: tuple[int, ...]
    copies: int
    documents: int
    acknowledgements: int
    # Our Message-IDs of their acknowledgements: the file transport names its files from them.
    acknowledgement_message_ids: tuple[str, ...]
    oldest: datetime | None
    newest: datetime | None


def purge_selection(session: Session, vacancy: str, cutoff: datetime) -> Selection:
    """The applications of ``vacancy`` received before ``cutoff``, their messages and copies."""
    applications = session.execute(
        select(Application.id, Application.message_pk).where(
            Application.vacancy == vacancy, Application.received_at < cutoff
        )
    ).all()
    return _selection(
        session, {row.id for row in applications}, {row.message_pk for row in applications}
    )


def erase_selection(session: Session, address: str) -> Selection:
    """Every row of one person: ``address`` is a lower-cased plain addr-spec."""
    application_ids = set(
        session.scalars(select(Application.id).where(Application.sender_key == address))
    )
    application_ids |= set(
        session.scalars(
            select(Acknowledgement.application_id).where(
                func.lower(Acknowledgement.recipient) == address
            )
        )
    )
    message_ids = set(
        session.scalars(select(Message.id).where(func.lower(Message.sender) == address))
    )
    message_ids |= mentioning(session, address.encode("utf-8"))
    return _selection(session, application_ids, message_ids)


def total_of_vacancy(session: Session, vacancy: str) -> int:
    """How many applications ``vacancy`` has, whatever their age."""
    return session.scalar(select(func.count()).where(Application.vacancy == vacancy)) or 0


def linked_elsewhere(session: Session, application_ids: Sequence[int]) -> list[int]:
    """Applications outside ``application_ids`` linked to them as the same candidate."""
    taken = set(application_ids)
    linked: set[int] = set()
    for chunk in in_batches(application_ids):
        later = select(Application.id).where(Application.previous_application_id.in_(chunk))
        earlier = select(Application.previous_application_id).where(
            Application.id.in_(chunk), Application.previous_application_id.is_not(None)
        )
        linked.update(session.scalars(later))
        linked.update(i for i in session.scalars(earlier) if i is not None)
    return sorted(linked - taken)


def mentioning(session: Session, needle: bytes) -> set[int]:
    """Messages of the scanned dispositions whose raw bytes hold ``needle`` in any ASCII case.

    The raw bytes are read in batches of bounded size, never all at once.
    """
    sizes = session.execute(
        select(Message.id, Message.size)
        .where(Message.disposition.in_(SCANNED_DISPOSITIONS))
        .order_by(Message.id)
    ).all()
    found: set[int] = set()
    for batch in _batches_by_size([(row.id, row.size) for row in sizes], SCAN_BATCH_BYTES):
        for message_id, raw in session.execute(
            select(Message.id, Message.raw).where(Message.id.in_(batch))
        ):
            if needle in raw.lower():
                found.add(message_id)
    return found


def tombstone(session: Session, selection: Selection) -> None:
    """Delete the selected applications (their documents, flags, acknowledgements cascade)
    and empty the selected messages, inside the caller's transaction."""
    for chunk in in_batches(selection.application_ids):
        session.execute(
            delete(Application).where(Application.id.in_(chunk)),
            execution_options={"synchronize_session": False},
        )
    _drop_emptied_candidates(session)
    for chunk in in_batches(selection.message_ids):
        session.execute(
            update(Message).where(Message.id.in_(chunk)).values(**TOMBSTONE_VALUES),
            execution_options={"synchronize_session": False},
        )


def _drop_emptied_candidates(session: Session) -> None:
    """Candidates whose every application was deleted go too (their name is personal data)."""
    linked = select(CandidateLink.application_id).where(CandidateLink.candidate_id == Candidate.id)
    session.execute(
        delete(Candidate).where(~linked.exists()),
        execution_options={"synchronize_session": False},
    )


def _selection(session: Session, application_ids: set[int], message_ids: set[int]) -> Selection:
    """Complete a first choice: each application's message, each message's application, and
    the duplicate rows that copy any of those messages."""
    message_ids |= _scalars(session, Application.message_pk, Application.id, application_ids)
    application_ids |= _scalars(session, Application.id, Application.message_pk, message_ids)
    message_ids |= _scalars(
        session, Message.id, Message.duplicate_of_id, message_ids, Message.disposition != ERASED
    )
    copies = _scalars(
        session, Message.id, Message.id, message_ids, Message.disposition == DUPLICATE
    )
    taken = sorted(application_ids)
    receipts = _scalar_list(session, Application.received_at, Application.id, taken)
    return Selection(
        message_ids=tuple(sorted(message_ids)),
        application_ids=tuple(taken),
        copies=len(copies),
        documents=len(_scalars(session, Document.id, Document.application_id, taken)),
        acknowledgements=len(
            _scalars(session, Acknowledgement.id, Acknowledgement.application_id, taken)
        ),
        acknowledgement_message_ids=tuple(
            sorted(
                _scalars(
                    session,
                    Acknowledgement.outbound_message_id,
                    Acknowledgement.application_id,
                    taken,
                    Acknowledgement.outbound_message_id.is_not(None),
                )
            )
        ),
        oldest=min(receipts, default=None),
        newest=max(receipts, default=None),
    )


def _scalars(
    session: Session,
    wanted: InstrumentedAttribute[Any],
    key: InstrumentedAttribute[Any],
    ids: Iterable[int],
    *conditions: ColumnElement[bool],
) -> set[Any]:
    """The distinct values of ``wanted`` in rows whose ``key`` is one of ``ids``."""
    return set(_scalar_list(session, wanted, key, ids, *conditions))


def _scalar_list(
    session: Session,
    wanted: InstrumentedAttribute[Any],
    key: InstrumentedAttribute[Any],
    ids: Iterable[int],
    *conditions: ColumnElement[bool],
) -> list[Any]:
    """The values of ``wanted`` in rows whose ``key`` is one of ``ids``, chunk by chunk."""
    values: list[Any] = []
    for chunk in in_batches(sorted(ids)):
        values.extend(session.scalars(select(wanted).where(key.in_(chunk), *conditions)))
    return values


def _batches_by_size(rows: Iterable[tuple[int, int]], limit: int) -> Iterator[list[int]]:
    """Ids grouped so that each group's sizes add up to at most ``limit`` (one at least)."""
    batch: list[int] = []
    total = 0
    for row_id, size in rows:
        if batch and (total + size > limit or len(batch) >= IN_LIST_LIMIT):
            yield batch
            batch, total = [], 0
        batch.append(row_id)
        total += size
    if batch:
        yield batch
