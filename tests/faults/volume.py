"""A tiny tmpfs the test mounts (as root) to fill a disk on purpose, and grows again later."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

HINT = "mounting a tmpfs needs root (CAP_SYS_ADMIN); run the fault suite as root"


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextmanager
def tiny_volume(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` at ``path`` for the block; skipped (failed under CI) if refused."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = _mount("-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(path))
    if mounted.returncode != 0:
        message = f"{HINT}: {mounted.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def grow(path: Path, size: str) -> None:
    """Give the mounted tmpfs more room, as an operator freeing space would."""
    grown = _mount("-o", f"remount,size={size}", str(path))
    assert grown.returncode == 0, grown.stderr
