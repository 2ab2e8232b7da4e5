"""The worker pool that reads attachments: a worker over its time or memory cap is killed."""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from types import FrameType

from pebble import ProcessExpired, ProcessPool

from intake.config.settings import Config
from intake.poll.extraction import PendingExtraction, extraction_limits, failed, ocr_problem
from intake.poll.heap import release_free_memory
from parsers.documents.model import Extraction, ExtractionLimits

log = logging.getLogger(__name__)
MIB = 1024 * 1024
# A worker is replaced after this many documents, so that memory a reader keeps cannot grow.
TASKS_PER_WORKER = 200


@dataclass
class _Scheduled:
    """A task in the worker pool; its outcome becomes an Extraction whatever happened."""

    future: Future[WorkerResult]
    pool: WorkerPoolExtractor
    filename: str

    def result(self) -> Extraction:
        seconds, memory_mib = self.pool.seconds, self.pool.memory_mib
        try:
            outcome = self.future.result()
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


Reader = Callable[[bytes, str, ExtractionLimits], Extraction]


def read_attachment(payload: bytes, filename: str, limits: ExtractionLimits) -> Extraction:
    """The workers' reader: ``parsers.documents.extract``, imported in the worker only."""
    # The polling process hands attachments over and never reads one: importing the readers
    # (pdfminer, Pillow, pytesseract, python-docx...) there would cost it about 50 MiB.
    from parsers.documents.extract import extract

    return extract(payload, filename, limits)


@dataclass(frozen=True)
class WorkerResult:
    """What a worker sends back: the extraction and the worker's peak memory so far."""

    extraction: Extraction
    peak_rss_kib: int


def _read_in_worker(
    reader: Reader, payload: bytes, filename: str, limits: ExtractionLimits
) -> WorkerResult:
    extraction = reader(payload, filename, limits)
    release_free_memory()
    return WorkerResult(extraction, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _ready() -> None:
    """A task that does nothing: it makes the pool start its workers."""


def _prepare_worker(limit_bytes: int) -> None:
    """Worker initializer: the kernel refuses allocations past the cap (inherited by OCR)."""
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))
    # One thread per Tesseract: the pool already spreads work over the cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # The worker leads its own process group, so that stopping it (pebble sends SIGTERM at the
    # time cap) also stops the Tesseract it started, instead of leaving it running.
    os.setpgrp()
    signal.signal(signal.SIGTERM, _stop_with_children)


def _stop_with_children(_signum: int, _frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    os.killpg(0, signal.SIGTERM)
    os._exit(1)


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
    ) -> None:
        self.seconds = seconds
        self.memory_mib = memory_mib
        self.peak_worker_rss_kib = 0
        self._limits = limits
        self._reader = reader
        self._workers = workers
        self._tasks_per_worker = tasks_per_worker
        self._pool: ProcessPool | None = None

    def submit(self, payload: bytes, filename: str) -> PendingExtraction:
        future = self._started_pool().schedule(
            _read_in_worker,
            args=(self._reader, payload, filename, self._limits),
            timeout=self.seconds,
        )
        return _Scheduled(future, self, filename)

    def start(self) -> None:
        """Start the workers now, in the background: the daemon's first message must not wait
        for the readers to be imported."""
        self._started_pool().schedule(_ready)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            self._pool.join()
            self._pool = None

    def _started_pool(self) -> ProcessPool:
        """The pool, started on first use: a poll with nothing new starts no process."""
        if self._pool is None:
            # forkserver: workers start from a clean process, not a copy of a threaded daemon;
            # the server imports the readers once, so a replaced worker starts at once.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["parsers.documents.extract"])
            self._pool = ProcessPool(
                max_workers=self._workers,
                max_tasks=self._tasks_per_worker,
                initializer=_prepare_worker,
                initargs=(self.memory_mib * MIB,),
                context=context,
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
