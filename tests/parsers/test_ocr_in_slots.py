"""The pages of one scan read at once while shared OCR slots are free, never more at once.

Tesseract is the real one, started through a wrapper on PATH that writes down when each run
starts and ends, so the tests see which runs overlapped.
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
from parsers.documents.ocr_slots import OcrSlots, Slot
from tests.documents import require_tesseract, scanned_pdf_bytes

PAGES = [f"Page {number} of the curriculum vitae" for number in ("one", "two", "three", "four")]
WRAPPER = """#!/bin/sh
case "$1" in --*) exec {real} "$@";; esac
echo "start $$ $(date +%s.%N)" >> {log}
{real} "$@"
status=$?
echo "end $$ $(date +%s.%N)" >> {log}
exit $status
"""

Runs = list[tuple[float, float]]


@pytest.fixture
def tesseract_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A log of every Tesseract run (start and end times), written by a wrapper on PATH."""
    require_tesseract()
    real = shutil.which("tesseract")
    log = tmp_path / "runs.log"
    wrapper = tmp_path / "bin" / "tesseract"
    wrapper.parent.mkdir()
    wrapper.write_text(WRAPPER.format(real=real, log=log))
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{wrapper.parent}:{os.environ['PATH']}")
    yield log


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


def test_pages_of_one_scan_are_read_at_once_while_two_slots_are_free(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(slots_directory, 2)
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert (result.status, result.pages) == (DocumentStatus.OCR, 4)
    assert_every_page_in_order(result.text)
    runs = runs_in(tesseract_runs)
    assert len(runs) == 4
    assert overlapping(runs)


def test_pages_are_read_one_at_a_time_while_the_other_slot_is_held_elsewhere(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(slots_directory, 2)
    held = slots.take()  # another worker's Tesseract
    assert held is not None
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert_every_page_in_order(result.text)
    runs = runs_in(tesseract_runs)
    assert len(runs) == 4
    assert not overlapping(runs)


def test_no_tesseract_runs_while_every_slot_is_held_and_the_document_says_why(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(slots_directory, 2)
    held: list[Slot | None] = [slots.take(), slots.take()]
    assert None not in held
    result = extract(scanned_pdf_bytes(PAGES[:2]), "scan.pdf", limits_with(slots, ocr_seconds=1))
    assert (result.status, result.pages) == (DocumentStatus.NO_TEXT, 2)
    assert result.problem is not None and "ocr_seconds=1" in result.problem
    assert runs_in(tesseract_runs) == []


def test_scan_is_read_one_page_at_a_time_when_the_slots_directory_is_gone(
    tesseract_runs: Path, slots_directory: str
) -> None:
    slots = OcrSlots(str(Path(slots_directory) / "removed"), 2)
    result = extract(scanned_pdf_bytes(PAGES), "scan.pdf", limits_with(slots))
    assert_every_page_in_order(result.text)
    assert not overlapping(runs_in(tesseract_runs))
