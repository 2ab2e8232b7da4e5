"""OCR slots shared by processes: no more taken than there are, freed by release or death, and
a worker waiting for its own slot served before a scan borrows one."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from parsers.documents.ocr_slots import PREFIX, WAITING, OcrSlots, SlotDirectory

# A process that takes one slot, says so, and holds it until it is killed.
HOLDER = """
import sys, time
from parsers.documents.ocr_slots import WAITING, OcrSlots
slot = OcrSlots(sys.argv[1], int(sys.argv[2])).take()
print("taken" if slot is not None else "none", flush=True)
time.sleep(120)
"""
# A process that makes a slots' directory in a parent, prints its path, and lives until killed.
MAKER = """
import sys, time
from parsers.documents.ocr_slots import SlotDirectory
print(SlotDirectory.made(sys.argv[1], 2).slots.directory, flush=True)
time.sleep(120)
"""


def test_slots_are_taken_up_to_their_count_then_none(tmp_path: Path) -> None:
    slots = OcrSlots(str(tmp_path), 2)
    first, second = slots.take(), slots.take()
    assert first is not None and second is not None
    assert slots.take() is None


def test_a_released_slot_can_be_taken_again(tmp_path: Path) -> None:
    slots = OcrSlots(str(tmp_path), 1)
    slot = slots.take()
    assert slot is not None
    slot.release()
    slot.release()  # a second release is harmless
    assert slots.take() is not None


def test_waiting_for_a_slot_ends_with_none_when_none_is_given_back(tmp_path: Path) -> None:
    slots = OcrSlots(str(tmp_path), 1)
    held = slots.take()
    assert held is not None
    assert slots.wait_for(until=time.monotonic() + 0.2) is None


def test_waiting_for_a_slot_gets_the_one_given_back_meanwhile(tmp_path: Path) -> None:
    slots = OcrSlots(str(tmp_path), 1)
    held = slots.take()
    assert held is not None
    threading.Timer(0.2, held.release).start()
    assert slots.wait_for(until=time.monotonic() + 30) is not None


def test_a_free_slot_is_borrowed_when_nobody_waits(tmp_path: Path) -> None:
    slots = OcrSlots(str(tmp_path), 2)
    own = slots.take()
    assert own is not None
    assert slots.borrow() is not None
    assert slots.borrow() is None  # both taken


def test_nothing_is_borrowed_while_a_worker_waits_for_its_slot(tmp_path: Path) -> None:
    slots = OcrSlots(str(tmp_path), 2)
    waiter = os.open(tmp_path / WAITING, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(waiter, fcntl.LOCK_SH)  # as ``wait_for`` holds it while it waits
        assert slots.borrow() is None
        assert slots.take() is not None  # the waiter's own take is not held back
    finally:
        os.close(waiter)
    assert slots.borrow() is not None


def test_a_slot_held_by_another_process_is_taken_and_freed_when_that_process_is_killed(
    tmp_path: Path,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path), "1"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "taken"
        slots = OcrSlots(str(tmp_path), 1)
        assert slots.take() is None
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        assert slots.wait_for(until=time.monotonic() + 10) is not None
    finally:
        holder.kill()
        holder.wait(timeout=10)


def test_slots_in_a_missing_directory_raise_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        OcrSlots(str(tmp_path / "gone"), 2).take()


def started(script: str, *arguments: str) -> subprocess.Popen[str]:
    """``script`` run by another Python process, from the repository root."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def killed(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_a_slots_directory_left_by_a_killed_maker_is_removed_by_the_next_one(
    tmp_path: Path,
) -> None:
    maker = started(MAKER, str(tmp_path))
    try:
        assert maker.stdout is not None
        abandoned = Path(maker.stdout.readline().strip())
        assert abandoned.is_dir() and abandoned.name.startswith(PREFIX)
    finally:
        killed(maker)
    made = SlotDirectory.made(str(tmp_path), 2)
    try:
        assert not abandoned.exists()
        assert [path.name for path in tmp_path.iterdir()] == [Path(made.slots.directory).name]
    finally:
        made.remove()
    assert list(tmp_path.iterdir()) == []


def test_a_slots_directory_whose_maker_lives_is_kept_by_the_next_one(tmp_path: Path) -> None:
    maker = started(MAKER, str(tmp_path))
    try:
        assert maker.stdout is not None
        living = Path(maker.stdout.readline().strip())
        made = SlotDirectory.made(str(tmp_path), 2)
        made.remove()
        assert [path.name for path in tmp_path.iterdir()] == [living.name]
        assert sorted(path.name for path in living.iterdir()) == ["owner"]
    finally:
        killed(maker)


def test_a_slots_directory_without_an_owner_from_before_owners_is_removed(
    tmp_path: Path,
) -> None:
    old = tmp_path / f"{PREFIX}old"
    old.mkdir()
    (old / "slot-0").touch()
    SlotDirectory.made(str(tmp_path), 1).remove()
    assert list(tmp_path.iterdir()) == []


def test_other_folders_beside_slots_directories_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "intake-pg-data").mkdir()
    (tmp_path / f"{PREFIX}a-file").touch()
    SlotDirectory.made(str(tmp_path), 1).remove()
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"{PREFIX}a-file", "intake-pg-data"]


def test_a_link_named_like_a_slots_directory_is_neither_followed_nor_removed(
    tmp_path: Path,
) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / f"{PREFIX}planted").symlink_to(target)
    SlotDirectory.made(str(tmp_path), 1).remove()
    assert (tmp_path / f"{PREFIX}planted").is_symlink()
    assert list(target.iterdir()) == []


def test_an_owner_file_planted_as_a_link_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    planted = tmp_path / f"{PREFIX}planted"
    planted.mkdir()
    (planted / "owner").symlink_to(victim)
    SlotDirectory.made(str(tmp_path), 1).remove()
    # Followed, the link would have opened and locked the victim, and the directory would
    # have been swept as abandoned; not followed, the directory is left as it is.
    assert (planted / "owner").is_symlink()
    assert victim.read_text() == "untouched"
