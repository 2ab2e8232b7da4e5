"""The IMAP mailbox: fetches only new messages with imapclient, marks them done, survives drops.

What is new is decided by this installation's own records only: UIDs above the stored
watermark (or the whole folder after a UIDVALIDITY change) that the ledger does not know.
The done keyword is set for people to see and never searched on: another installation
(staging, a laptop, a database restored from a backup) that marks messages must not hide
them from this one.
"""

from __future__ import annotations

import imaplib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from ssl import SSLContext
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from intake.config.credentials import TokenSource
from intake.config.settings import MailboxConfig
from intake.errors import MailboxConnectionLost, MailboxError
from intake.mailbox.base import Ledger, RawMessage, Watermark
from intake.mailbox.imap_login import open_session, tokens_for

__all__ = ["MAX_RECONNECT_WAIT", "ClientFactory", "ImapMailbox", "ImapStats"]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Errors that mean the connection is gone (socket, TLS, timeout, server BYE): reconnect.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.abort)

#: Bodies fetched in one command stay under this many bytes (a single bigger message still goes).
MAX_CHUNK_BYTES = 16 * 1024 * 1024

#: The longest single wait between reconnect attempts, however many attempts are configured.
MAX_RECONNECT_WAIT = 60.0

BODY_ITEM = b"BODY[]"
DATE_ITEM = b"INTERNALDATE"
SIZE_ITEM = b"RFC822.SIZE"


class ClientFactory(Protocol):
    """Builds a connected, not yet authenticated client; ``IMAPClient`` itself fits."""

    def __call__(
        self, host: str, port: int, *, ssl: bool, ssl_context: SSLContext | None, timeout: float
    ) -> Any: ...


@dataclass
class ImapStats:
    """What the mailbox has cost so far, for tests, benchmarks and logs."""

    status_checks: int = 0
    searches: int = 0
    bodies_fetched: int = 0
    bytes_fetched: int = 0
    reconnects: int = 0


