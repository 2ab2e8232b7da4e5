"""Messages per second of ``intake poll`` against the floor (the bare reading), in one run.

Run from the repository root:
    python3 -m benchmarks.throughput --messages 60 --workers 2 [--repeat 3]

A backlog of applications (a text or, one in ten, a scanned CV PDF; a DOCX letter, or in one
message in fifteen a hostile file) is written once as a Maildir. Then, ``--repeat`` times and
alternating which goes first, the floor (``benchmarks.throughput_floor``: plain processes
reading every attachment, no database, no mailbox) and the project (``intake poll`` on a
fresh copy of the Maildir and of an empty SQLite database) each run as a separate process.
Each run's wall time includes its start-up; the memory of each process tree (the command,
its workers, Tesseract) is sampled from /proc every 50 ms.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.machine_speed import measure
from benchmarks.process_tree import TreeRun, run_sampled
from benchmarks.throughput_backlog import fresh_copy, write_backlog
from intake.config.runtime import open_runtime
from tests.configs import make_config, write_config_file

MIB = 1024


def prepare(work: Path, count: int, workers: int) -> Path:
    """The backlog, an empty database at the newest schema, and the config; returns it."""
    bytes_written = write_backlog(work / "backlog", count)
    print(f"backlog: {count} messages, {bytes_written / 1024 / 1024:.1f} MiB")
    url = f"sqlite:///{work / 'intake.db'}"
    overrides = {"extraction": {"workers": workers}}
    open_runtime(make_config(work, url, overrides)).close()
    shutil.copy(work / "intake.db", work / "empty.db")
    return write_config_file(work, url, overrides)


def run_floor(work: Path, workers: int) -> TreeRun:
    """The bare reading of a fresh copy of the backlog."""
    maildir = fresh_copy(work / "backlog", work / "floor")
    command = [sys.executable, "-m", "benchmarks.throughput_floor", str(maildir)]
    return _checked(run_sampled([*command, "--workers", str(workers)]))


def run_project(work: Path, config_file: Path) -> tuple[TreeRun, int]:
    """``intake poll`` on a fresh copy of the backlog and the empty database; rows stored."""
    fresh_copy(work / "backlog", work / "Maildir")
    shutil.copy(work / "empty.db", work / "intake.db")
    shutil.rmtree(work / "outbox", ignore_errors=True)
    command = [sys.executable, "-m", "intake", "--config", str(config_file), "poll"]
    run = _checked(run_sampled(command))
    with sqlite3.connect(work / "intake.db") as database:
        (stored,) = database.execute("SELECT count(*) FROM messages").fetchone()
    return run, stored


def _checked(run: TreeRun) -> TreeRun:
    if run.returncode != 0:
        raise SystemExit(f"FAILED (exit {run.returncode}):\n{run.output}")
    return run


def line(label: str, count: int, run: TreeRun) -> str:
    peak = run.peak
    return (
        f"{label:8s} {run.seconds:6.2f} s  {count / run.seconds:6.2f} msg/s  "
        f"CPU {run.cpu_seconds:6.1f} s  "
        f"peak RSS {peak.rss_kib / MIB:5.0f} MiB  PSS {peak.pss_kib / MIB:5.0f} MiB  "
        f"({peak.processes} processes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"machine before: {measure().line()}")
    ratios, cpu_ratios, floors, projects = [], [], [], []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        config_file = prepare(work, args.messages, args.workers)
        for round_number in range(args.repeat):
            order = ["floor", "project"] if round_number % 2 == 0 else ["project", "floor"]
            runs: dict[str, TreeRun] = {}
            for which in order:
                if which == "floor":
                    runs[which] = run_floor(work, args.workers)
                else:
                    runs[which], stored = run_project(work, config_file)
                    if stored != args.messages:
                        raise SystemExit(f"FAILED: {stored} of {args.messages} stored")
                print(line(which, args.messages, runs[which]))
            ratios.append(runs["floor"].seconds / runs["project"].seconds)
            cpu_ratios.append(runs["floor"].cpu_seconds / runs["project"].cpu_seconds)
            floors.append(runs["floor"])
            projects.append(runs["project"])
            print(
                f"round {round_number + 1}: speed project/floor {ratios[-1]:.2f}, "
                f"CPU floor/project {cpu_ratios[-1]:.2f}"
            )
    print(f"machine after: {measure().line()}")
    print(f"poll: {projects[-1].output.strip().splitlines()[-1:]}")
    print(summary(args.messages, floors, projects, ratios))
    print(f"CPU floor/project, median: {statistics.median(cpu_ratios):.2f}")


def summary(count: int, floors: list[TreeRun], projects: list[TreeRun], ratios: list[float]) -> str:
    """The medians over the rounds."""

    def median_rate(runs: list[TreeRun]) -> float:
        return statistics.median(count / run.seconds for run in runs)

    def peak_pss(runs: list[TreeRun]) -> float:
        return max(run.peak.pss_kib for run in runs) / MIB

    return (
        f"median of {len(ratios)}: floor {median_rate(floors):.2f} msg/s, project "
        f"{median_rate(projects):.2f} msg/s, ratio {statistics.median(ratios):.2f} "
        f"(each round: {', '.join(f'{r:.2f}' for r in ratios)}); peak PSS floor "
        f"{peak_pss(floors):.0f} MiB, project {peak_pss(projects):.0f} MiB"
    )


if __name__ == "__main__":
    main()
