"""Turns one raw message into the record storage will write (pure: no database, no mailbox)."""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import replace

from intake.config import Config
from intake.mailbox.base import RawMessage
from intake.rules import Facts, judge
from parsers.disposition import classify_with_reason
from parsers.fingerprint import content_fingerprint, header_block, sha256_hex
from parsers.message import parse_message
from parsers.model import Attachment, Disposition, ParsedMessage
from storage.records import ApplicationRecord, DocumentRecord, MessageKey, MessageRecord

ERROR_TEXT_LIMIT = 20_000
HEADER_FIELD_LIMIT = 998
CONTENT_TYPE_LIMIT = 255


class MailboxProblem(Exception):
    """The mailbox could not give everything a message needs (see RawMessage.problem)."""


def analyse(raw: RawMessage, config: Config) -> MessageRecord:
    """The record of ``raw``; anything that fails becomes a quarantined record, never an error."""
    if raw.problem is not None:
        return quarantined(raw, MailboxProblem(raw.problem))
    try:
        return _analyse(raw, config)
    except Exception as exc:  # one bad message must never stop the others
        return quarantined(raw, exc)


def quarantined(raw: RawMessage, exc: BaseException) -> MessageRecord:
    """A record keeping the raw bytes and the error, with no application."""
    details = "".join(traceback.format_exception(exc))
    error = clean(f"{type(exc).__name__}: {exc}\n\n{details}")[:ERROR_TEXT_LIMIT]
    return replace(_bare_record(raw, Disposition.QUARANTINED), error=error)


def _bare_record(raw: RawMessage, disposition: str) -> MessageRecord:
    """What every stored message carries, whatever its content."""
    return MessageRecord(
        key=message_key(raw),
        raw=raw.data,
        sha256=sha256_hex(raw.data),
        content_hash=content_fingerprint(raw.data),
        received_at=raw.received_at,
        disposition=disposition,
        watermark_uid=_watermark_uid(raw),
    )


def message_key(raw: RawMessage) -> MessageKey:
    """Where the message lives in the mailbox."""
    return MessageKey(raw.mailbox, raw.folder, raw.uidvalidity, raw.uid)


def clean(text: str) -> str:
    """Text safe for every database (PostgreSQL refuses NUL characters)."""
    return text.replace("\x00", "")


def _optional(text: str | None) -> str | None:
    return None if text is None else clean(text)


def _header_field(text: str | None) -> str | None:
    """A header-derived value, cut to the RFC 5322 line limit so every index accepts it."""
    return None if text is None else clean(text)[:HEADER_FIELD_LIMIT]


def _watermark_uid(raw: RawMessage) -> int | None:
    return int(raw.uid) if raw.uid.isdigit() else None


def _analyse(raw: RawMessage, config: Config) -> MessageRecord:
    truncated = len(raw.data) > config.limits.max_message_bytes
    parsed = parse_message(header_block(raw.data) if truncated else raw.data)
    disposition, reason = classify_with_reason(parsed)
    application = None
    if disposition is Disposition.APPLICATION:
        application = _application(parsed, len(raw.data), truncated, config)
    return replace(
        _bare_record(raw, disposition),
        disposition_reason=reason,
        message_id=_header_field(parsed.message_id),
        date_header=_optional(parsed.date_header),
        date_claimed=parsed.date_claimed,
        sender=_header_field(parsed.sender),
        sender_name=_optional(parsed.sender_name),
        subject=clean(parsed.subject),
        application=application,
    )


def _application(
    parsed: ParsedMessage, size: int, truncated: bool, config: Config
) -> ApplicationRecord:
    documents = tuple(_documents(parsed.attachments, config))
    flags = judge(Facts(parsed, size, documents, truncated), config)
    sending = config.acknowledgements.transport != "off"
    return ApplicationRecord(
        sender=_header_field(parsed.sender),
        sender_name=_optional(parsed.sender_name),
        subject=clean(parsed.subject),
        body_text=clean(parsed.body_text),
        documents=documents,
        flags=flags,
        acknowledgement_status="pending" if sending else "disabled",
        acknowledgement_recipient=_header_field(parsed.reply_to or parsed.sender),
    )


def _documents(attachments: Iterable[Attachment], config: Config) -> Iterable[DocumentRecord]:
    limits = config.limits
    for index, attachment in enumerate(attachments):
        problem = None
        if index >= limits.max_attachments:
            problem = f"attachment {index + 1} is over max_attachments ({limits.max_attachments})"
        elif len(attachment.payload) > limits.max_attachment_bytes:
            problem = (
                f"{len(attachment.payload)} bytes, over max_attachment_bytes "
                f"({limits.max_attachment_bytes})"
            )
        yield DocumentRecord(
            filename=clean(attachment.filename),
            content_type=clean(attachment.content_type)[:CONTENT_TYPE_LIMIT],
            content=attachment.payload,
            sha256=sha256_hex(attachment.payload),
            status="rejected" if problem else None,
            error=problem,
        )
