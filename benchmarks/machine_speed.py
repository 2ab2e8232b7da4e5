"""How slow the shared machine is right now: a fixed workload's time, the hypervisor's steal.

Benchmarks print this beside their own figures, so that a slow figure taken while other jobs
ran (or the hypervisor took the CPU) is read as the machine's state, not the code's. Run alone:
    python3 -m benchmarks.machine_speed
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

# One core's fixed work: hashing and a pure-Python loop, about 0.5 s on a quiet machine.
HASHED_BYTES = 64 * 1024 * 1024
LOOP_STEPS = 2_000_000
PROC_STAT = Path("/proc/stat")


@dataclass(frozen=True)
class CpuTimes:
    """The machine's CPU counters from /proc/stat, in clock ticks, all cores together."""

    busy: int
    idle: int
    steal: int

    @staticmethod
    def now() -> CpuTimes:
        """The counters at this moment (zeros where /proc/stat is missing)."""
        try:
            with PROC_STAT.open(encoding="ascii") as stat:
                fields = [int(value) for value in stat.readline().split()[1:]]
        except OSError:
            return CpuTimes(0, 0, 0)
        user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
        return CpuTimes(user + nice + system + irq + softirq, idle + iowait, steal)

    def share_since(self, earlier: CpuTimes) -> tuple[float, float]:
        """(busy, steal) as fractions of all the machine's CPU time since ``earlier``."""
        busy, idle, steal = (
            self.busy - earlier.busy,
            self.idle - earlier.idle,
            self.steal - earlier.steal,
        )
        total = busy + idle + steal
        return (busy / total, steal / total) if total else (0.0, 0.0)


@dataclass(frozen=True)
class MachineSpeed:
    """One run of the fixed workload and what the machine did meanwhile."""

    wall_seconds: float
    cpu_seconds: float
    busy: float  # share of all cores busy (this workload included)
    steal: float  # share of all cores taken by the hypervisor
    load: float  # one-minute load average at the end

    def line(self) -> str:
        """One printable line."""
        return (
            f"fixed workload {self.wall_seconds:.2f} s wall, {self.cpu_seconds:.2f} s CPU; "
            f"cores busy {self.busy:.0%}, steal {self.steal:.0%}, load {self.load:.2f}"
        )


def measure() -> MachineSpeed:
    """Time the fixed workload once."""
    before = CpuTimes.now()
    wall, cpu = time.perf_counter(), time.process_time()
    _workload()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    busy, steal = CpuTimes.now().share_since(before)
    return MachineSpeed(wall, cpu, busy, steal, os.getloadavg()[0])


def _workload() -> int:
    digest = hashlib.sha256()
    block = bytes(1024 * 1024)
    for _ in range(HASHED_BYTES // len(block)):
        digest.update(block)
    total = 0
    for step in range(LOOP_STEPS):
        total += step % 7
    return total + digest.digest()[0]


if __name__ == "__main__":
    print(measure().line())
