"""The ``intake acks`` commands: list the outbox, put a row back for retry, preview, send now."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.acks.errors import AckError
from intake.config.needs import require_sending_secrets
from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from intake.hr.views import iso_utc
from intake.output import write_rows
from storage import outbox
from storage.database import write_transaction
from storage.models import Acknowledgement, utcnow

COLUMNS = (
    "id", "application_id", "recipient", "status", "reason", "attempts",
    "next_attempt_at", "last_error", "sent_at",
)  # fmt: skip
#: What fits a terminal; JSON and CSV carry every column.
TABLE_COLUMNS = ("id", "application_id", "recipient", "status", "reason", "attempts", "last_error")
PREVIEW_MESSAGE_ID = "<ack.preview@invalid>"


def run(args: argparse.Namespace, config: Config) -> int:
    """Run the chosen ``acks`` action; its exit code."""
    if args.acks_action == "send":
        require_sending_secrets(config)
    runtime = open_runtime(config, schema="upgrade" if args.acks_action == "send" else "require")
    try:
        if args.acks_action == "retry":
            return retry(runtime, args.ack_id)
        if args.acks_action == "preview":
            return preview(runtime, args.application_id, raw=args.raw)
        if args.acks_action == "send":
            return send(runtime)
        with runtime.sessions() as session:
            columns = TABLE_COLUMNS if args.format == "table" else COLUMNS
            write_rows(rows(session, args.status), columns, args.format, sys.stdout)
        return EXIT_OK
    finally:
        runtime.close()


def rows(session: Session, status: str | None) -> Iterator[dict[str, Any]]:
    """The outbox rows as the listing shows them."""
    for ack in outbox.list_acknowledgements(session, status):
        yield {
            "id": ack.id,
            "application_id": ack.application_id,
            "recipient": ack.recipient,
            "status": ack.status,
            "reason": ack.reason,
            "attempts": ack.attempts,
            "next_attempt_at": iso_utc(ack.next_attempt_at) if ack.next_attempt_at else None,
            "last_error": ack.last_error,
            "sent_at": iso_utc(ack.sent_at) if ack.sent_at else None,
        }


def retry(runtime: Runtime, ack_id: int) -> int:
    """A failed, suppressed or disabled row back to pending; exit 2 for any other."""
    with write_transaction(runtime.sessions) as session:
        status = outbox.reset_for_retry(session, ack_id)
    if status is None:
        print(f"intake: no acknowledgement {ack_id}", file=sys.stderr)
        return EXIT_USAGE
    if status not in outbox.RETRYABLE:
        print(f"intake: acknowledgement {ack_id} is {status}, not retried", file=sys.stderr)
        return EXIT_USAGE
    print(f"acknowledgement {ack_id}: {status} -> pending (sent at the next drain)")
    return EXIT_OK


def preview(runtime: Runtime, application_id: int, *, raw: bool = False) -> int:
    """Print the application's acknowledgement, decoded (or, ``raw``, as it would be sent);
    nothing is sent or stored."""
    # Imported here: composing loads the templates and the subject lexicon, which listing
    # the outbox does without.
    from intake.acks.outgoing import load_outgoing
    from intake.acks.readable import readable_lines

    config = runtime.config
    with runtime.sessions() as session:
        ack_id = session.scalar(
            select(Acknowledgement.id).where(Acknowledgement.application_id == application_id)
        )
        outgoing = load_outgoing(session, ack_id, config) if ack_id is not None else None
    if outgoing is None:
        print(f"intake: no application {application_id}", file=sys.stderr)
        return EXIT_USAGE
    try:
        message = outgoing.message(config, outgoing.message_id or PREVIEW_MESSAGE_ID, utcnow())
    except (AckError, ValueError) as exc:
        print(f"intake: cannot compose acknowledgement {outgoing.ack_id}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"acknowledgement {outgoing.ack_id} ({outgoing.status}):", file=sys.stderr)
    if raw:
        sys.stdout.buffer.write(message.as_bytes())
        sys.stdout.buffer.flush()
    else:
        print("\n".join(readable_lines(message)))
    return EXIT_OK


def send(runtime: Runtime) -> int:
    """Drain the outbox once, as the end of a poll does."""
    from intake.acks.sender import send_due

    report = send_due(runtime.config, runtime.sessions)
    print(report.summary())
    return EXIT_OK
