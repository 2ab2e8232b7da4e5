"""Turns one raw message into the record storage will write (no database, no mailbox).

Analysis runs in two steps so that a poll can read ahead: ``start`` parses the message and
hands its attachments to the extractor's workers; ``finish`` waits for them and judges.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace

from intake.config.settings import Config
from intake.mailbox.base import RawMessage
from intake.poll.application import ApplicationBuilder, Arrival
from intake.poll.attachments import PendingDocument
from intake.poll.extraction import Extractor
from intake.poll.storable import clean, header_field, optional_text
from intake.rules.identity import CandidateHistory, NoHistory
from parsers.disposition import classify_with_reason
from parsers.fingerprint import content_fingerprint, header_block, sha256_hex
from parsers.message import parse_message
from parsers.model import Disposition, ParsedMessage
from parsers.semantic_fingerprint import semantic_fingerprint
from storage.errors import StorageError
from storage.records import MessageKey, MessageRecord

ERROR_TEXT_LIMIT = 20_000
# Whether the content of this record is stored already (same Message-ID and fingerprint, or
# re-sent in other bytes).
HasCopy = Callable[[MessageRecord], bool]


class MailboxProblem(Exception):
    """The mailbox could not give everything a message needs (see RawMessage.problem)."""


@dataclass
class Draft:
    """A message whose attachments may still be in the workers."""

    raw: RawMessage
    record: MessageRecord
    parsed: ParsedMessage | None = None
    truncated: bool = False
    documents: tuple[PendingDocument, ...] = ()

    def held_bytes(self) -> int:
        """Bytes this draft keeps while it waits: the raw message and, for an application, its
        decoded attachments (the part the read-ahead budget must count; the rest is small)."""
        attachments = self.parsed.attachments if self.parsed is not None else ()
        return len(self.raw.data) + sum(len(attachment.payload) for attachment in attachments)

    def cancel(self) -> None:
        """Give up on the attachments still being read."""
        for document in self.documents:
            document.cancel()


class Analyser:
    """Analyses messages against one config, reading attachments with one extractor."""

    def __init__(self, config: Config, extractor: Extractor) -> None:
        self.config = config
        self._builder = ApplicationBuilder(config, extractor)

    def analyse(self, raw: RawMessage, history: CandidateHistory | None = None) -> MessageRecord:
        """The record of ``raw``; anything that fails becomes a quarantined record."""
        return self.finish(self.start(raw), history)

    def start(self, raw: RawMessage, has_copy: HasCopy | None = None) -> Draft:
        """Parse and classify now; the attachments of an application start reading.

        When ``has_copy`` says the content is stored already (a redelivery, or a folder whose
        UIDVALIDITY changed), the attachments are not read again: the record can only relocate
        or duplicate that copy. Errors of ``has_copy`` itself (the database) are raised.
        """
        if raw.problem is not None:
            return Draft(raw, quarantined(raw, MailboxProblem(raw.problem)))
        try:
            draft = self._parse(raw)
        except Exception as exc:  # one bad message must never stop the others
            return Draft(raw, quarantined(raw, exc))
        if draft.parsed is None:
            return draft
        if has_copy is not None and has_copy(draft.record):
            return Draft(raw, replace(draft.record, copy_expected=True))
        try:
            draft.documents = self._builder.start_documents(draft.parsed.attachments)
        except Exception as exc:
            return Draft(raw, quarantined(raw, exc))
        return draft

    def finish(self, draft: Draft, history: CandidateHistory | None = None) -> MessageRecord:
        """Wait for the attachments and judge; a failure quarantines the message.

        ``history`` tells what the candidate sent before (none without it). Its own errors
        (the database) are raised: the message is not at fault.
        """
        if draft.parsed is None:
            return draft.record
        arrival = Arrival(draft.raw.received_at, len(draft.raw.data), draft.truncated)
        try:
            application = self._builder.build(
                draft.parsed, arrival, draft.documents, history or NoHistory()
            )
        except StorageError:
            draft.cancel()
            raise
        except Exception as exc:
            draft.cancel()
            return quarantined(draft.raw, exc)
        return replace(draft.record, application=application)

    def _parse(self, raw: RawMessage) -> Draft:
        """The message parsed and classified; only an application keeps its parsed form."""
        truncated = len(raw.data) > self.config.limits.max_message_bytes
        parsed = parse_message(header_block(raw.data) if truncated else raw.data)
        disposition, reason = classify_with_reason(parsed)
        record = replace(
            _bare_record(raw, disposition),
            disposition_reason=reason,
            message_id=header_field(parsed.message_id),
            date_header=optional_text(parsed.date_header),
            date_claimed=parsed.date_claimed,
            sender=header_field(parsed.sender),
            sender_name=optional_text(parsed.sender_name),
            subject=clean(parsed.subject),
            semantic_hash=None if truncated else semantic_fingerprint(parsed),
        )
        if disposition is not Disposition.APPLICATION:
            return Draft(raw, record)
        return Draft(raw, record, parsed, truncated)


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


def _watermark_uid(raw: RawMessage) -> int | None:
    return int(raw.uid) if raw.uid.isdigit() else None
