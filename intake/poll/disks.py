"""The folders the service writes (the SQLite database's, the outbox's): free bytes, writable."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from intake.config.settings import Config


@dataclass(frozen=True)
class Disk:
    """One folder: what it holds, the free bytes of its filesystem, and whether a write worked."""

    holds: str  # "database" | "outbox"
    path: Path
    free_bytes: int | None
    error: str | None  # why a probe write failed; None: writable

    @property
    def writable(self) -> bool:
        """Whether a probe file could be written and synced there."""
        return self.error is None


def folders(config: Config) -> list[tuple[str, Path]]:
    """The local folders to check: a SQLite file's folder, a file outbox's folder."""
    found: list[tuple[str, Path]] = []
    url = make_url(config.database.url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        found.append(("database", Path(url.database).parent))
    directory = config.acknowledgements.directory
    if config.acknowledgements.transport == "file" and directory is not None:
        found.append(("outbox", directory))
    return found


def check_disks(config: Config) -> list[Disk]:
    """Each folder's free bytes and a probe write (a byte, synced, removed)."""
    return [_check(holds, path) for holds, path in folders(config)]


def _check(holds: str, path: Path) -> Disk:
    existing = _existing(path)
    try:
        stats = os.statvfs(existing)
        free: int | None = stats.f_bavail * stats.f_frsize
    except OSError:
        free = None
    return Disk(holds, path, free, _probe(existing))


def _existing(path: Path) -> Path:
    """``path``, or its nearest existing parent (a folder created on first use)."""
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _probe(folder: Path) -> str | None:
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".intake-status-") as probe:
            probe.write(b"\0")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return f"{exc.strerror or exc} ({folder})"
    return None
