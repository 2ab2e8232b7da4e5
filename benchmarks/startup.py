"""CPU time of ``intake`` start-up: --help, --version and read-only commands, each a process.

Run from the repository root:
    python3 -m benchmarks.startup [--repeat 5]
Each command runs as its own ``python3 -m intake`` process against a small SQLite config at
the newest schema; the figure is the child's user + system CPU (``resource.getrusage``),
which the load of a shared machine does not inflate as it does wall time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from intake.config.runtime import open_runtime
from tests.configs import make_config, write_config_file

COMMANDS: list[list[str]] = [
    ["--help"],
    ["--version"],
    ["check-config"],
    ["status"],
    ["applications"],
    ["summary"],
]


def child_cpu(command: list[str]) -> float:
    """CPU seconds of one child process running ``command`` to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        url = f"sqlite:///{work / 'intake.db'}"
        open_runtime(make_config(work, url)).close()
        config = write_config_file(work, url)
        print(f"CPU seconds per start, median of {args.repeat} (min–max)")
        for arguments in COMMANDS:
            command = [sys.executable, "-m", "intake", "--config", str(config), *arguments]
            times = [child_cpu(command) for _ in range(args.repeat)]
            print(
                f"intake {' '.join(arguments):14s} {statistics.median(times):5.2f} s "
                f"({min(times):.2f}–{max(times):.2f})"
            )


if __name__ == "__main__":
    main()
