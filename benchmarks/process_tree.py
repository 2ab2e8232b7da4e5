"""Peak memory of a process and all its descendants (workers, Tesseract), sampled from /proc.

PSS (proportional set size) counts a page shared by forked processes once, split between
them; RSS counts it in every process, so the tree's summed RSS overstates its memory.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")
#: The kind of a process the benchmark started itself (the polling process, the floor's parent).
COMMAND = "command"


@dataclass(frozen=True)
class TreeMemory:
    """Summed RSS and PSS of a process tree, in KiB, and how many processes it held; with
    ``by_kind``, each kind of process's PSS in KiB (see ``process_kind``), largest first; with
    ``largest``, the PSS of the largest single process of each kind."""

    rss_kib: int = 0
    pss_kib: int = 0
    processes: int = 0
    by_kind: tuple[tuple[str, int], ...] = ()
    largest: tuple[tuple[str, int], ...] = ()

    def kinds_line(self) -> str:
        """``by_kind`` as ``kind N MiB, ...``."""
        return _in_mib(self.by_kind)

    def largest_line(self) -> str:
        """``largest`` as ``kind N MiB, ...``."""
        return _in_mib(self.largest)


def _in_mib(kib_by_kind: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{kind} {kib / 1024:.0f} MiB" for kind, kib in kib_by_kind)


def _stat_fields(pid: int | str) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name (which may hold spaces and
    parentheses): the state first, then the parent pid (raises OSError once it has ended)."""
    return (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from the parent pids in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int(_stat_fields(entry.name)[1])
        except OSError:
            continue
        children.setdefault(parent, []).append(int(entry.name))
    return children


def descendants(root: int, children: dict[int, list[int]] | None = None) -> list[int]:
    """``root`` and every process below it (``children``: one reading of /proc for many)."""
    children = children_by_parent() if children is None else children
    tree, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        tree.append(pid)
        waiting.extend(children.get(pid, []))
    return tree


def cpu_seconds(pid: int) -> float:
    """User and system CPU of one process (not of its children), or 0 once it has ended."""
    try:
        fields = _stat_fields(pid)
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def memory_of(pids: list[int], roots: frozenset[int] = frozenset()) -> TreeMemory:
    """These processes' memory now (one that ends while it is read is left out), by kind of
    process (``roots``: the commands started, the others' ancestors)."""
    rss = pss = count = 0
    kinds: dict[str, list[int]] = {}
    for pid in pids:
        try:
            lines = (PROC / str(pid) / "smaps_rollup").read_text().splitlines()
            kind = process_kind(pid, roots)
        except OSError:
            continue
        fields = {line.split(":")[0]: line.split()[1] for line in lines[1:] if ":" in line}
        rss += int(fields.get("Rss", 0))
        pss += int(fields.get("Pss", 0))
        kinds.setdefault(kind, []).append(int(fields.get("Pss", 0)))
        count += 1
    named = {_counted(kind, len(each)): sum(each) for kind, each in kinds.items()}
    largest = {kind: max(each) for kind, each in kinds.items()}
    return TreeMemory(rss, pss, count, _largest_first(named), _largest_first(largest))


def _counted(kind: str, count: int) -> str:
    return f"{kind} ×{count}" if count > 1 else kind


def _largest_first(kib_by_kind: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(kib_by_kind.items(), key=lambda item: -item[1]))


def process_kind(pid: int, roots: frozenset[int]) -> str:
    """What the process is: ``command`` (started by the benchmark), ``fork server``,
    ``resource tracker``, ``tesseract``, else ``worker`` (a pool's process)."""
    if pid in roots:
        return COMMAND
    if (PROC / str(pid) / "comm").read_text().strip() == "tesseract":
        return "tesseract"
    command_line = (PROC / str(pid) / "cmdline").read_bytes()
    if b"resource_tracker" in command_line:
        return "resource tracker"
    if b"forkserver" in command_line and int(_stat_fields(pid)[1]) in roots:
        return "fork server"  # its workers, forked from it, share its command line
    return "worker"


@dataclass(frozen=True)
class TreeRun:
    """Commands run at once: the wall time until the last ended, each one's exit code and
    output, their trees' peak memory together and CPU time, and the same for the processes
    already running ``beside`` them (a database server), counted from the start.

    The CPU time is each process's own, as last sampled, summed: a process's last 50 ms
    before it ends are missed (a few tenths of a second over a run with dozens of Tesseracts).
    """

    seconds: float
    returncodes: tuple[int, ...]
    outputs: tuple[str, ...]
    peak: TreeMemory
    cpu_seconds: float
    beside_peak: TreeMemory = TreeMemory()
    beside_cpu_seconds: float = 0.0
    cpu_by_kind: tuple[tuple[str, float], ...] = ()

    def cpu_line(self) -> str:
        """``cpu_by_kind`` as ``kind ×N S s, ...``, most CPU first."""
        return ", ".join(f"{kind} {seconds:.1f} s" for kind, seconds in self.cpu_by_kind)

    @property
    def returncode(self) -> int:
        """The first non-zero exit code, else 0."""
        return next((code for code in self.returncodes if code != 0), 0)

    @property
    def output(self) -> str:
        """Every command's output, one after the other."""
        return "\n".join(self.outputs)


class _Sampler:
    """Peak memory (summed over the trees at each sample) and CPU time of some process trees."""

    def __init__(self, roots: Callable[[], list[int]]) -> None:
        self._roots = roots
        children = children_by_parent()
        alive = [pid for root in roots() for pid in descendants(root, children)]
        self._start_cpu = {pid: cpu_seconds(pid) for pid in alive}
        self._cpu: dict[int, float] = {}
        self._kind: dict[int, str] = {}
        self._peak = TreeMemory()

    def sample(self, children: dict[int, list[int]]) -> None:
        """Read the trees now, from one reading of /proc's parent pids."""
        roots = self._roots()
        pids = [pid for root in roots for pid in descendants(root, children)]
        for pid in pids:
            self._cpu[pid] = max(self._cpu.get(pid, 0.0), cpu_seconds(pid))
            if pid not in self._kind:
                with contextlib.suppress(OSError):
                    self._kind[pid] = process_kind(pid, frozenset(roots))
        now, peak = memory_of(pids, frozenset(roots)), self._peak
        self._peak = TreeMemory(
            max(peak.rss_kib, now.rss_kib),
            max(peak.pss_kib, now.pss_kib),
            max(peak.processes, now.processes),
            now.by_kind if now.pss_kib > peak.pss_kib else peak.by_kind,
            _larger_each(peak.largest, now.largest),
        )

    @property
    def peak(self) -> TreeMemory:
        return self._peak

    @property
    def cpu_seconds(self) -> float:
        """CPU used since the sampler was made (processes alive then count from then on)."""
        return sum(self._used().values())

    @property
    def cpu_by_kind(self) -> tuple[tuple[str, float], ...]:
        """CPU since the sampler was made, by kind of process (``kind ×N`` for several)."""
        seconds: dict[str, float] = {}
        counts: dict[str, int] = {}
        for pid, used in self._used().items():
            kind = self._kind.get(pid, "unknown")
            seconds[kind] = seconds.get(kind, 0.0) + used
            counts[kind] = counts.get(kind, 0) + 1
        named = {_counted(kind, counts[kind]): total for kind, total in seconds.items()}
        return tuple(sorted(named.items(), key=lambda item: -item[1]))

    def _used(self) -> dict[int, float]:
        start = self._start_cpu
        return {pid: max(0.0, cpu - start.get(pid, 0.0)) for pid, cpu in self._cpu.items()}


def _larger_each(
    before: tuple[tuple[str, int], ...], now: tuple[tuple[str, int], ...]
) -> tuple[tuple[str, int], ...]:
    """Each kind's largest process over both readings."""
    largest = dict(before)
    for kind, kib in now:
        largest[kind] = max(largest.get(kind, 0), kib)
    return _largest_first(largest)


def run_sampled(command: list[str], interval: float = 0.05) -> TreeRun:
    """Run ``command``, sampling its tree's memory every ``interval`` seconds until it ends."""
    return run_together([command], interval=interval)


def run_together(
    commands: Sequence[list[str]], beside: Sequence[int] = (), interval: float = 0.05
) -> TreeRun:
    """Start every command at once and sample their trees (and those of the ``beside`` pids)
    every ``interval`` seconds until the last command ends."""
    with contextlib.ExitStack() as stack:
        outputs = [
            stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for _ in commands
        ]
        beside_sampler = _Sampler(lambda: list(beside))
        started = time.perf_counter()
        children = [
            subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
            for command, output in zip(commands, outputs, strict=True)
        ]
        sampler = _Sampler(lambda: [child.pid for child in children])
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                children = children_by_parent()
                sampler.sample(children)
                beside_sampler.sample(children)
                done.wait(interval)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        returncodes = tuple(child.wait() for child in children)
        seconds = time.perf_counter() - started
        done.set()
        thread.join()
        texts = [_read_back(output) for output in outputs]
    return TreeRun(
        seconds,
        returncodes,
        tuple(texts),
        sampler.peak,
        sampler.cpu_seconds,
        beside_sampler.peak,
        beside_sampler.cpu_seconds,
        sampler.cpu_by_kind,
    )


def _read_back(output: IO[str]) -> str:
    output.seek(0)
    return output.read()
