"""The Mailbox protocol, the RawMessage it yields and the Ledger it asks what is new."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class RawMessage:
    """One message as the mailbox holds it, keyed by (mailbox, folder, uidvalidity, uid).

    ``uid`` is a string for every kind: an IMAP UID in decimal, a Maildir unique name.
    ``received_at`` is the server's receipt time, always timezone-aware. ``problem`` says
    what the mailbox could not give us (e.g. no usable INTERNALDATE, so ``received_at`` is
    the fetch time): such a message is stored quarantined with that problem as its error.
    """

    mailbox: str
    folder: str
    uidvalidity: int
    uid: str
    received_at: datetime
    data: bytes
    problem: str | None = None


@dataclass(frozen=True)
class Watermark:
    """The highest UID fully stored for one folder under one UIDVALIDITY."""

    uidvalidity: int
    last_uid: int


class Ledger(Protocol):
    """What the database knows about a folder, asked by a mailbox to find new messages."""

    def watermark(self, mailbox: str, folder: str) -> Watermark | None:
        """The stored watermark for the folder, or None before the first message."""
        ...

    def known_uids(
        self, mailbox: str, folder: str, uidvalidity: int, uids: Iterable[str]
    ) -> set[str]:
        """Those of ``uids`` that already have a stored message row."""
        ...


class Mailbox(Protocol):
    """A source of messages: IMAP, Maildir or the in-memory fake."""

    @property
    def name(self) -> str:
        """A stable identity for the key, e.g. ``imap://user@host``."""
        ...

    @property
    def folder(self) -> str:
        """The folder polled."""
        ...

    def fetch_new(self, ledger: Ledger) -> Iterator[RawMessage]:
        """Yield the messages not yet stored, in ascending UID order, fetching only those."""
        ...

    def mark_done(self, message: RawMessage) -> None:
        """Record in the mailbox that the message is stored (keyword, move or nothing)."""
        ...

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        """Mark done messages stored earlier whose mark a crash lost (the same mark as
        ``mark_done``); UIDs no longer in the folder, or of another UIDVALIDITY, are skipped."""
        ...

    def without_mark(self, ledger: Ledger) -> tuple[int, list[str]]:
        """The UIDVALIDITY and the UIDs of messages in the folder that carry no done mark
        although the ledger knows them as stored (a crash before the mark, a mark taken off
        by hand); none where nothing is marked."""
        ...

    def close(self) -> None:
        """Release the connection; safe to call twice."""
        ...
