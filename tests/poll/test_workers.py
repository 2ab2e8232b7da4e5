"""The worker pool: a document over its time or memory cap fails alone, the pool goes on."""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.poll.fork_server import PRELOAD, READERS, start_fork_server
from intake.poll.workers import WorkerPoolExtractor
from parsers.documents.model import DocumentStatus, ExtractionLimits
from tests.documents import require_tesseract, scanned_pdf_bytes
from tests.readers import scripted_reader

MEMORY_CAP_MIB = 384


@pytest.fixture
def pool() -> Iterator[WorkerPoolExtractor]:
    extractor = WorkerPoolExtractor(
        ExtractionLimits(), workers=2, seconds=2, memory_mib=MEMORY_CAP_MIB, reader=scripted_reader
    )
    yield extractor
    extractor.close()


def test_document_over_the_time_cap_fails_and_the_next_one_is_read(
    pool: WorkerPoolExtractor,
) -> None:
    slow = pool.submit(b"sleep", "slow.pdf")
    after = pool.submit(b"plain words", "after.txt")
    extraction = slow.result()
    assert extraction.status is DocumentStatus.FAILED
    assert extraction.problem is not None and "longer than 2 s" in extraction.problem
    assert after.result().text == "plain words"


def test_document_over_the_memory_cap_fails_and_the_next_one_is_read(
    pool: WorkerPoolExtractor,
) -> None:
    extraction = pool.submit(b"hoard", "bomb.docx").result()
    assert extraction.status is DocumentStatus.FAILED
    assert extraction.problem is not None and f"{MEMORY_CAP_MIB} MiB" in extraction.problem
    assert pool.submit(b"still here", "next.txt").result().text == "still here"


def test_worker_that_dies_gives_failed_and_is_replaced(pool: WorkerPoolExtractor) -> None:
    extraction = pool.submit(b"die", "crash.pdf").result()
    assert extraction.status is DocumentStatus.FAILED
    assert extraction.problem is not None and "died (exit code 70)" in extraction.problem
    assert pool.submit(b"replaced", "next.txt").result().text == "replaced"


def test_peak_worker_memory_is_reported_and_stays_under_the_cap(
    pool: WorkerPoolExtractor,
) -> None:
    pool.submit(b"hoard", "bomb.docx").result()
    assert pool.submit(b"measured", "cv.txt").result().status is DocumentStatus.OK
    assert 0 < pool.peak_worker_rss_kib < MEMORY_CAP_MIB * 1024


def test_cancelled_extraction_is_a_failed_one(pool: WorkerPoolExtractor) -> None:
    first = pool.submit(b"sleep", "a.pdf")
    second = pool.submit(b"sleep", "b.pdf")
    waiting = pool.submit(b"never read", "c.txt")
    waiting.cancel()
    assert waiting.result().status is DocumentStatus.FAILED
    first.cancel()
    second.cancel()


def test_worker_stopped_at_the_time_cap_takes_its_child_process_with_it(
    pool: WorkerPoolExtractor, tmp_path: Path
) -> None:
    pid_file = tmp_path / "child.pid"
    extraction = pool.submit(f"child:{pid_file}".encode(), "scan.pdf").result()
    assert extraction.status is DocumentStatus.FAILED
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while child_is_running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not child_is_running(child)


def child_is_running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting for its reaper counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_workers_replaced_after_their_task_count_still_read_every_document() -> None:
    recycled = WorkerPoolExtractor(
        ExtractionLimits(), workers=2, seconds=10, memory_mib=MEMORY_CAP_MIB,
        reader=scripted_reader, tasks_per_worker=2,
    )  # fmt: skip
    try:
        pending = [recycled.submit(b"pid", f"doc{index}.txt") for index in range(10)]
        read = [document.result() for document in pending]
    finally:
        recycled.close()
    assert [extraction.status for extraction in read] == [DocumentStatus.OK] * 10
    # Ten documents, two per worker: at least five workers took part, none kept them all.
    assert len({extraction.text for extraction in read}) >= 5


def test_worker_grown_over_its_memory_share_retires_and_a_new_one_reads_the_next_document() -> None:
    single = WorkerPoolExtractor(
        ExtractionLimits(), workers=1, seconds=10, memory_mib=1024,
        reader=scripted_reader, retire_share=0.15,
    )  # fmt: skip
    try:
        first = single.submit(b"pid", "a.txt").result()
        grown = single.submit(b"keep:200", "leaky.pdf").result()
        after = [single.submit(b"pid", f"doc{index}.txt").result() for index in range(3)]
    finally:
        single.close()
    assert (first.status, grown.status) == (DocumentStatus.OK, DocumentStatus.OK)
    assert grown.text == first.text  # the same worker read both, then was over 154 MiB
    assert [extraction.status for extraction in after] == [DocumentStatus.OK] * 3
    assert {extraction.text for extraction in after} != {first.text}
    assert len({extraction.text for extraction in after}) == 1  # the new worker stays


