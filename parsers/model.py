"""Frozen dataclasses that carry parsed mail across package boundaries."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Disposition(enum.StrEnum):
    """What a stored message is; the parsers decide the first five."""

    APPLICATION = "application"
    ENQUIRY = "enquiry"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    BULK = "bulk"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class Attachment:
    """One attached file, decoded to its bytes."""

    filename: str
    content_type: str
    payload: bytes


@dataclass(frozen=True)
class ParsedMessage:
    """Everything the service needs from one MIME message."""

    message_id: str | None
    sender: str | None
    sender_name: str | None
    reply_to: str | None
    subject: str
    date_header: str | None
    date_claimed: datetime | None
    return_path: str | None
    headers: tuple[tuple[str, str], ...]
    body_text: str
    attachments: tuple[Attachment, ...] = field(default=())
    content_type: str = "text/plain"
    # The distinct content types of all parts, nested ones included (a forwarded DSN's too).
    part_types: tuple[str, ...] = field(default=())
    defects: tuple[str, ...] = field(default=())
    # Every addr-spec of the From headers as the email package reads them (lowercased), and
    # whether one is a group: an acknowledgement goes only to a From of exactly one mailbox.
    from_addresses: tuple[str, ...] = field(default=())
    from_is_group: bool = False

    def header(self, name: str) -> str | None:
        """The first value of a header, case-insensitive, or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def has_header(self, name: str) -> bool:
        """Whether the header is present at all (an empty value counts)."""
        return self.header(name) is not None
