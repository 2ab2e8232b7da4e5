"""HR's commands on a large database: wall time and peak memory of each, one process each.

Run from the repository root:
    python3 -m benchmarks.hr_commands [--applications 5000] [--exported 1000] [--repeat 3]
                                      [--postgres]
Builds a SQLite database in a temp folder (with --postgres: fills the empty PostgreSQL
database named by $INTAKE_BENCH_POSTGRES_URL instead), then runs each command as its own
``python3 -m intake`` process and prints its median wall time and CPU time over ``--repeat``
runs and its peak RSS (from wait4, so each figure is that one command's). The erasure runs
once, last. The machine's speed is measured before and after, and its load over the run.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from benchmarks import machine_speed
from benchmarks.hr_database import RARE_WORD, Built, Vacancy, build
from intake.config.runtime import open_runtime
from storage.models import Application
from storage.queries import ApplicationQuery, application_ids
from tests.configs import make_config, write_config_file

POSTGRES_URL_ENV = "INTAKE_BENCH_POSTGRES_URL"
# The two vacancies of tests.configs (deadlines: the end of that day in Brussels, in UTC).
LISTED = Vacancy(
    "WCO/2025/DD-IS",
    "Deputy Director, Implementation Support",
    datetime(2025, 9, 15, 8, tzinfo=UTC),
    datetime(2025, 10, 26, 23, tzinfo=UTC),
)
EXPORTED = Vacancy(  # the vacancy whose documents are exported
    "WCO/2025/HU-NA",
    "Head of Unit, Needs Assessment",
    datetime(2025, 10, 20, 8, tzinfo=UTC),
    datetime(2025, 11, 30, 23, tzinfo=UTC),
)
ERASE_DONE = "erase done (audit entry"
NO_MATCH = "zzqqxx"


@dataclass(frozen=True)
class ChildRun:
    """One command in its own process: its times, its peak memory, what it wrote."""

    label: str
    seconds: float
    cpu_seconds: float
    peak_kib: int
    output_bytes: int = 0
    marks: tuple[tuple[str, float], ...] = ()  # (stderr text, seconds from the start to it)

    def line(self) -> str:
        """One printable line."""
        return (
            f"{self.label:48s} {self.seconds:6.2f} s {self.cpu_seconds:6.2f} s "
            f"{self.peak_kib / 1024:6.0f} MiB {self.output_bytes / 1024:10.1f} KiB"
        )


@dataclass(frozen=True)
class Bench:
    """The database under test and how to run ``intake`` against it."""

    work: Path
    config_path: Path
    repeat: int

    def run(self, label: str, args: Sequence[str], output: Path | None = None) -> ChildRun:
        """``intake --config C ARGS``, ``repeat`` times: the median times, the largest peak
        RSS, and the size of stdout (or of ``output``, when the command writes a file)."""
        runs = [self.once(label, args) for _ in range(self.repeat)]
        written = output or self.work / "stdout.txt"
        return ChildRun(
            label,
            statistics.median(run.seconds for run in runs),
            statistics.median(run.cpu_seconds for run in runs),
            max(run.peak_kib for run in runs),
            _tree_size(written) if written.exists() else 0,
        )

    def once(self, label: str, args: Sequence[str], marks: Sequence[str] = ()) -> ChildRun:
        """One run, stdout to a file; each of ``marks`` timed when a stderr line holds it."""
        argv = [sys.executable, "-m", "intake", "--config", str(self.config_path), *args]
        with (self.work / "stdout.txt").open("wb") as stdout:
            run = _child(label, argv, stdout, marks)
        return dataclasses.replace(run, output_bytes=_tree_size(self.work / "stdout.txt"))


def _child(label: str, argv: list[str], stdout: IO[bytes], marks: Sequence[str]) -> ChildRun:
    """Run ``argv`` and reap it with wait4 for its own resource usage; stop on a failure.
    The child's log handler writes each line at once, so a mark's time is when it happened."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    seen: dict[str, float] = {}
    errors: list[bytes] = []
    assert process.stderr is not None
    for line in process.stderr:
        errors.append(line)
        for mark in marks:
            if mark.encode() in line:
                seen.setdefault(mark, time.perf_counter() - started)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{label} failed ({process.returncode}): {b''.join(errors).decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(label, seconds, cpu, usage.ru_maxrss, marks=tuple(seen.items()))


def _tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(one.stat().st_size for one in path.rglob("*") if one.is_file())


def database_bytes(engine: Engine) -> int:
    """The database's size on disk: the SQLite file and its -wal, or pg_database_size."""
    if engine.dialect.name == "sqlite":
        path = Path(engine.url.database or "")
        files = (path, path.with_name(path.name + "-wal"))
        return sum(one.stat().st_size for one in files if one.exists())
    with engine.connect() as connection:
        size = connection.scalar(text("SELECT pg_database_size(current_database())"))
    return int(size or 0)


def fill(engine_url: str, work: Path, count: int, exported: int) -> Built:
    """Build the database and say what it holds."""
    runtime = open_runtime(make_config(work, engine_url), schema="upgrade")
    try:
        with runtime.sessions() as session:
            if session.scalar(select(func.count(Application.id))):
                raise SystemExit("the database already holds applications: give an empty one")
        started = time.perf_counter()
        built = build(runtime.sessions, count, [(EXPORTED, exported), (LISTED, count)])
        seconds = time.perf_counter() - started
        print(
            f"stored {count} applications in {seconds:.1f} s ({count / seconds:.0f}/s); "
            f"database {database_bytes(runtime.engine) / 2**20:.0f} MiB"
        )
        with runtime.sessions() as session:
            print(f"  {_matches(session)}")
        return built
    finally:
        runtime.close()


def _matches(session: Session) -> str:
    """How many applications the benchmark's filters select."""
    found = {
        f"--search {RARE_WORD}": ApplicationQuery(search=RARE_WORD),
        "--flag late": ApplicationQuery(with_flags=("late",)),
        f"--vacancy {EXPORTED.reference}": ApplicationQuery(vacancy=EXPORTED.reference),
    }
    counts = (f"{len(application_ids(session, query))} {name}" for name, query in found.items())
    return "applications selected: " + ", ".join(counts)


def listing_runs(bench: Bench) -> list[ChildRun]:
    """``intake applications`` in every format, for one vacancy and for all, then filtered."""
    xlsx, csv = bench.work / "applications.xlsx", bench.work / "applications.csv"
    one = ["--vacancy", EXPORTED.reference]
    plan: list[tuple[str, list[str], Path | None]] = [
        ("applications, none listed (start-up)", ["--since", "2030-01-01"], None),
        ("applications --format xlsx, none listed", ["--since", "2030-01-01", "--format", "xlsx",
                                                     "--output", str(xlsx)], xlsx),
        ("applications --format table", [], None),
        ("applications --format json", ["--format", "json"], None),
        ("applications --format csv --output", ["--format", "csv", "--output", str(csv)], csv),
        ("applications --format xlsx --output", ["--format", "xlsx", "--output", str(xlsx)], xlsx),
        ("applications --vacancy HU-NA --format json", [*one, "--format", "json"], None),
        ("applications --vacancy HU-NA --format csv", [*one, "--format", "csv", "--output",
                                                       str(csv)], csv),
        ("applications --vacancy HU-NA --format xlsx", [*one, "--format", "xlsx", "--output",
                                                        str(xlsx)], xlsx),
        (f"applications --search {RARE_WORD}", ["--search", RARE_WORD], None),
        ("applications --search (no match)", ["--search", NO_MATCH], None),
        ("applications --flag late", ["--flag", "late"], None),
        (f"applications --flag late --search {RARE_WORD}", ["--flag", "late", "--search",
                                                           RARE_WORD], None),
    ]  # fmt: skip
    return [bench.run(label, ["applications", *args], output) for label, args, output in plan]


def reading_runs(bench: Bench, built: Built) -> list[ChildRun]:
    """The document export (once, into a new folder), the summary and one application shown."""
    folder = bench.work / "export"
    exporting = ["documents", "export", "--vacancy", EXPORTED.reference, "--to", str(folder)]
    count = built.per_vacancy[EXPORTED.reference]
    export = bench.once(f"documents export ({count} applications)", exporting)
    files = sum(1 for one in folder.rglob("*") if one.is_file())
    print(f"  documents export wrote {files} files, {_tree_size(folder) / 2**20:.0f} MiB")
    shown = str(built.shown_id)
    return [
        dataclasses.replace(export, output_bytes=_tree_size(folder)),
        bench.run("summary", ["summary"]),
        bench.run("summary --vacancy DD-IS", ["summary", "--vacancy", LISTED.reference]),
        bench.run(f"show {shown}", ["show", shown]),
        bench.run(f"show {shown} --format json", ["show", shown, "--format", "json"]),
    ]


def erase_runs(bench: Bench, built: Built, engine: Engine) -> list[ChildRun]:
    """A dry run, then the erase itself (once); the deletion and the clean-up timed apart."""
    asked = ["erase", "--email", built.erase_address]
    dry = bench.run("erase (dry run)", asked)
    before = database_bytes(engine)
    done = bench.once("erase --yes", [*asked, "--yes"], marks=[ERASE_DONE])
    after = database_bytes(engine)
    committed = dict(done.marks).get(ERASE_DONE)
    if committed is not None:
        print(
            f"  erase --yes: deletion committed {committed:.2f} s after the start (the dry run, "
            f"start-up and selection: {dry.seconds:.2f} s); clean-up (VACUUM) after it "
            f"{done.seconds - committed:.2f} s"
        )
    print(f"  database {before / 2**20:.0f} MiB before the erase, {after / 2**20:.0f} MiB after")
    return [dry, done]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--exported", type=int, default=1000, help="of them, to the exported one")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command but erase")
    parser.add_argument("--postgres", action="store_true", help=f"use ${POSTGRES_URL_ENV}")
    args = parser.parse_args()
    before = machine_speed.CpuTimes.now()
    print(f"machine before: {machine_speed.measure().line()}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        url = _database_url(work, args.postgres)
        built = fill(url, work, args.applications, args.exported)
        bench = Bench(work, write_config_file(work, url), args.repeat)
        runtime = open_runtime(make_config(work, url), schema="require")
        try:
            runs = listing_runs(bench) + reading_runs(bench, built)
            runs += erase_runs(bench, built, runtime.engine)
        finally:
            runtime.close()
    print(f"\nmedian of {args.repeat} (erase --yes and documents export: 1 run)")
    print(f"{'command':48s} {'wall':>8s} {'CPU':>8s} {'peak RSS':>10s} {'output':>14s}")
    print("\n".join(run.line() for run in runs))
    print(f"\nmachine after: {machine_speed.measure().line()}")
    busy, steal = machine_speed.CpuTimes.now().share_since(before)
    print(f"over the whole run: cores busy {busy:.0%}, steal {steal:.0%}")


def _database_url(work: Path, postgres: bool) -> str:
    if not postgres:
        return f"sqlite:///{work / 'intake.db'}"
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        raise SystemExit(f"--postgres needs ${POSTGRES_URL_ENV} (an empty database's URL)")
    return url


if __name__ == "__main__":
    main()
