"""The robots and their controls delivered to a Maildir, and what a poll stored and sent."""

from __future__ import annotations

import email
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from parsers.message import parse_message
from storage.models import Message
from tests.robot_controls import CONTROLS
from tests.robot_messages import robots

# Delivered one minute apart from here (a Maildir file's unique name gives its time).
FIRST_DELIVERY = int(datetime(2025, 10, 20, 10, 0, tzinfo=UTC).timestamp())


def deliver_all(maildir: Path) -> int:
    """The hundred robots, then the controls, written to ``maildir``/new; how many."""
    raws = [raw for _, raw in robots()] + [raw for _, _, raw in CONTROLS]
    for number, raw in enumerate(raws):
        (maildir / "new" / f"{FIRST_DELIVERY + 60 * number}.M{number}P1.robots").write_bytes(raw)
    return len(raws)


def stored(sessions: sessionmaker[Session]) -> dict[str, str]:
    """The disposition of every stored message, by Message-ID."""
    with sessions() as session:
        rows = session.execute(select(Message.message_id, Message.disposition)).all()
    return {str(message_id): disposition for message_id, disposition in rows}


def acknowledged(outbox: Path) -> Counter[str]:
    """How many acknowledgements in the outbox folder answer each Message-ID."""
    replies = (email.message_from_bytes(path.read_bytes()) for path in outbox.glob("*.eml"))
    return Counter(str(reply["In-Reply-To"]) for reply in replies)


def robots_acknowledged(acks: Counter[str]) -> list[str]:
    """The robots' Message-IDs among those acknowledged."""
    return [key for key in acks if key.startswith("<robot-")]


def controls_as_stored(dispositions: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """(Message-ID, expected disposition, stored disposition) of each control."""
    keys = [(str(parse_message(raw).message_id), want) for _, want, raw in CONTROLS]
    return [(key, want, dispositions.get(key)) for key, want in keys]
