"""How busy the cores are through one run of the floor and one ``intake poll`` of the
throughput backlog: the CPU of each process tree, in steps of a quarter second.

Run from the repository root:
    python3 -m benchmarks.cores_timeline [--messages 60] [--workers 2]

Each step prints ``t: tree/main``: from the previous step to ``t`` seconds after the start,
the cores the whole tree kept busy (2.0 is both cores of a 2-core machine) and those of its
main process alone (the floor's parent, the polling process). It shows where cores stay idle:
at the start (imports, starting the workers) and at the end (what runs after the last
document). The sampling itself costs some CPU, so the wall times are longer than
``benchmarks.throughput``'s. The checkout's modules are compiled first (``benchmarks.bytecode``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bytecode import compile_checkout
from benchmarks.process_tree import children_by_parent, cpu_seconds, descendants
from benchmarks.throughput import prepare
from benchmarks.throughput_backlog import fresh_copy

STEP_SECONDS = 0.25
SAMPLE_SECONDS = 0.05


def busy_cores(command: list[str]) -> tuple[float, list[str]]:
    """Run ``command``; its wall time and the steps' ``t: tree/main`` figures."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    spent: dict[int, float] = {}
    samples: list[tuple[float, float, float]] = []
    while process.poll() is None:
        for pid in descendants(process.pid, children_by_parent()):
            seconds = cpu_seconds(pid)
            if seconds:
                spent[pid] = seconds  # kept once the process has ended
        now = time.perf_counter() - started
        samples.append((now, sum(spent.values()), spent.get(process.pid, 0.0)))
        time.sleep(SAMPLE_SECONDS)
    return time.perf_counter() - started, _steps(samples)


def _steps(samples: list[tuple[float, float, float]]) -> list[str]:
    steps, last, edge = [], (0.0, 0.0, 0.0), STEP_SECONDS
    for sample in samples:
        if sample[0] >= edge:
            width = sample[0] - last[0]
            tree, main = (sample[1] - last[1]) / width, (sample[2] - last[2]) / width
            steps.append(f"{edge:.2f}: {tree:.1f}/{main:.1f}")
            last, edge = sample, edge + STEP_SECONDS
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        config_file = prepare(work, args.messages, args.workers)
        print(compile_checkout())
        floor = fresh_copy(work / "backlog", work / "floor")
        fresh_copy(work / "backlog", work / "Maildir")
        workers = ["--workers", str(args.workers)]
        runs = {
            "floor": [sys.executable, "-m", "benchmarks.throughput_floor", str(floor), *workers],
            "project": [sys.executable, "-m", "intake", "--config", str(config_file), "poll"],
        }
        for name, command in runs.items():
            seconds, steps = busy_cores(command)
            print(f"{name}: {seconds:.2f} s")
            print("  " + "  ".join(steps))


if __name__ == "__main__":
    main()
