"""CPU time of ``intake`` start-up: --help, --version and read-only commands, each a process.

Run from the repository root:
    python3 -m benchmarks.startup [--repeat 5] [--cached-bytecode]
Each command runs as its own ``python3 -m intake`` process against a small SQLite config at
the newest schema, with no data (so the figure is the start, not the query); the figure is
the child's user + system CPU (``resource.getrusage``), which the load of a shared machine
inflates less than wall time. The floors after them are what any such process pays: the
interpreter, SQLAlchemy Core with the SQLite driver opening the database, the PostgreSQL
driver, and SQLAlchemy's ORM with the project's models. ``PYTHONDONTWRITEBYTECODE`` (set on
some machines) makes every start compile the project's modules again, unless they were
compiled before (by ``--cached-bytecode`` or another benchmark): the header says which.
``--cached-bytecode`` runs the children as an installed package (the Docker image's, whose
``pip install`` compiled every module) starts: the checkout is compiled first
(``benchmarks.bytecode``).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bytecode import children_read_bytecode, compile_checkout
from intake.config.runtime import open_runtime
from tests.cli_runs import READ_COMMANDS
from tests.configs import make_config, write_config_file

COMMANDS: list[list[str]] = [["--help"], ["--version"], ["applications", "--help"], *READ_COMMANDS]
#: What a read command cannot start below: (name, Python code, run with the database URL).
FLOORS: list[tuple[str, str]] = [
    ("python3 (nothing imported)", "pass"),
    (
        "SQLAlchemy Core + sqlite3, one query",
        "import sys, sqlalchemy; e = sqlalchemy.create_engine(sys.argv[1]);"
        " c = e.connect(); c.exec_driver_sql('SELECT 1'); c.close()",
    ),
    ("psycopg (PostgreSQL driver) import", "import psycopg"),
    ("SQLAlchemy ORM import", "import sqlalchemy.orm"),
    ("ORM + storage models", "import storage.models, storage.candidate_models"),
]


def child_cpu(command: list[str]) -> float:
    """CPU seconds of one child process running ``command`` to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(label: str, command: list[str], repeat: int) -> None:
    """Print the median CPU of ``repeat`` runs of ``command``, with the range."""
    times = [child_cpu(command) for _ in range(repeat)]
    print(f"{label:38s} {statistics.median(times):5.2f} s ({min(times):.2f}–{max(times):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cached-bytecode", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        url = f"sqlite:///{work / 'intake.db'}"
        open_runtime(make_config(work, url)).close()
        config = write_config_file(work, url)
        if args.cached_bytecode:
            print(compile_checkout())
        cached = children_read_bytecode()
        bytecode = "cached" if cached else "not written (compiled at every start)"
        print(f"CPU seconds per start, median of {args.repeat} (min–max); bytecode {bytecode}")
        for arguments in COMMANDS:
            command = [sys.executable, "-m", "intake", "--config", str(config), *arguments]
            report(f"intake {' '.join(arguments)}", command, args.repeat)
        print("floors:")
        for label, code in FLOORS:
            report(label, [sys.executable, "-c", code, url], args.repeat)


if __name__ == "__main__":
    main()
