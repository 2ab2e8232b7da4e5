"""Wall time of one scanned PDF read by OCR: one page at a time, or pages at once in shared slots.

Run from the repository root:
    python3 -m benchmarks.ocr_pages [--pages 6] [--repeat 3]

The scan (``--pages`` pictures of typed text, no text layer) is read by
``parsers.documents.extract`` in this process, three ways, taking turns in each round:

- ``one at a time``: no OCR slots (a single worker, or the floor of ``benchmarks.throughput``);
- ``2 workers, other idle``: the slots of a pool of two workers, this process holding its own
  (as a reading worker does) and the other free (a candidate's scan arriving at a quiet
  mailbox);
- ``2 workers, other busy``: the same while the other worker holds its slot too.

Wall time is what the candidate waits for; CPU is that of the Tesseract processes
(``RUSAGE_CHILDREN``), which the slots do not change.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from parsers.documents.extract import extract
from parsers.documents.model import DocumentStatus, ExtractionLimits
from parsers.documents.ocr_slots import OcrSlots, Slot
from tests.documents import scanned_pdf_bytes


class _Held(AbstractContextManager[None]):
    """``count`` slots taken for the duration: the reading worker's own, another's."""

    def __init__(self, slots: OcrSlots, count: int) -> None:
        self._slots = slots
        self._count = count
        self._taken: list[Slot] = []

    def __enter__(self) -> None:
        self._taken = [slot for _ in range(self._count) if (slot := self._slots.take())]

    def __exit__(self, *_exc: object) -> None:
        for slot in self._taken:
            slot.release()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _read(payload: bytes, limits: ExtractionLimits, lines: list[str]) -> tuple[float, float]:
    """Wall and Tesseract CPU seconds of one read; every page must be read, in order."""
    wall, cpu = time.perf_counter(), _children_cpu()
    extraction = extract(payload, "scan.pdf", limits)
    wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    positions = [extraction.text.lower().find(line.lower()) for line in lines]
    if (
        extraction.status is not DocumentStatus.OCR
        or positions != sorted(set(positions))
        or -1 in positions
    ):
        raise SystemExit(f"FAILED: {extraction.status}, {extraction.problem}, {positions}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = [f"Page {number} of a scanned curriculum vitae" for number in range(1, args.pages + 1)]
    payload = scanned_pdf_bytes(lines)
    with tempfile.TemporaryDirectory() as directory:
        slots = OcrSlots(directory, 2)
        limits = ExtractionLimits(ocr_seconds=600, ocr_slots=slots)
        ways: dict[str, tuple[ExtractionLimits, Callable[[], AbstractContextManager[None]]]] = {
            "one at a time": (ExtractionLimits(ocr_seconds=600), nullcontext),
            "2 workers, other idle": (limits, lambda: _Held(slots, 1)),
            "2 workers, other busy": (limits, lambda: _Held(slots, 2)),
        }
        spent: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
        for round_number in range(args.repeat):
            names = list(ways) if round_number % 2 == 0 else list(reversed(ways))
            for name in names:
                limits, around = ways[name]
                with around():
                    spent[name].append(_read(payload, limits, lines))
    print(f"one scanned PDF of {args.pages} pages, median of {args.repeat} rounds")
    for name, figures in spent.items():
        walls = [wall for wall, _ in figures]
        cpus = [cpu for _, cpu in figures]
        print(
            f"{name:20s} wall {statistics.median(walls):6.2f} s ({min(walls):.2f}-{max(walls):.2f})"
            f"   Tesseract CPU {statistics.median(cpus):6.2f} s"
        )


if __name__ == "__main__":
    main()
