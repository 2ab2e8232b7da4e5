"""Frozen records the service hands to storage: what one processed message will become."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class MessageKey:
    """Where a message lives: unique per stored message row."""

    mailbox: str
    folder: str
    uidvalidity: int
    uid: str


@dataclass(frozen=True)
class DocumentRecord:
    """One attachment to store with its application."""

    filename: str
    content_type: str
    content: bytes
    sha256: str
    kind: str = "other"
    status: str | None = None
    language: str | None = None
    pages: int | None = None
    text: str | None = None
    error: str | None = None

    @property
    def size(self) -> int:
        """Size of the content in bytes."""
        return len(self.content)


@dataclass(frozen=True)
class FlagRecord:
    """One flag code with the evidence HR reads."""

    code: str
    evidence: str | None = None


@dataclass(frozen=True)
class AcknowledgementRecord:
    """The outbox row written with an application: to whom, in which language, or why not."""

    status: str = "pending"
    recipient: str | None = None
    reason: str | None = None
    language: str | None = None
    message_id: str | None = None


@dataclass(frozen=True)
class ApplicationRecord:
    """The facts of one application."""

    sender: str | None
    sender_name: str | None
    subject: str | None
    body_text: str
    vacancy: str | None = None
    candidate_name: str | None = None
    subject_valid: bool = False
    late: bool | None = None
    relatives: str = "none"
    relatives_evidence: str | None = None
    relatives_relation: str | None = None
    relatives_name: str | None = None
    has_cv: bool = False
    has_letter: bool = False
    sender_key: str | None = None
    name_key: str | None = None
    previous_application_id: int | None = None
    documents: tuple[DocumentRecord, ...] = ()
    flags: tuple[FlagRecord, ...] = ()
    acknowledgement: AcknowledgementRecord = AcknowledgementRecord()


@dataclass(frozen=True)
class MessageRecord:
    """One message as it will be stored; ``application`` only for applications."""

    key: MessageKey
    raw: bytes
    sha256: str
    content_hash: str
    received_at: datetime
    disposition: str
    message_id: str | None = None
    date_header: str | None = None
    date_claimed: datetime | None = None
    sender: str | None = None
    sender_name: str | None = None
    subject: str | None = None
    disposition_reason: str | None = None
    error: str | None = None
    application: ApplicationRecord | None = None
    watermark_uid: int | None = field(default=None)
    # Set when analysis skipped the attachments because the content is already stored: such
    # a record can only relocate or duplicate that copy, never become an application itself.
    copy_expected: bool = False
    # What the message says, blind to its encoding (parsers.semantic_fingerprint); not
    # stored: a re-send with another Date or MIME boundary is recognised by comparing it with
    # the stored raw bytes of the same Message-ID. None when it could not be computed.
    semantic_hash: str | None = None


@dataclass(frozen=True)
class NameProof:
    """What must back a match by name from another address: a namesake shares neither.

    ``hashes`` are the SHA-256 of the new application's documents; ``keys`` are (kind, value)
    identity keys an earlier application of the same person would hold (its phone numbers,
    the addresses written in its CV, the new sender written in its CV).
    """

    hashes: tuple[str, ...] = ()
    keys: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EarlierApplications:
    """What the same candidate sent before for the same vacancy."""

    latest_id: int
    latest_received_at: datetime
    count: int
    has_cv: bool
    has_letter: bool
    # How the candidate was recognised: "address" or "name".
    matched_on: str
