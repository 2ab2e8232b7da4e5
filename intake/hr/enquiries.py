"""The enquiries HR must answer: stored messages judged ``enquiry``, newest first, each with
its sender, its dates, the candidate it replies to and the first lines the sender wrote
(quoted replies left out)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.hr.choices import FIRST_LINES
from intake.hr.views import iso_utc
from intake.terminal_text import safe_lines
from parsers.errors import MessageParseError
from parsers.identity.thread import replied_ids
from parsers.model import Disposition
from parsers.sender_text import own_text
from storage import candidate_store
from storage.models import Message

ENQUIRY_COLUMNS = (
    "id", "message_id", "received_at", "received_local", "sender", "sender_name", "subject",
    "candidate", "first_lines",
)  # fmt: skip
#: The table: the first lines are printed under each row, across the whole width.
ENQUIRY_TABLE_COLUMNS = ("id", "received_local", "sender", "subject", "candidate")


def enquiry_dicts(
    session: Session, zone: ZoneInfo, since: datetime | None = None, lines: int = FIRST_LINES
) -> Iterator[dict[str, Any]]:
    """Every enquiry received at or after ``since``, newest first, as a listing object."""
    query = select(Message).where(Message.disposition == Disposition.ENQUIRY.value)
    if since is not None:
        query = query.where(Message.received_at >= since)
    query = query.order_by(Message.received_at.desc(), Message.id.desc())
    for message in session.scalars(query.execution_options(yield_per=100)):
        yield {
            "id": message.id,
            "message_id": message.message_id,
            "received_at": iso_utc(message.received_at),
            "received_local": local_time(message.received_at, zone),
            "sender": message.sender,
            "sender_name": message.sender_name,
            "subject": message.subject,
            "candidate": thread_candidate(session, message.raw),
            "first_lines": first_lines(message.raw, lines),
        }


def thread_candidate(session: Session, raw: bytes) -> int | None:
    """The candidate whose email, or our acknowledgement of it, this message replies to."""
    return candidate_store.candidate_of_thread(session, replied_ids(raw))


def candidate_enquiries(session: Session, candidate_id: int, since: datetime) -> list[Message]:
    """The enquiries received since ``since`` that reply to the candidate's thread."""
    query = (
        select(Message)
        .where(Message.disposition == Disposition.ENQUIRY.value, Message.received_at >= since)
        .order_by(Message.received_at, Message.id)
    )
    return [
        message
        for message in session.scalars(query)
        if thread_candidate(session, message.raw) == candidate_id
    ]


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """``moment`` in the organisation's timezone, ISO 8601 to the minute with its offset."""
    return moment.astimezone(zone).isoformat(timespec="minutes")


def first_lines(raw: bytes, count: int) -> list[str]:
    """The first ``count`` non-blank lines the sender wrote: quoted lines (``> …``) and the
    quoted message under "On … wrote:" left out, each line made safe to print."""
    # Imported here: the MIME parser and its HTML reader cost a candidate's page 0.04 s of CPU
    # at start, and most candidates have no enquiry to read.
    from parsers.message import parse_message

    try:
        body = parse_message(raw).body_text
    except MessageParseError:
        return []
    return safe_lines(own_text(body))[:count]
