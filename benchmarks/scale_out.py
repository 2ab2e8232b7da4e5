"""Scale-out: several ``intake poll`` at once on one PostgreSQL against the floor, in one run.

Run from the repository root:
    python3 -m benchmarks.scale_out --messages 200 [--settings 1x1,1x2,1x4,2x1,2x2]
        [--backlog DIR] [--repeat 1]

A private PostgreSQL server is started on 127.0.0.1 (``tests.postgres.Cluster``: a temporary
directory, no fsync, stopped and deleted at the end). The backlog of
``benchmarks.throughput_backlog`` is written once (into ``--backlog`` DIR and reused by later
runs when given). Each setting KxW then runs (``--repeat`` rounds over all
the settings), alternating which goes first:

- the floor (``benchmarks.throughput_floor``) with K x W plain processes;
- K ``intake poll`` started at once on one copy of the Maildir and one fresh database at the
  newest schema, ``extraction.workers`` = W each. Each poll is one cycle of what ``intake run``
  repeats; the backlog is there from the start, so one cycle stores all of it and the run ends
  when the last poll exits, with no stop signal in the measured time.

It checks that every message was stored once and processed by one poll only (the polls'
``fetched`` add up to the backlog) and that no claim is left, and prints messages/s, the ratio
project/floor, the CPU of the trees and their peak PSS summed; the PostgreSQL server's own CPU
and PSS over the project's run are printed beside them, not in them. ``uptime`` is printed
before and after each setting. The checkout's modules are compiled first
(``benchmarks.bytecode``), as an installed package has them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from benchmarks.bytecode import compile_checkout
from benchmarks.machine_speed import measure
from benchmarks.process_tree import TreeRun, run_together
from benchmarks.throughput import MIB, line, run_floor
from benchmarks.throughput_backlog import backlog_in, fresh_copy
from intake.config.runtime import open_runtime
from tests.configs import make_config, write_config_file
from tests.postgres import Cluster, PostgresServer, find_bin_dir

DEFAULT_SETTINGS = "1x1,1x2,1x4,2x1,2x2"


@dataclass(frozen=True)
class Setting:
    """K instances of the project with W extraction workers each."""

    instances: int
    workers: int

    @property
    def label(self) -> str:
        return f"{self.instances}x{self.workers}"


@dataclass(frozen=True)
class Stored:
    """What the database holds after a run."""

    rows: int
    distinct_keys: int
    fetched_by_poll: tuple[int, ...]
    claims_left: int


def parse_settings(text: str) -> list[Setting]:
    """``1x2,2x1`` as settings; a malformed entry stops the benchmark naming it."""
    settings = []
    for entry in text.split(","):
        instances, _, workers = entry.strip().partition("x")
        if not (instances.isdigit() and workers.isdigit()) or 0 in (int(instances), int(workers)):
            raise SystemExit(f"--settings: {entry!r} is not INSTANCESxWORKERS, e.g. 2x1")
        settings.append(Setting(int(instances), int(workers)))
    return settings


@contextmanager
def private_server() -> Iterator[tuple[PostgresServer, int]]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 and its postmaster's pid."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL not installed: apt-get install postgresql")
    cluster = Cluster(bin_dir)
    try:
        cluster.init()
        cluster.start()
        postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
        yield cluster.server(), postmaster
    finally:
        cluster.stop()


def fresh_database(server: PostgresServer, work: Path, name: str, workers: int) -> Path:
    """A new database at the newest schema and a config using it; returns the config file."""
    with server.connect() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = server.database_url(name)
    overrides = {"extraction": {"workers": workers}}
    open_runtime(make_config(work, url, overrides)).close()
    return write_config_file(work, url, overrides)


def run_project(work: Path, config_file: Path, instances: int, postmaster: int) -> TreeRun:
    """``instances`` polls at once on a fresh copy of the backlog."""
    fresh_copy(work / "backlog", work / "Maildir")
    shutil.rmtree(work / "outbox", ignore_errors=True)
    poll = [sys.executable, "-m", "intake", "--config", str(config_file), "poll"]
    run = run_together([poll] * instances, beside=[postmaster])
    if run.returncode != 0:
        raise SystemExit(f"FAILED (exit {run.returncodes}):\n{run.output}")
    return run


def stored(server: PostgresServer, name: str) -> Stored:
    """Rows, distinct message keys, each poll's fetched count, and claims still held."""
    url = server.admin_url
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=name, autocommit=True
    ) as database:
        rows, keys = database.execute(
            "SELECT count(*), count(DISTINCT (mailbox, folder, uidvalidity, uid)) FROM messages"
        ).fetchone() or (0, 0)
        fetched = [row[0] for row in database.execute("SELECT fetched FROM poll_runs ORDER BY id")]
        (claims,) = database.execute("SELECT count(*) FROM message_claims").fetchone() or (0,)
    return Stored(rows, keys, tuple(fetched), claims)


