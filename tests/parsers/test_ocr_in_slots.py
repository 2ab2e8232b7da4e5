"""The pages of one scan read at once on slots borrowed from idle workers, never more at once.

The reader of the document holds one slot, as a worker does while it reads. Tesseract is the
real one, started through a wrapper on PATH that writes down when each run starts and ends, so
the tests see which runs overlapped.
"""

from __future__ import annotations

import itertools
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from parsers.documents.extract import extract
from parsers.documents.model import DocumentStatus, ExtractionLimits
from parsers.documents.ocr_slots import OcrSlots
from tests.documents import require_tesseract, scanned_pdf_bytes

PAGES = [f"Page {number} of the curriculum vitae" for number in ("one", "two", "three", "four")]
WRAPPER = """#!/bin/sh
case "$1" in --*) exec {real} "$@";; esac
echo "start $$ $(date +%s.%N)" >> {log}
{run} "$@"
status=$?
echo "end $$ $(date +%s.%N)" >> {log}
exit $status
"""
# What the wrapper runs instead of Tesseract to make it fail on every page.
FAILING = "fail() { echo 'Error: damaged page on purpose' >&2; sleep 1; return 1; }; fail"

Runs = list[tuple[float, float]]


def wrap_tesseract(directory: Path, monkeypatch: pytest.MonkeyPatch, run: str | None) -> Path:
    """Put the logging wrapper first on PATH; ``run`` replaces Tesseract when given."""
    require_tesseract()
    real = shutil.which("tesseract")
    log = directory / "runs.log"
    wrapper = directory / "bin" / "tesseract"
    wrapper.parent.mkdir()
    wrapper.write_text(WRAPPER.format(real=real, run=run or real, log=log))
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{wrapper.parent}:{os.environ['PATH']}")
    return log


@pytest.fixture
def tesseract_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A log of every Tesseract run (start and end times), written by a wrapper on PATH."""
    yield wrap_tesseract(tmp_path, monkeypatch, None)


@pytest.fixture
def failing_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The same wrapper, failing on every page instead of reading it."""
    yield wrap_tesseract(tmp_path, monkeypatch, FAILING)


def runs_in(log: Path) -> Runs:
    """(start, end) of each run in the log."""
    starts: dict[str, float] = {}
    runs: Runs = []
    for line in log.read_text().splitlines() if log.exists() else []:
        event, pid, moment = line.split()
        if event == "start":
            starts[pid] = float(moment)
        else:
            runs.append((starts.pop(pid), float(moment)))
    assert not starts, "a Tesseract run never ended"
    return sorted(runs)


def overlapping(runs: Runs) -> bool:
    """Whether any run started before the one before it had ended."""
    return any(later[0] < earlier[1] for earlier, later in itertools.pairwise(runs))


@pytest.fixture
def slots_directory(tmp_path: Path) -> str:
    directory = tmp_path / "slots"
    directory.mkdir()
    return str(directory)


def limits_with(slots: OcrSlots, ocr_seconds: int = 60) -> ExtractionLimits:
    return ExtractionLimits(ocr_seconds=ocr_seconds, ocr_slots=slots)


def assert_every_page_in_order(text: str) -> None:
    positions = [text.find(page) for page in PAGES]
    assert -1 not in positions, text
    assert positions == sorted(positions)


def test_pages_of_one_scan_are_read_at_once_while_the_other_slot_is_free(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(slots_directory, 2)
    own = slots.take()  # the reading worker's
    assert own is not None
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert (result.status, result.pages) == (DocumentStatus.OCR, 4)
    assert_every_page_in_order(result.text)
    runs = runs_in(tesseract_runs)
    assert len(runs) == 4
    assert overlapping(runs)


def test_pages_are_read_one_at_a_time_while_the_other_worker_holds_its_slot(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(slots_directory, 2)
    own, other = slots.take(), slots.take()
    assert own is not None and other is not None
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert_every_page_in_order(result.text)
    runs = runs_in(tesseract_runs)
    assert len(runs) == 4
    assert not overlapping(runs)


def test_tesseract_failing_on_pages_read_at_once_fails_the_document_and_frees_every_slot(
    failing_tesseract: Path, slots_directory: str
) -> None:
    slots = OcrSlots(slots_directory, 3)
    own = slots.take()
    assert own is not None
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert result.status is DocumentStatus.FAILED
    assert result.problem is not None and "damaged page on purpose" in result.problem
    assert len(runs_in(failing_tesseract)) >= 2  # pages were read at once before the failure
    own.release()
    assert None not in [slots.take() for _ in range(3)]


def test_scan_is_read_one_page_at_a_time_when_the_slots_directory_is_gone(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(str(Path(slots_directory) / "removed"), 2)
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert_every_page_in_order(result.text)
    assert not overlapping(runs_in(tesseract_runs))
