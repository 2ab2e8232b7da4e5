"""Whether ``intake poll``'s processes grow with the backlog: their PSS over a long poll.

Run from the repository root:
    python3 -m benchmarks.poll_memory_timeline --messages 10000 [--backlog DIR]
        [--seconds 330] [--every 20]

One ``intake poll`` (2 workers, SQLite, file acknowledgements) on the backlog of
``benchmarks.throughput`` (written, or reused from ``--backlog``), sampled from /proc every
50 ms. Every ``--every`` seconds it prints the messages stored so far and, over that window,
the polling process's smallest and largest PSS and its anonymous memory at the end, and the
largest worker's PSS. A process that grows with the backlog shows a rising smallest figure;
the largest shows the single large messages. The poll is stopped after ``--seconds``.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.process_tree import PROC, children_by_parent, descendants, memory_of
from benchmarks.throughput import prepare
from benchmarks.throughput_backlog import fresh_copy

MIB = 1024


@dataclass
class Window:
    """The smallest and largest PSS, in KiB, each kind of process had in one window."""

    smallest: dict[str, int] = field(default_factory=dict)
    largest: dict[str, int] = field(default_factory=dict)

    def add(self, largest_by_kind: tuple[tuple[str, int], ...]) -> None:
        for kind, kib in largest_by_kind:
            self.smallest[kind] = min(self.smallest.get(kind, kib), kib)
            self.largest[kind] = max(self.largest.get(kind, 0), kib)


def stored(database: Path) -> int:
    """Messages in the database now (read-only; the poll writes it meanwhile)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        (count,) = connection.execute("SELECT count(*) FROM messages").fetchone()
    return int(count)


def anonymous_kib(pid: int) -> int:
    """The process's anonymous memory (its heap, not its mapped files), in KiB."""
    for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
        if line.startswith("Anonymous:"):
            return int(line.split()[1])
    return 0


def report(started: float, work: Path, pid: int, window: Window) -> None:
    """One line for the window just ended."""
    print(
        f"{time.monotonic() - started:5.0f} s {stored(work / 'intake.db'):6d} stored  "
        f"polling process PSS {window.smallest.get('command', 0) / MIB:4.0f}–"
        f"{window.largest.get('command', 0) / MIB:4.0f} MiB, anonymous "
        f"{anonymous_kib(pid) / MIB:4.0f} MiB at the end; largest worker "
        f"{window.largest.get('worker', 0) / MIB:3.0f} MiB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--backlog", type=Path, help="keep the backlog here and reuse it")
    parser.add_argument("--seconds", type=float, default=330)
    parser.add_argument("--every", type=float, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        config_file = prepare(work, args.messages, 2, args.backlog)
        fresh_copy(work / "backlog", work / "Maildir")
        command = [sys.executable, "-m", "intake", "--config", str(config_file), "poll"]
        poll = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = time.monotonic()
        window, window_start = Window(), started
        try:
            while poll.poll() is None and time.monotonic() - started < args.seconds:
                pids = descendants(poll.pid, children_by_parent())
                window.add(memory_of(pids, frozenset({poll.pid})).largest)
                if time.monotonic() - window_start >= args.every:
                    report(started, work, poll.pid, window)
                    window, window_start = Window(), time.monotonic()
                time.sleep(0.05)
        finally:
            poll.terminate()
            poll.wait()


if __name__ == "__main__":
    main()
