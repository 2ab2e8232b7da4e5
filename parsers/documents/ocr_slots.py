"""Cores shared by the workers of a pool: one slot a worker, as a lock file, freed if its holder
dies.

Each worker holds a slot while it reads a document (``wait_for``); a scan's further pages
``borrow`` the slots of idle workers, so its pages are read at once on their cores, and never
more Tesseracts run than there are slots. A worker waiting for its slot (a borrowed page still
running on it) is served first: ``borrow`` gives nothing while anyone waits. A slot is an
``flock`` on a file of its own: the kernel drops the lock when the process holding it exits,
killed or not, so a worker stopped at its time cap never keeps one.

The slots' directory (``SlotDirectory.made``) is owned the same way: its maker holds a lock on
``owner`` in it while it lives. One left behind by a maker that was killed is removed by the
next maker in the same parent, so crashes do not pile directories up in the temp folder.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: How often a worker waiting for its slot tries again.
RETRY_SECONDS = 0.02
#: Held (shared) by every worker waiting for its slot; ``borrow`` checks it.
WAITING = "waiting"
#: A slots' directory is named with this prefix, and ``MAKING`` before its owner lock is held.
PREFIX = "intake-ocr-slots-"
MAKING = "intake-ocr-making-"
#: Locked by the process that made the directory, for as long as it lives.
OWNER = "owner"


@dataclass(frozen=True)
class OcrSlots:
    """``count`` slots as lock files in ``directory`` (made by whoever shares them).

    Every method raises OSError when the directory cannot be used.
    """

    directory: str
    count: int

    def take(self) -> Slot | None:
        """A free slot now, or None."""
        for index in range(self.count):
            slot = _locked(self._path(f"slot-{index}"), fcntl.LOCK_EX)
            if slot is not None:
                return slot
        return None

    def wait_for(self, until: float) -> Slot | None:
        """A slot, waiting for one until ``until`` (a ``time.monotonic()`` value); None then."""
        slot = self.take()
        if slot is not None:
            return slot
        waiting = _locked(self._path(WAITING), fcntl.LOCK_SH)
        try:
            while slot is None and time.monotonic() < until:
                time.sleep(RETRY_SECONDS)
                slot = self.take()
        finally:
            if waiting is not None:
                waiting.release()
        return slot

    def borrow(self) -> Slot | None:
        """A free slot for a page beyond a document's first, or None: none is free, or a worker
        waits for its own (it goes first)."""
        nobody_waits = _locked(self._path(WAITING), fcntl.LOCK_EX)
        if nobody_waits is None:
            return None
        nobody_waits.release()
        return self.take()

    def _path(self, name: str) -> Path:
        return Path(self.directory) / name


class Slot:
    """One taken slot; ``release`` (or the end of the process) gives it back."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        """Give the slot back (closing the file drops its lock); a second call does nothing."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


class SlotDirectory:
    """``count`` slots in a directory made and owned by this process until ``remove``."""

    def __init__(self, slots: OcrSlots, owner: Slot) -> None:
        self.slots = slots
        self._owner = owner

    @classmethod
    def made(cls, parent: str | None, count: int) -> SlotDirectory:
        """A new directory in ``parent`` (the temp folder when None), after removing those
        there whose maker has died. Raises OSError when it cannot be made."""
        remove_abandoned(parent)
        making = tempfile.mkdtemp(prefix=MAKING, dir=parent)
        try:
            owner = _locked(Path(making) / OWNER, fcntl.LOCK_EX)
            if owner is None:
                raise OSError(f"the owner lock of {making} is held by another process")
            # Renamed only once owned: a sweep never sees a directory of ours without its lock.
            made = Path(making)
            directory = str(made.rename(made.parent / (PREFIX + made.name.removeprefix(MAKING))))
        except OSError:
            shutil.rmtree(making, ignore_errors=True)
            raise
        return cls(OcrSlots(directory, count), owner)

    def remove(self) -> None:
        """Remove the directory and give up its ownership; a second call does nothing."""
        shutil.rmtree(self.slots.directory, ignore_errors=True)
        self._owner.release()


def remove_abandoned(parent: str | None) -> list[str]:
    """Remove the slots' directories in ``parent`` whose maker no longer holds their owner
    lock (it died); those that cannot be read are left alone. The directories removed."""
    root = Path(parent if parent is not None else tempfile.gettempdir())
    removed = []
    for directory in root.glob(PREFIX + "*"):
        if not _own_directory(directory):
            continue
        try:
            owner = _locked(directory / OWNER, fcntl.LOCK_EX)
        except OSError:
            continue  # another user's, or gone meanwhile
        if owner is None:
            continue  # its maker lives
        shutil.rmtree(directory, ignore_errors=True)
        owner.release()
        removed.append(str(directory))
    return removed


def _own_directory(path: Path) -> bool:
    """Whether ``path`` is a directory of this user's, not a link to one: in a temp folder
    others write to, a planted link must not lead the sweep elsewhere."""
    try:
        status = path.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid()


def _locked(path: Path, mode: int) -> Slot | None:
    """An ``flock`` of ``mode`` on ``path`` if no one holds a conflicting one, else None.
    A link at ``path`` is never followed (OSError)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
    descriptor = os.open(path, flags, 0o600)
    try:
        fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    except BaseException:
        os.close(descriptor)
        raise
    return Slot(descriptor)
