"""What the throughput bar leaves the polling process, from one round's CPU by kind."""

from __future__ import annotations

from benchmarks.process_tree import TreeMemory, TreeRun
from benchmarks.throughput import budget_line


def _run(cpu_by_kind: tuple[tuple[str, float], ...]) -> TreeRun:
    total = sum(seconds for _, seconds in cpu_by_kind)
    return TreeRun(1.0, (0,), ("",), TreeMemory(), total, cpu_by_kind=cpu_by_kind)


def test_the_polling_process_is_left_what_the_rest_of_the_tree_does_not_spend() -> None:
    floor = _run((("tesseract ×12", 4.0), ("worker ×2", 2.3), ("command", 0.5)))
    project = _run(
        (("tesseract ×12", 4.0), ("command", 3.4), ("worker ×2", 2.2), ("fork server", 0.4))
    )

    line = budget_line({"floor": floor, "project": project}, bar=0.85)

    assert "may spend 8.0 s" in line  # 6.8 / 0.85
    assert "the rest of its tree spent 6.6 s" in line
    assert "leaves the polling process 1.4 s" in line
    assert "it spent 3.4 s" in line


def test_two_polling_processes_are_counted_together() -> None:
    floor = _run((("worker ×2", 8.5),))
    project = _run((("command ×2", 3.0), ("worker ×2", 6.0)))

    line = budget_line({"floor": floor, "project": project}, bar=0.85)

    assert "it spent 3.0 s" in line
    assert "leaves the polling process 4.0 s" in line
