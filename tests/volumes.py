"""A small tmpfs volume that tests fill up and free again, to see a real full disk (ENOSPC)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HINT = "mounting a tmpfs needs root (or CAP_SYS_ADMIN): run the full-disk tests as root"


@dataclass
class SmallVolume:
    """A mounted tmpfs at ``path``; ``fill`` leaves only a few bytes free, ``free`` undoes it."""

    path: Path

    @property
    def filler(self) -> Path:
        return self.path / "filler"

    def available(self) -> int:
        """Free bytes on the volume."""
        stats = os.statvfs(self.path)
        return stats.f_bavail * stats.f_frsize

    def fill(self, leave: int) -> None:
        """Take all free space but ``leave`` bytes."""
        with self.filler.open("ab") as stream:
            stream.write(b"\0" * max(self.available() - leave, 0))

    def free(self) -> None:
        """Give the filler's space back."""
        self.filler.unlink(missing_ok=True)


def mounted(path: Path, size: str, owner: str = "") -> Iterator[SmallVolume]:
    """Mount a tmpfs of ``size`` (``8m``) at ``path`` for the test, ``owner`` (``uid=…,gid=…``)
    owning it; skip (fail in CI) if mounting is not permitted here."""
    path.mkdir(parents=True, exist_ok=True)
    options = ",".join(
        filter(None, [f"size={size}", "mode=0777" if not owner else "mode=0700", owner])
    )
    mount = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mount.returncode != 0:
        message = f"{HINT} ({mount.stderr.strip()})"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield SmallVolume(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