def test_worker_under_its_memory_share_keeps_reading() -> None:
    single = WorkerPoolExtractor(
        ExtractionLimits(), workers=1, seconds=10, memory_mib=1024, reader=scripted_reader
    )
    try:
        read = [single.submit(b"pid", f"doc{index}.txt").result() for index in range(4)]
    finally:
        single.close()
    assert len({extraction.text for extraction in read}) == 1


def fork_server_children() -> list[int]:
    """This process's children that are a fork server preloading the readers."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError):
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and "multiprocessing.forkserver" in command and READERS in command:
            found.append(int(entry.name))
    return found


def test_the_fork_server_runs_before_any_pool_and_workers_fork_from_it() -> None:
    start_fork_server()  # as ``intake poll`` does before its own imports
    servers = fork_server_children()
    extractor = WorkerPoolExtractor(
        ExtractionLimits(), workers=1, seconds=30, memory_mib=MEMORY_CAP_MIB, reader=scripted_reader
    )
    try:
        parent = extractor.submit(b"ppid", "cv.txt").result().text
    finally:
        extractor.close()
    assert len(servers) == 1
    assert parent == str(servers[0])


def test_a_worker_imports_neither_the_config_nor_the_database_layer(
    pool: WorkerPoolExtractor,
) -> None:
    # Each worker imported them privately when it started (the pool's initializer and task
    # lived beside the pool, which needs the config): 15 MiB and 0.3 s of CPU a worker.
    modules = set(pool.submit(b"modules", "cv.txt").result().text.split())
    assert "intake.poll.worker_process" in modules
    assert not {"sqlalchemy", "intake.config.settings", "storage"} & modules


def test_every_module_the_fork_server_preloads_exists() -> None:
    # The fork server skips a preload it cannot import without a word; each worker would then
    # import it on its own.
    for name in PRELOAD:
        importlib.import_module(name)


def test_scan_read_by_two_workers_sharing_ocr_slots_keeps_its_pages_and_slots_end_with_pool(
    tmp_path: Path,
) -> None:
    require_tesseract()
    pages = ["First page of the scan", "Second page of the scan", "Third page of the scan"]
    extractor = WorkerPoolExtractor(
        ExtractionLimits(), workers=2, seconds=60, memory_mib=MEMORY_CAP_MIB,
        slots_parent=str(tmp_path),
    )  # fmt: skip
    try:
        extraction = extractor.submit(scanned_pdf_bytes(pages), "scan.pdf").result()
        during = list(tmp_path.iterdir())
    finally:
        extractor.close()
    assert (extraction.status, extraction.pages) == (DocumentStatus.OCR, 3)
    positions = [extraction.text.find(page) for page in pages]
    assert -1 not in positions and positions == sorted(positions)
    assert len(during) == 1 and during[0].name.startswith("intake-ocr-slots-")
    assert list(tmp_path.iterdir()) == []


def scripted_pool(workers: int, slots_parent: str) -> WorkerPoolExtractor:
    """A pool of the scripted reader whose OCR slots' directory is made in ``slots_parent``."""
    return WorkerPoolExtractor(
        ExtractionLimits(), workers=workers, seconds=10, memory_mib=MEMORY_CAP_MIB,
        reader=scripted_reader, slots_parent=slots_parent,
    )  # fmt: skip


def test_a_worker_holds_its_ocr_slot_while_it_reads_and_the_idle_one_is_free(
    tmp_path: Path,
) -> None:
    extractor = scripted_pool(3, str(tmp_path))
    try:
        free = extractor.submit(b"free-slots", "a.txt").result().text
    finally:
        extractor.close()
    assert free == "2"  # three workers, one reading


def test_pool_started_again_after_close_shares_new_slots(tmp_path: Path) -> None:
    extractor = scripted_pool(2, str(tmp_path))
    try:
        assert extractor.submit(b"first", "a.txt").result().text == "first"
        first = list(tmp_path.iterdir())
        extractor.close()
        assert extractor.submit(b"again", "b.txt").result().text == "again"
        again = list(tmp_path.iterdir())
    finally:
        extractor.close()
    assert len(first) == 1 and len(again) == 1 and first != again


def test_a_single_worker_shares_no_ocr_slots(tmp_path: Path) -> None:
    single = scripted_pool(1, str(tmp_path))
    try:
        assert single.submit(b"read", "a.txt").result().text == "read"
        assert list(tmp_path.iterdir()) == []
    finally:
        single.close()


def test_pool_still_reads_when_no_directory_for_ocr_slots_can_be_made(tmp_path: Path) -> None:
    extractor = scripted_pool(2, str(tmp_path / "missing"))
    try:
        assert extractor.submit(b"still read", "a.txt").result().text == "still read"
    finally:
        extractor.close()
