"""An in-memory mailbox that behaves like an IMAP folder, shipped for tests and experiments."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from intake.mailbox.base import Ledger, RawMessage


@dataclass
class FakeMailbox:
    """UIDs, UIDVALIDITY, a watermark-driven search and a done keyword, without a server.

    As in ImapMailbox, ``done`` records what ``mark_done`` marked and is never a filter:
    what is new is decided by the ledger's watermark and known UIDs alone.
    """

    name: str = "fake://mailbox"
    folder: str = "INBOX"
    uidvalidity: int = 1
    messages: dict[int, tuple[datetime, bytes]] = field(default_factory=dict)
    done: set[int] = field(default_factory=set)
    bodies_fetched: int = 0
    _next_uid: int = 1

    def append(self, data: bytes, received_at: datetime | None = None) -> int:
        """Add a message and return its UID."""
        uid = self._next_uid
        self._next_uid += 1
        self.messages[uid] = (received_at or datetime.now(UTC), data)
        return uid

    def recreate(self) -> None:
        """Empty the folder and give it a new UIDVALIDITY, as deleting and recreating it does."""
        self.messages.clear()
        self.done.clear()
        self.uidvalidity += 1
        self._next_uid = 1

    def fetch_new(self, ledger: Ledger) -> Iterator[RawMessage]:
        """Yield messages above the watermark (all after a new UIDVALIDITY) unknown to the ledger.

        Like ImapMailbox, the done keyword is not consulted: a message marked done by another
        installation is still yielded if this ledger does not know it.
        """
        mark = ledger.watermark(self.name, self.folder)
        floor = mark.last_uid if mark and mark.uidvalidity == self.uidvalidity else 0
        candidates = [uid for uid in sorted(self.messages) if uid > floor]
        known = ledger.known_uids(self.name, self.folder, self.uidvalidity, map(str, candidates))
        for uid in candidates:
            if str(uid) in known:
                continue
            received_at, data = self.messages[uid]
            self.bodies_fetched += 1
            yield RawMessage(self.name, self.folder, self.uidvalidity, str(uid), received_at, data)

    def mark_done(self, message: RawMessage) -> None:
        """Set the done keyword on the message (a marker only; ``fetch_new`` ignores it)."""
        if message.uidvalidity == self.uidvalidity:
            self.done.add(int(message.uid))

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        """Set the done keyword on those of ``uids`` still in the folder."""
        if uidvalidity == self.uidvalidity:
            self.done.update(int(uid) for uid in uids if int(uid) in self.messages)

    def without_mark(self, ledger: Ledger) -> tuple[int, list[str]]:
        """Stored messages without the done keyword."""
        unmarked = [str(uid) for uid in sorted(self.messages) if uid not in self.done]
        known = ledger.known_uids(self.name, self.folder, self.uidvalidity, unmarked)
        return self.uidvalidity, [uid for uid in unmarked if uid in known]

    def close(self) -> None:
        """Nothing to release."""
