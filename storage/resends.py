"""Finds the stored original of a re-sent message: same Message-ID and sender, same meaning."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.erasure import ERASED
from storage.large_transfers import note_read
from storage.models import Message
from storage.records import MessageRecord

#: The semantic fingerprint of stored raw bytes (None when they cannot be read); storage
#: does not parse mail, so the service hands this in.
Fingerprint = Callable[[bytes], str | None]

#: At most this many stored messages of one Message-ID and sender are read back and compared.
MAX_COMPARED = 20
#: Re-encoding the same content grows a message at most about threefold (quoted-printable
#: of binary data); stored messages larger than that cannot be the same content.
_GROWTH = 3
_SLACK_BYTES = 64 * 1024


def resent_original(
    session: Session, record: MessageRecord, fingerprint: Fingerprint | None, lock: bool = True
) -> Message | None:
    """The first stored message (not a duplicate) this record re-sends in other raw bytes.

    Only a record with a Message-ID and a semantic fingerprint is compared, and only with
    stored messages of the same Message-ID and sender whose raw fingerprint differs. With
    ``lock`` (inside a write) the rows read are locked on PostgreSQL, as the raw comparison's.
    """
    if fingerprint is None or record.message_id is None or record.semantic_hash is None:
        return None
    same_sender = (
        Message.sender.is_(None) if record.sender is None else Message.sender == record.sender
    )
    query = (
        select(Message)
        .where(
            Message.message_id == record.message_id,
            same_sender,
            Message.content_hash != record.content_hash,
            Message.disposition.not_in(("duplicate", ERASED)),
            Message.size <= len(record.raw) * _GROWTH + _SLACK_BYTES,
        )
        .order_by(Message.id)
        .limit(MAX_COMPARED)
    )
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    compared = list(session.scalars(query))
    note_read(session, sum(stored.size for stored in compared))
    for stored in compared:
        if fingerprint(stored.raw) == record.semantic_hash:
            return stored
    return None
