"""Whether ``intake poll``'s processes grow with the backlog: their PSS over a long poll.

Run from the repository root:
    python3 -m benchmarks.poll_memory_timeline --messages 10000 [--backlog DIR]
        [--seconds 330] [--every 20] [--postgresql]

One ``intake poll`` (2 workers, SQLite or, with ``--postgresql``, a private PostgreSQL server
as ``benchmarks.scale_out`` starts one; file acknowledgements) on the backlog of
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
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks import scale_out
from benchmarks.process_tree import PROC, children_by_parent, descendants, memory_of
from benchmarks.throughput import prepare
from benchmarks.throughput_backlog import backlog_in, fresh_copy
from tests.postgres import PostgresServer

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


def stored_in_postgresql(server: PostgresServer) -> int:
    """Messages in the PostgreSQL database of this benchmark now."""
    return scale_out.stored(server, "timeline").rows


def anonymous_kib(pid: int) -> int:
    """The process's anonymous memory (its heap, not its mapped files), in KiB."""
    for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
        if line.startswith("Anonymous:"):
            return int(line.split()[1])
    return 0


def report(started: float, count: Callable[[], int], pid: int, window: Window) -> None:
    """One line for the window just ended."""
    print(
        f"{time.monotonic() - started:5.0f} s {count():6d} stored  "
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
    parser.add_argument("--postgresql", action="store_true", help="the database on PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary, ExitStack() as stack:
        work = Path(temporary)
        if args.postgresql:
            server, _ = stack.enter_context(scale_out.private_server())
            backlog_in(work, args.backlog, args.messages)
            config_file = scale_out.fresh_database(server, work, "timeline", 2)
            count: Callable[[], int] = partial(stored_in_postgresql, server)
        else:
            config_file = prepare(work, args.messages, 2, args.backlog)
            count = partial(stored, work / "intake.db")
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
                    report(started, count, poll.pid, window)
                    window, window_start = Window(), time.monotonic()
                time.sleep(0.05)
        finally:
            poll.terminate()
            poll.wait()


if __name__ == "__main__":
    main()
