"""``intake quarantine``: list the messages that could not be read, and try one again."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK
from intake.hr.views import iso_utc
from intake.output import write_rows
from storage.models import utcnow
from storage.reprocessing import QuarantinedRow, error_summary, quarantined_messages

COLUMNS = ("id", "received_at", "sender", "subject", "error")


def run(args: argparse.Namespace, config: Config) -> int:
    """Run the chosen action."""
    if args.quarantine_action == "retry":
        return _retry(config, args.message_id)
    with runtime_for(config) as runtime, runtime.sessions() as session:
        write_rows(
            quarantine_rows(session, args.format == "table"), COLUMNS, args.format, sys.stdout
        )
    return EXIT_OK


def quarantine_rows(session: Session, first_line_only: bool) -> Iterator[dict[str, Any]]:
    """Every quarantined message as a listing row; the table shows the error's first line."""
    for row in quarantined_messages(session):
        sender, subject = row.sender, row.subject
        if sender is None and subject is None:
            sender, subject = _headers_of(row)
        yield {
            "id": row.id,
            "received_at": iso_utc(row.received_at),
            "sender": sender,
            "subject": subject,
            "error": error_summary(row.error) if first_line_only else row.error,
        }


def _headers_of(row: QuarantinedRow) -> tuple[str | None, str | None]:
    """Sender and subject read from the raw header section (a message quarantined before it
    was parsed has neither stored); nothing when even that cannot be read."""
    from parsers.errors import MessageParseError
    from parsers.fingerprint import header_block
    from parsers.message import parse_message

    try:
        parsed = parse_message(header_block(row.head))
    except MessageParseError:
        return None, None
    return parsed.sender, parsed.subject or None


def _retry(config: Config, message_pk: int) -> int:
    from intake.poll.analysis import Analyser
    from intake.poll.workers import pooled_extractor
    from intake.reprocess.quarantine import retry_lines, retry_quarantined

    with runtime_for(config) as runtime:
        extractor = pooled_extractor(config)
        try:
            retried = retry_quarantined(Analyser(config, extractor), runtime.sessions, message_pk)
        finally:
            extractor.close()
    for line in retry_lines(retried, config, utcnow()):
        print(line)
    return EXIT_OK
