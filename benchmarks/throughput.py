"""Messages per second of ``intake poll`` against the floor (the bare reading), in one run.

Run from the repository root:
    python3 -m benchmarks.throughput --messages 60 --workers 2 [--repeat 3] [--backlog DIR]
        [--only project|floor]

A backlog of applications (a text or, one in ten, a scanned CV PDF; a DOCX letter, or in one
message in fifteen a hostile file) is written once as a Maildir. Then, ``--repeat`` times and
alternating which goes first, the floor (``benchmarks.throughput_floor``: plain processes
reading every attachment, no database, no mailbox) and the project (``intake poll`` on a
fresh copy of the Maildir and of an empty SQLite database) each run as a separate process.
Each run's wall time includes its start-up; the memory of each process tree (the command,
its workers, Tesseract) is sampled from /proc every 50 ms, with what each kind of process
held at the peak. ``--backlog DIR`` keeps the backlog there and reuses it on the next run with
the same ``--messages`` (10,000 take about 10 minutes to write); ``--only`` runs one side (no
ratio), to look at the memory of a long run without waiting for the other. The checkout's
modules are compiled first (``benchmarks.bytecode``), so neither side compiles them at start, as
an installed package does not.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.bytecode import compile_checkout
from benchmarks.machine_speed import measure
from benchmarks.process_tree import COMMAND, TreeRun, run_sampled
from benchmarks.throughput_backlog import backlog_in, fresh_copy
from intake.config.runtime import open_runtime
from tests.configs import make_config, write_config_file

MIB = 1024


def prepare(work: Path, count: int, workers: int, kept: Path | None = None) -> Path:
    """The backlog (written, or reused from ``kept``), an empty database at the newest schema,
    and the config; returns the config file."""
    backlog_in(work, kept, count)
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
        f"({peak.processes} processes)\n"
        f"         at the peak (PSS): {peak.kinds_line()}\n"
        f"         largest process of each kind over the run (PSS): {peak.largest_line()}\n"
        f"         CPU by kind: {run.cpu_line()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backlog", type=Path, help="keep the backlog here and reuse it")
    parser.add_argument("--only", choices=SIDES, help="run one side, without the ratio")
    args = parser.parse_args()
    print(f"machine before: {measure().line()}")
    rounds: list[dict[str, TreeRun]] = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        config_file = prepare(work, args.messages, args.workers, args.backlog)
        print(compile_checkout())
        for round_number in range(args.repeat):
            order = SIDES if round_number % 2 == 0 else SIDES[::-1]
            runs = {}
            for which in [side for side in order if args.only in (None, side)]:
                runs[which] = run_side(which, work, config_file, args.messages, args.workers)
                print(line(which, args.messages, runs[which]))
            rounds.append(runs)
            if args.only is None:
                print(f"round {round_number + 1}: {ratios_line(runs)}")
    print(f"machine after: {measure().line()}")
    if args.only is None:
        print(summary(args.messages, rounds))


SIDES = ("floor", "project")
#: The issue's bar: the project's speed at least this share of the floor's.
BAR = 0.85


def run_side(which: str, work: Path, config_file: Path, count: int, workers: int) -> TreeRun:
    """One run of the floor or of the project (which must store every message)."""
    if which == "floor":
        return run_floor(work, workers)
    run, stored = run_project(work, config_file)
    if stored != count:
        raise SystemExit(f"FAILED: {stored} of {count} stored")
    print(f"poll: {run.output.strip().splitlines()[-1:]}")
    return run


def ratios_line(runs: dict[str, TreeRun]) -> str:
    """The round's speed and CPU ratios, and what the bar leaves the polling process."""
    return (
        f"speed project/floor {speed_ratio(runs):.2f}, CPU floor/project {cpu_ratio(runs):.2f}\n"
        f"         {budget_line(runs)}"
    )


def budget_line(runs: dict[str, TreeRun], bar: float = BAR) -> str:
    """The CPU the project may spend for the floor's CPU over it to reach ``bar``, and what
    is left of it for the polling process once the rest of its tree (workers, Tesseracts,
    fork server) is paid: where the cores are all busy, the speed ratio follows the CPU's."""
    project = runs["project"]
    allowed = runs["floor"].cpu_seconds / bar
    polling = sum(seconds for kind, seconds in project.cpu_by_kind if kind.startswith(COMMAND))
    rest = project.cpu_seconds - polling
    return (
        f"CPU at {bar:.2f}: the project may spend {allowed:.1f} s; the rest of its tree spent "
        f"{rest:.1f} s, which leaves the polling process {allowed - rest:.1f} s; it spent "
        f"{polling:.1f} s"
    )


def speed_ratio(runs: dict[str, TreeRun]) -> float:
    return runs["floor"].seconds / runs["project"].seconds


def cpu_ratio(runs: dict[str, TreeRun]) -> float:
    return runs["floor"].cpu_seconds / runs["project"].cpu_seconds


def summary(count: int, rounds: list[dict[str, TreeRun]]) -> str:
    """The medians over the rounds."""
    ratios = [speed_ratio(runs) for runs in rounds]
    cpu_ratios = [cpu_ratio(runs) for runs in rounds]

    def median_rate(side: str) -> float:
        return statistics.median(count / runs[side].seconds for runs in rounds)

    def peak_pss(side: str) -> float:
        return max(runs[side].peak.pss_kib for runs in rounds) / MIB

    return (
        f"median of {len(ratios)}: floor {median_rate('floor'):.2f} msg/s, project "
        f"{median_rate('project'):.2f} msg/s, ratio {statistics.median(ratios):.2f} "
        f"(each round: {', '.join(f'{r:.2f}' for r in ratios)}); peak PSS floor "
        f"{peak_pss('floor'):.0f} MiB, project {peak_pss('project'):.0f} MiB\n"
        f"CPU floor/project, median: {statistics.median(cpu_ratios):.2f}"
    )


if __name__ == "__main__":
    main()
