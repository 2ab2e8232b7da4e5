"""The worker pool that reads attachments: a worker over its time or memory cap is killed, and
one that has grown retires before its next document."""

from __future__ import annotations

import logging
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace

from pebble import ProcessExpired, ProcessPool

from intake.config.settings import Config
from intake.poll.extraction import PendingExtraction, extraction_limits, failed, ocr_problem
from intake.poll.fork_server import fork_server_context
from intake.poll.worker_process import (
    MIB,
    RETIRED_EXIT,
    Reader,
    WorkerResult,
    prepare_worker,
    read_attachment,
    read_in_worker,
    ready,
)
from parsers.documents.model import Extraction, ExtractionLimits
from parsers.documents.ocr_slots import SlotDirectory

log = logging.getLogger(__name__)
# A worker is replaced after this many documents, so that memory a reader keeps cannot grow.
TASKS_PER_WORKER = 200
#: ...and sooner when its resident size stays above this share of its memory cap after a
#: document (the heap released): it exits before the next one, which a new worker reads.
RETIRE_SHARE = 0.5
#: A worker waits at most this share of its time cap for its OCR slot (borrowed by another
#: worker's page): OCR stops on its own at four fifths of the cap, and the wait takes half of
#: the fifth left.
SLOT_WAIT_SHARE = 0.1


@dataclass
class _Scheduled:
    """A task in the worker pool; its outcome becomes an Extraction whatever happened."""

    future: Future[WorkerResult]
    pool: WorkerPoolExtractor
    payload: bytes
    filename: str

    def result(self) -> Extraction:
        seconds, memory_mib = self.pool.seconds, self.pool.memory_mib
        try:
            outcome = self._outcome()
        except FutureTimeout:
            log.warning("%s: worker stopped after %s s", self.filename, seconds)
            return failed(f"reading took longer than {seconds} s (extraction_seconds); stopped")
        except MemoryError:
            return failed(f"reading needed more than {memory_mib} MiB (extraction_memory_mib)")
        except ProcessExpired as exc:
            log.warning("%s: worker died with exit code %s", self.filename, exc.exitcode)
            return failed(
                f"the worker reading it died (exit code {exc.exitcode}); most likely it crossed "
                f"the {memory_mib} MiB memory cap (extraction_memory_mib)"
            )
        except CancelledError:
            return failed("reading was cancelled")
        except Exception as exc:
            return failed(f"{type(exc).__name__}: {exc}")
        self.pool.peak_worker_rss_kib = max(self.pool.peak_worker_rss_kib, outcome.peak_rss_kib)
        return outcome.extraction

    def cancel(self) -> None:
        self.future.cancel()

    def _outcome(self) -> WorkerResult:
        """The worker's result; a document handed to a worker that retired goes to another."""
        try:
            return self.future.result()
        except ProcessExpired as exc:
            if exc.exitcode != RETIRED_EXIT:
                raise
        log.info("%s: its worker retired (grown over its memory share); read again", self.filename)
        self.future = self.pool.schedule(self.payload, self.filename)
        return self.future.result()


class WorkerPoolExtractor:
    """A pool of worker processes; a worker over its time cap is killed and replaced."""

    def __init__(
        self,
        limits: ExtractionLimits,
        workers: int,
        seconds: int,
        memory_mib: int,
        reader: Reader = read_attachment,
        tasks_per_worker: int = TASKS_PER_WORKER,
        retire_share: float = RETIRE_SHARE,
        slots_parent: str | None = None,
    ) -> None:
        self.seconds = seconds
        self.memory_mib = memory_mib
        self.peak_worker_rss_kib = 0
        self._limits = limits
        self._reader = reader
        self._workers = workers
        self._tasks_per_worker = tasks_per_worker
        self._retire_share = retire_share
        self._pool: ProcessPool | None = None
        self._slots_parent = slots_parent  # where the OCR slots' directory is made (temp)
        self._slots: SlotDirectory | None = None

    def submit(self, payload: bytes, filename: str) -> PendingExtraction:
        return _Scheduled(self.schedule(payload, filename), self, payload, filename)

    def schedule(self, payload: bytes, filename: str) -> Future[WorkerResult]:
        """One document handed to the pool."""
        retire_bytes = int(self.memory_mib * MIB * self._retire_share)
        pool = self._started_pool()
        slots = self._slots.slots if self._slots is not None else None
        limits = replace(self._limits, ocr_slots=slots)
        slot_wait = self.seconds * SLOT_WAIT_SHARE
        return pool.schedule(
            read_in_worker,
            args=(self._reader, payload, filename, limits, retire_bytes, slot_wait),
            timeout=self.seconds,
        )

    def start(self) -> None:
        """Start the workers now, in the background: the daemon's first message must not wait
        for the readers to be imported."""
        self._started_pool().schedule(ready)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            self._pool.join()
            self._pool = None
        if self._slots is not None:
            self._slots.remove()
            self._slots = None

    def _share_ocr_slots(self) -> None:
        """Give the workers one OCR slot each, shared: the pages of a scan are then read on
        the cores of idle workers too, never on a busy one's (``parsers.documents.ocr_slots``)."""
        if self._workers < 2:
            return
        try:
            self._slots = SlotDirectory.made(self._slots_parent, self._workers)
        except OSError as exc:
            log.warning("scans are read one page at a time: no directory for OCR slots: %s", exc)

    def _started_pool(self) -> ProcessPool:
        """The pool, started on first use: a poll with nothing new starts no process."""
        if self._pool is None:
            self._share_ocr_slots()
            self._pool = ProcessPool(
                max_workers=self._workers,
                max_tasks=self._tasks_per_worker,
                initializer=prepare_worker,
                initargs=(self.memory_mib * MIB,),
                context=fork_server_context(),
            )
        return self._pool


def pool_settings(config: Config) -> tuple[object, ...]:
    """What the worker pool is built from: a reload rebuilds the pool only when this differs."""
    limits = config.limits
    return (
        extraction_limits(config),
        config.extraction.worker_count,
        limits.extraction_seconds,
        limits.extraction_memory_mib,
    )


def pooled_extractor(config: Config) -> WorkerPoolExtractor:
    """The daemon's extractor, with the caps and worker count the config asks for."""
    problem = ocr_problem(config)
    if problem is not None:
        log.warning("OCR will not work, scanned documents are stored as no_text: %s", problem)
    return WorkerPoolExtractor(
        extraction_limits(config),
        workers=config.extraction.worker_count,
        seconds=config.limits.extraction_seconds,
        memory_mib=config.limits.extraction_memory_mib,
    )