class ImapMailbox:
    """One IMAP folder seen through the Mailbox protocol; connects lazily, reconnects on drops.

    ``reconnect_delay`` is the first backoff wait (doubled per attempt, each wait at most
    ``MAX_RECONNECT_WAIT``) and ``sleep`` waits it; ``max_chunk_bytes`` bounds the bodies
    held in memory by one FETCH; ``tokens`` is the OAuth2 token cache (built from the config
    when None and ``auth = "oauth2"``). ``config.security`` is not checked again here (the config
    loader allows only "ssl", "starttls" and "none"); any value but "ssl" or "none" means
    STARTTLS, so a mistyped one never logs in without TLS.
    """

    def __init__(
        self,
        config: MailboxConfig,
        *,
        client_factory: ClientFactory = IMAPClient,
        reconnect_delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        max_chunk_bytes: int = MAX_CHUNK_BYTES,
        tokens: TokenSource | None = None,
    ) -> None:
        self._config = config
        self._client_factory = client_factory
        self._reconnect_delay = reconnect_delay
        self._sleep = sleep
        self._max_chunk_bytes = max_chunk_bytes
        self._tokens = tokens if tokens is not None else tokens_for(config)
        self._client: Any = None
        self._uidvalidity: int | None = None
        self._existing_folders: set[str] = set()
        self.stats = ImapStats()

    @property
    def name(self) -> str:
        """``imap://user@host``, the user percent-encoded; never the password.

        The port is left out on purpose: it is part of the stored message key, and moving
        from port 993 (ssl) to 143 (starttls) must not make every message look new.
        """
        host = self._config.host
        if ":" in host:
            host = f"[{host}]"
        return f"imap://{quote(self._config.username, safe='')}@{host}"

    @property
    def folder(self) -> str:
        """The folder polled."""
        return self._config.folder

    def __enter__(self) -> ImapMailbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def connect(self) -> None:
        """Open and authenticate the connection now (it is otherwise opened on first use)."""
        if self._client is not None:
            return
        try:
            self._client = self._open()
        except (*TRANSIENT_ERRORS, IMAPClientError) as exc:
            raise MailboxError(f"cannot connect to {self.name}: {self._describe(exc)}") from exc

    def examine(self) -> Any:
        """Log in, select the folder read-only and return the client (the IDLE watcher's)."""
        self.connect()
        try:
            self._connected().select_folder(self.folder, readonly=True)
        except TRANSIENT_ERRORS as exc:
            detail = self._describe(exc)
            raise MailboxConnectionLost(f"{self._selecting} on {self.name}: {detail}") from exc
        except IMAPClientError as exc:
            raise MailboxError(f"{self._selecting} on {self.name}: {self._describe(exc)}") from exc
        return self._client

    def fetch_new(self, ledger: Ledger) -> Iterator[RawMessage]:
        """Yield the messages not yet stored, in ascending UID order, fetching only those.

        Candidates are the UIDs above the ledger's watermark, or every UID when there is no
        watermark or the folder's UIDVALIDITY changed; those the ledger already knows are
        dropped. The done keyword plays no part: a message another installation marked is
        still new here.
        """
        self.connect()
        watermark = ledger.watermark(self.name, self.folder)
        # STATUS answers from a session's stale view once the folder is selected (RFC 3501
        # 6.3.10), so the shortcut is only taken on a connection that has not selected it.
        if (
            watermark is not None
            and self._uidvalidity is None
            and self._run(
                f"reading the status of folder {self.folder!r}",
                partial(self._nothing_above, watermark),
            )
        ):
            return
        uidvalidity = self._run(self._selecting, self._select)
        if watermark is not None and watermark.uidvalidity != uidvalidity:
            log.info("%s %s: UIDVALIDITY changed, rescanning the folder", self.name, self.folder)
            watermark = None
        uids = self._run(
            f"searching folder {self.folder!r} for new messages", partial(self._search, watermark)
        )
        known = ledger.known_uids(self.name, self.folder, uidvalidity, [str(uid) for uid in uids])
        pending = [uid for uid in uids if str(uid) not in known]
        batch_size = self._config.batch_size
        for start in range(0, len(pending), batch_size):
            yield from self._fetch_batch(uidvalidity, pending[start : start + batch_size])

    def mark_done(self, message: RawMessage) -> None:
        """Add the done keyword and/or move the message to the processed folder.

        The keyword is a marker for people reading the mailbox; ``fetch_new`` never filters
        on it.
        """
        if not self._marks_messages():
            return
        if (message.mailbox, message.folder) != (self.name, self.folder):
            log.warning("%s: not marking %s, it is from another mailbox", self.name, message.uid)
            return
        self.mark_stored(message.uidvalidity, [message.uid])

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        """Mark done, in one command each, messages stored earlier; UIDs no longer in the
        folder are skipped by the server, those of another UIDVALIDITY here."""
        if not self._marks_messages() or not uids:
            return
        self.connect()
        if self._uidvalidity is None:
            self._run(self._selecting, self._select)
        numbers = [int(uid) for uid in uids]
        self._run(f"marking {_uids_text(numbers)} done", partial(self._mark, uidvalidity, numbers))

    def without_mark(self, ledger: Ledger) -> tuple[int, list[str]]:
        """Stored messages without the done keyword (or, when marking moves messages, every
        stored one still in the folder): one SELECT and one SEARCH."""
        if not self._marks_messages():
            return 0, []
        self.connect()
        uidvalidity = self._run(self._selecting, self._select)
        keyword = self._config.done_keyword
        criteria = ["UNKEYWORD", keyword] if keyword else ["ALL"]
        found = self._run(
            f"searching folder {self.folder!r} for messages not marked done",
            lambda: self._connected().search(criteria),
        )
        uids = [str(uid) for uid in sorted(int(item) for item in found)]
        known = ledger.known_uids(self.name, self.folder, uidvalidity, uids)
        return uidvalidity, [uid for uid in uids if uid in known]

    def close(self) -> None:
        """Log out; safe to call twice and on a dead connection."""
        client, self._client = self._client, None
        self._uidvalidity = None
        if client is None:
            return
        try:
            client.logout()
        except (*TRANSIENT_ERRORS, IMAPClientError) as exc:
            log.debug("%s: logout failed (%s), closing the socket", self.name, exc)
            _shutdown(client)

    # -- connection -------------------------------------------------------------------------

    def _open(self) -> Any:
        """A logged-in client (password or XOAUTH2); a refused login is a MailboxError,
        anything else is raised raw."""
        return open_session(
            self._config, self._client_factory, self._tokens, self._describe, self.name
        )

    def _connected(self) -> Any:
        if self._client is None:
            self._client = self._open()
        return self._client

    @property
    def _selecting(self) -> str:
        return f"selecting folder {self.folder!r}"

    def _run(self, action: str, operation: Callable[[], T]) -> T:
        """Run ``operation``; on a dropped connection reconnect (with backoff) and run it again.

        The one place where IMAP errors become ours: a dropped connection that reconnecting
        cannot cure is MailboxConnectionLost, and a refusal by the server (NO, BAD, also while
        reconnecting) is MailboxError naming ``action`` (which names the folder) and the server.
        """
        failures = 0
        try:
            while True:
                try:
                    return operation()
                except TRANSIENT_ERRORS as exc:
                    failures += 1
                    if failures > self._config.reconnect_attempts:
                        raise MailboxConnectionLost(
                            f"connection to {self.name} lost while {action} "
                            f"({failures} time(s)): {self._describe(exc)}"
                        ) from exc
                    self._reconnect(action, exc)
        except IMAPClientError as exc:  # TRANSIENT_ERRORS (IMAP4.abort among them) never get here
            detail = self._describe(exc)
            raise MailboxError(f"{action} on {self.name} failed: {detail}") from exc

    def _reconnect(self, action: str, cause: BaseException) -> None:
        """Drop the dead client and log in and select again, waiting 1, 2, 4… delays between.

        Each wait is capped at MAX_RECONNECT_WAIT; a refusal while reconnecting is raised raw
        for ``_run`` to wrap.
        """
        log.warning("%s: connection lost while %s: %s", self.name, action, self._describe(cause))
        self._discard_client()
        last: BaseException = cause
        for attempt in range(self._config.reconnect_attempts):
            self._sleep(min(self._reconnect_delay * 2**attempt, MAX_RECONNECT_WAIT))
            try:
                self._client = self._open()
                self._select()
            except TRANSIENT_ERRORS as exc:
                self._discard_client()
                last = exc
                continue
            self.stats.reconnects += 1
            log.info("%s: reconnected after %d attempt(s)", self.name, attempt + 1)
            return
        raise MailboxConnectionLost(
            f"connection to {self.name} lost while {action}; reconnecting failed "
            f"{self._config.reconnect_attempts} time(s): {self._describe(last)}"
        ) from cause

    def _discard_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            _shutdown(client)

    # -- the operations ---------------------------------------------------------------------

    def _marks_messages(self) -> bool:
        return bool(self._config.done_keyword) or self._config.processed_folder is not None

    def _select(self) -> int:
        """Select the folder (read-only when nothing will be marked); return its UIDVALIDITY."""
        response = self._connected().select_folder(self.folder, readonly=not self._marks_messages())
        try:
            self._uidvalidity = int(response[b"UIDVALIDITY"])
        except (KeyError, TypeError, ValueError) as exc:
            raise MailboxError(f"{self.name} gave no UIDVALIDITY for {self.folder!r}") from exc
        return self._uidvalidity

    def _nothing_above(self, watermark: Watermark) -> bool:
        """Whether STATUS proves no UID above the watermark exists (no SELECT, O(1) for Dovecot).

        Every existing UID is below UIDNEXT, so UIDNEXT <= last_uid + 1 under the same
        UIDVALIDITY means nothing new; SELECT, by contrast, costs more as the folder grows.
        """
        status = self._connected().folder_status(self.folder, [b"UIDVALIDITY", b"UIDNEXT"])
        self.stats.status_checks += 1
        try:
            same_validity = int(status[b"UIDVALIDITY"]) == watermark.uidvalidity
            return same_validity and int(status[b"UIDNEXT"]) <= watermark.last_uid + 1
        except (KeyError, TypeError, ValueError):
            return False  # a server that omits them is searched the ordinary way

    def _search(self, watermark: Watermark | None) -> list[int]:
        """UIDs above the watermark (every UID without one), ascending; keywords play no part."""
        last_uid = watermark.last_uid if watermark is not None else 0
        criteria = ["UID", f"{last_uid + 1}:*"] if watermark is not None else ["ALL"]
        self.stats.searches += 1
        found = self._connected().search(criteria)
        # "N:*" always matches the highest UID, even one below N: filter it out.
        return sorted(uid for uid in (int(item) for item in found) if uid > last_uid)

    def _fetch_batch(self, uidvalidity: int, batch: Sequence[int]) -> Iterator[RawMessage]:
        """Read sizes for the batch, then bodies in byte-bounded chunks, resuming after a drop."""
        sizes = self._run(
            f"reading message sizes in folder {self.folder!r}",
            partial(self._sizes, uidvalidity, batch),
        )
        remaining = [uid for uid in batch if uid in sizes]
        while remaining:
            chunk = _take_chunk(remaining, sizes, self._max_chunk_bytes)
            yield from self._run(
                f"fetching messages from folder {self.folder!r}",
                partial(self._bodies, uidvalidity, chunk),
            )
            remaining = remaining[len(chunk) :]

    def _sizes(self, uidvalidity: int, uids: Sequence[int]) -> dict[int, int]:
        self._check_uidvalidity(uidvalidity)
        response = self._connected().fetch(list(uids), [SIZE_ITEM.decode()])
        return {int(uid): int(item.get(SIZE_ITEM, 0)) for uid, item in response.items()}

    def _bodies(self, uidvalidity: int, uids: Sequence[int]) -> list[RawMessage]:
        self._check_uidvalidity(uidvalidity)
        response = self._connected().fetch(list(uids), ["BODY.PEEK[]", DATE_ITEM.decode()])
        messages = []
        for uid in uids:
            item = response.get(uid)
            if item is None or item.get(BODY_ITEM) is None:
                continue  # expunged since the search
            data = bytes(item[BODY_ITEM])
            self.stats.bodies_fetched += 1
            self.stats.bytes_fetched += len(data)
            received_at, problem = self._received_at(uid, item.get(DATE_ITEM))
            messages.append(
                RawMessage(
                    mailbox=self.name,
                    folder=self.folder,
                    uidvalidity=uidvalidity,
                    uid=str(uid),
                    received_at=received_at,
                    data=data,
                    problem=problem,
                )
            )
        return messages

    def _received_at(self, uid: int, value: object) -> tuple[datetime, str | None]:
        """The INTERNALDATE in UTC; without a timezone-aware one, now and the problem.

        A bad date must not fail the poll: every later poll would stop at the same UID.
        """
        if isinstance(value, datetime) and value.utcoffset() is not None:
            return value.astimezone(UTC), None
        problem = f"server gave no usable INTERNALDATE for UID {uid}: {value!r}"
        log.warning("%s %s: %s; using the fetch time", self.name, self.folder, problem)
        return datetime.now(UTC), problem

    def _check_uidvalidity(self, expected: int) -> None:
        if self._uidvalidity != expected:
            raise MailboxConnectionLost(
                f"UIDVALIDITY of {self.folder!r} on {self.name} changed during the poll; poll again"
            )

    def _mark(self, uidvalidity: int, uids: list[int]) -> None:
        if uidvalidity != self._uidvalidity:
            log.warning(
                "%s %s: not marking %s, its UIDVALIDITY %s is not the folder's %s",
                self.name,
                self.folder,
                _uids_text(uids),
                uidvalidity,
                self._uidvalidity,
            )
            return
        client = self._connected()
        if self._config.done_keyword:
            client.add_flags(uids, [self._config.done_keyword], silent=True)
        if self._config.processed_folder is not None:
            self._move(client, uids, self._config.processed_folder)

    def _move(self, client: Any, uids: list[int], target: str) -> None:
        self._ensure_folder(client, target)
        if client.has_capability("MOVE"):
            client.move(uids, target)
            return
        client.copy(uids, target)
        client.add_flags(uids, [b"\\Deleted"], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)
        else:
            log.warning("%s: no UIDPLUS, %d UID(s) left flagged \\Deleted", self.name, len(uids))

    def _ensure_folder(self, client: Any, folder: str) -> None:
        if folder in self._existing_folders:
            return
        if not client.folder_exists(folder):
            try:
                client.create_folder(folder)
            except IMAPClientError as exc:
                # A refusal is fine if another creator won the race; a drop goes to _run.
                if isinstance(exc, TRANSIENT_ERRORS) or not client.folder_exists(folder):
                    raise
        self._existing_folders.add(folder)

    def _describe(self, exc: BaseException) -> str:
        """One line about ``exc`` that never contains the password."""
        detail = exc.args[0] if len(exc.args) == 1 else exc
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        text = " ".join(str(detail).split()) or type(exc).__name__
        password = self._config.password.value if self._config.password else ""
        if password:
            text = text.replace(password, "********")
        return text


def _uids_text(uids: Sequence[int]) -> str:
    """``UID 7``, or ``UID 7 and 4 more``, for the log."""
    more = f" and {len(uids) - 1} more" if len(uids) > 1 else ""
    return f"UID {uids[0]}{more}"


def _take_chunk(uids: Sequence[int], sizes: dict[int, int], limit: int) -> list[int]:
    """The leading UIDs whose sizes add up to at most ``limit`` (always at least one)."""
    chunk: list[int] = []
    total = 0
    for uid in uids:
        total += sizes.get(uid, 0)
        if chunk and total > limit:
            break
        chunk.append(uid)
    return chunk


def _shutdown(client: Any) -> None:
    """Close the socket without talking to the server; never raises."""
    try:
        client.shutdown()
    except (*TRANSIENT_ERRORS, IMAPClientError) as exc:
        log.debug("closing an IMAP socket failed: %s", exc)
