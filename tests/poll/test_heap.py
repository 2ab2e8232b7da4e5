"""Freed heap memory goes back to the kernel when the process asks."""

from __future__ import annotations

import subprocess
import sys

# Run in a fresh interpreter: pytest's own heap would blur the figures.
_FRAGMENTED_THEN_RELEASED = """
import re
from intake.poll.heap import release_free_memory

def rss_mib():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmRSS:\\s+(\\d+)", status).group(1)) / 1024

blocks = [bytes(1000) for _ in range(60_000)]
kept = blocks[::100]  # a few survivors pin the heap's top, as a reader's caches do
del blocks
before = rss_mib()
release_free_memory()
print(before - rss_mib())
"""


def test_memory_freed_between_live_blocks_returns_to_the_kernel() -> None:
    released = subprocess.run(
        [sys.executable, "-c", _FRAGMENTED_THEN_RELEASED],
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(released.stdout) > 20, released.stdout