def checked(count: int, result: Stored) -> Stored:
    """Stop unless each message was stored once and processed by exactly one poll."""
    problems = []
    if result.rows != count or result.distinct_keys != count:
        problems.append(f"{result.rows} rows, {result.distinct_keys} messages of {count}")
    if sum(result.fetched_by_poll) != count:
        problems.append(f"the polls fetched {result.fetched_by_poll}, not {count} in all")
    if result.claims_left:
        problems.append(f"{result.claims_left} claims left")
    if problems:
        raise SystemExit("FAILED: " + "; ".join(problems))
    return result


def uptime() -> str:
    """The ``uptime`` line: the load on this shared machine."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def measure_setting(
    server: PostgresServer,
    postmaster: int,
    work: Path,
    count: int,
    setting: Setting,
    first: str,
    round_number: int,
) -> tuple[TreeRun, TreeRun, Stored]:
    """The floor and the project for one setting, in the order ``first`` says."""
    name = f"scale_{setting.label}_{round_number}"
    config_file = fresh_database(server, work, name, setting.workers)
    runs: dict[str, TreeRun] = {}
    for which in [first, "project" if first == "floor" else "floor"]:
        if which == "floor":
            runs[which] = run_floor(work, setting.instances * setting.workers)
        else:
            runs[which] = run_project(work, config_file, setting.instances, postmaster)
        print(line(which, count, runs[which]))
    return runs["floor"], runs["project"], checked(count, stored(server, name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--settings", default=DEFAULT_SETTINGS, help="INSTANCESxWORKERS, …")
    parser.add_argument("--backlog", type=Path, help="keep the backlog here and reuse it")
    parser.add_argument("--repeat", type=int, default=1, help="rounds over all the settings")
    args = parser.parse_args()
    settings = parse_settings(args.settings)
    print(f"machine before: {measure().line()}")
    rows: list[str] = []
    ratios: dict[Setting, list[float]] = {setting: [] for setting in settings}
    with tempfile.TemporaryDirectory() as temporary, private_server() as (server, postmaster):
        work = Path(temporary)
        backlog_in(work, args.backlog, args.messages)
        print(compile_checkout())
        for round_number in range(1, args.repeat + 1):
            for index, setting in enumerate(settings):
                print(f"== round {round_number}, {setting.label}: before: {uptime()}")
                first = "floor" if (index + round_number) % 2 == 1 else "project"
                floor, project, result = measure_setting(
                    server, postmaster, work, args.messages, setting, first, round_number
                )
                print(after_setting(result, project))
                rows.append(row(setting, args.messages, floor, project))
                ratios[setting].append(floor.seconds / project.seconds)
    print(f"machine after: {measure().line()}")
    print(TABLE_HEAD)
    print("\n".join(rows))
    for setting, each in ratios.items():
        print(f"{setting.label}: median ratio {statistics.median(each):.2f} of {len(each)}")


def after_setting(result: Stored, project: TreeRun) -> str:
    """Who fetched what, what PostgreSQL used, and the load after the setting."""
    summaries = [output.strip().splitlines()[-1:] for output in project.outputs]
    return (
        f"   each poll: {summaries}\n"
        f"   fetched by each poll: {result.fetched_by_poll}; PostgreSQL: CPU "
        f"{project.beside_cpu_seconds:.1f} s, peak PSS {project.beside_peak.pss_kib / MIB:.0f} "
        f"MiB; after: {uptime()}"
    )


TABLE_HEAD = (
    "| setting | floor msg/s | project msg/s | ratio | CPU floor / project (+ PostgreSQL) "
    "| peak PSS floor / project (+ PostgreSQL) |\n| --- | ---: | ---: | ---: | ---: | ---: |"
)


def row(setting: Setting, count: int, floor: TreeRun, project: TreeRun) -> str:
    """One Markdown table row."""
    return (
        f"| {setting.instances} × {setting.workers} | {count / floor.seconds:.2f} | "
        f"{count / project.seconds:.2f} | {floor.seconds / project.seconds:.2f} | "
        f"{floor.cpu_seconds:.1f} / {project.cpu_seconds:.1f} (+ "
        f"{project.beside_cpu_seconds:.1f}) s | {floor.peak.pss_kib / MIB:.0f} / "
        f"{project.peak.pss_kib / MIB:.0f} (+ {project.beside_peak.pss_kib / MIB:.0f}) MiB |"
    )


if __name__ == "__main__":
    main()
