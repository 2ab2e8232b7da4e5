"""A read-only Maildir mailbox: delivery time from the file, new mail found through the ledger."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from intake.errors import MailboxError
from intake.mailbox.base import Ledger, RawMessage

log = logging.getLogger(__name__)

MAILDIR_UIDVALIDITY = 1
MIN_PLAUSIBLE_STAMP = 315_532_800  # 1980-01-01
MAX_PLAUSIBLE_STAMP = 4_102_444_800  # 2100-01-01


def delivery_time(unique_name: str, mtime: float) -> float:
    """Seconds since the epoch at delivery: the name's leading time stamp, else the file's mtime.

    Maildir delivery agents start every file name with the delivery time in seconds; unlike the
    mtime, the name survives copies, backups and version control.
    """
    stamp = unique_name.split(".", 1)[0]
    if stamp.isdigit() and MIN_PLAUSIBLE_STAMP <= int(stamp) <= MAX_PLAUSIBLE_STAMP:
        return float(stamp)
    return mtime


class MaildirMailbox:
    """Reads ``new/`` and ``cur/`` of a Maildir without changing anything in it."""

    def __init__(self, path: Path, folder: str = "") -> None:
        self._path = path
        self._folder = folder

    @property
    def name(self) -> str:
        """``maildir:`` and the absolute path."""
        return f"maildir:{self._path}"

    @property
    def folder(self) -> str:
        """The Maildir++ folder name ("" for the top)."""
        return self._folder

    def fetch_new(self, ledger: Ledger) -> Iterator[RawMessage]:
        """Yield messages whose unique name the ledger does not know, oldest first."""
        entries = self._entries()
        known = ledger.known_uids(self.name, self.folder, MAILDIR_UIDVALIDITY, entries)
        fresh = [(mtime, uid, path) for uid, (path, mtime) in entries.items() if uid not in known]
        for mtime, uid, path in sorted(fresh):
            data = self._read(path)
            if data is None:
                continue
            yield RawMessage(
                mailbox=self.name,
                folder=self.folder,
                uidvalidity=MAILDIR_UIDVALIDITY,
                uid=uid,
                received_at=datetime.fromtimestamp(mtime, UTC),
                data=data,
            )

    def mark_done(self, message: RawMessage) -> None:
        """Nothing: the Maildir is read-only; the database remembers what is stored."""

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        """Nothing, as for ``mark_done``."""

    def without_mark(self, ledger: Ledger) -> tuple[int, list[str]]:
        """None: a Maildir is never marked."""
        return MAILDIR_UIDVALIDITY, []

    def close(self) -> None:
        """Nothing to release."""

    def _folder_path(self) -> Path:
        return self._path / f".{self._folder}" if self._folder else self._path

    def _entries(self) -> dict[str, tuple[Path, float]]:
        """Unique name → (file, delivery time) for every message in new/ and cur/."""
        root = self._folder_path()
        if not (root / "cur").is_dir() and not (root / "new").is_dir():
            raise MailboxError(f"{root} is not a Maildir (no cur/ or new/ folder)")
        entries: dict[str, tuple[Path, float]] = {}
        for sub in ("new", "cur"):
            try:
                scan = list(os.scandir(root / sub))
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxError(f"cannot list {root / sub}: {exc}") from exc
            for entry in scan:
                if entry.is_file() and not entry.name.startswith("."):
                    uid = entry.name.split(":", 1)[0]
                    entries[uid] = (Path(entry.path), delivery_time(uid, entry.stat().st_mtime))
        return entries

    def _read(self, path: Path) -> bytes | None:
        # A message moved from new/ to cur/ by another reader between listing and reading
        # is found again on the next poll; skipping it now loses nothing.
        try:
            return path.read_bytes()
        except FileNotFoundError:
            log.info("message %s moved while polling; it will be read next time", path.name)
            return None
        except OSError as exc:
            raise MailboxError(f"cannot read {path}: {exc}") from exc
