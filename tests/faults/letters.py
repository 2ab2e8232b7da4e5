"""Applications for the fault scenarios, each from its own candidate, and their delivery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text

from tests import messages
from tests.dovecot import DovecotServer

FIRST_RECEIPT = datetime(2025, 10, 1, 9, 0, tzinfo=UTC)


def candidate(tag: str, index: int) -> str:
    """The address of candidate ``index`` of a scenario."""
    return f"{tag}.{index}@candidates.example.com"


def application(tag: str, index: int, with_documents: bool = False) -> bytes:
    """A valid application; every third one also carries a real CV and letter when asked."""
    return messages.application(
        sender=f"Candidate {index} <{candidate(tag, index)}>",
        subject=f"Application – Deputy Director, Implementation Support – Candidate {index}",
        message_id=f"<{tag}-{index}@candidates.example.com>",
        attachments=None if with_documents and index % 3 == 0 else (),
    )


def deliver(dovecot: DovecotServer, raws: list[bytes], start: int = 0) -> None:
    """Append ``raws`` to INBOX over one connection, one minute of receipt time apart."""
    with dovecot.client() as client:
        for offset, raw in enumerate(raws):
            when = FIRST_RECEIPT + timedelta(minutes=start + offset)
            client.append("INBOX", raw, msg_time=when)


def sql_count(url: str, query: str) -> int:
    """One number from the database (an outside look, as an operator's SQL would take)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(query)).scalar_one())
    finally:
        engine.dispose()
