"""Peak memory of a process and all its descendants (workers, Tesseract), sampled from /proc.

PSS (proportional set size) counts a page shared by forked processes once, split between
them; RSS counts it in every process, so the tree's summed RSS overstates its memory.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class TreeMemory:
    """Summed RSS and PSS of a process tree, in KiB, and how many processes it held."""

    rss_kib: int = 0
    pss_kib: int = 0
    processes: int = 0


def descendants(root: int) -> list[int]:
    """``root`` and every process below it, from the parent pids in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        tree.append(pid)
        waiting.extend(children.get(pid, []))
    return tree


def cpu_seconds(pid: int) -> float:
    """User and system CPU of one process (not of its children), or 0 once it has ended."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def tree_memory(root: int) -> TreeMemory:
    """The tree's memory now (a process that ends while it is read is left out)."""
    rss = pss = count = 0
    for pid in descendants(root):
        try:
            lines = (PROC / str(pid) / "smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        fields = {line.split(":")[0]: line.split()[1] for line in lines[1:] if ":" in line}
        rss += int(fields.get("Rss", 0))
        pss += int(fields.get("Pss", 0))
        count += 1
    return TreeMemory(rss, pss, count)


@dataclass(frozen=True)
class TreeRun:
    """One command's wall time, exit code, output, its tree's peak memory and CPU time.

    The CPU time is each process's own, as last sampled, summed: a process's last 50 ms
    before it ends are missed (a few tenths of a second over a run with dozens of Tesseracts).
    """

    seconds: float
    returncode: int
    output: str
    peak: TreeMemory
    cpu_seconds: float


def run_sampled(command: list[str], interval: float = 0.05) -> TreeRun:
    """Run ``command``, sampling its tree's memory every ``interval`` seconds until it ends."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peaks = {"rss": 0, "pss": 0, "processes": 0}
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for pid in descendants(child.pid):
                cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
            now = tree_memory(child.pid)
            peaks["rss"] = max(peaks["rss"], now.rss_kib)
            peaks["pss"] = max(peaks["pss"], now.pss_kib)
            peaks["processes"] = max(peaks["processes"], now.processes)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    peak = TreeMemory(peaks["rss"], peaks["pss"], peaks["processes"])
    return TreeRun(seconds, child.returncode, output, peak, sum(cpu.values()))
