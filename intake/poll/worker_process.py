"""What runs inside a document worker: its set-up, one reading, and retiring once grown.

A worker imports this module when it starts (the pool's initializer and task live here), so it
imports only what a worker needs: no config, no database layer. The fork server imports it
before forking, and every worker shares it.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType

from intake.poll.heap import limit_heap_arenas, release_free_memory, resident_bytes
from parsers.documents.model import Extraction, ExtractionLimits
from parsers.documents.ocr_slots import Slot

MIB = 1024 * 1024
#: The exit code of a worker that retires; the document it was handed is scheduled again.
RETIRED_EXIT = 75
#: Stack of the threads that read a scan's pages at once (they only wait for Tesseract): small,
#: since the worker's whole address space counts against its memory cap.
THREAD_STACK_BYTES = 2 * MIB
# Set in a worker process once it has grown too large: its next document finds it retiring.
_retiring = False

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


def read_in_worker(
    reader: Reader,
    payload: bytes,
    filename: str,
    limits: ExtractionLimits,
    retire_bytes: int,
    slot_wait_seconds: float,
) -> WorkerResult:
    """One document read on this worker's OCR slot; past ``retire_bytes`` afterwards, the
    worker retires before its next document."""
    global _retiring
    if _retiring:
        os._exit(RETIRED_EXIT)  # before reading: the pool hands this document to a new worker
    own = _own_slot(limits, slot_wait_seconds)
    try:
        extraction = reader(payload, filename, limits)
    finally:
        if own is not None:
            own.release()
    release_free_memory()
    _retiring = resident_bytes() > retire_bytes
    return WorkerResult(extraction, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _own_slot(limits: ExtractionLimits, wait_seconds: float) -> Slot | None:
    """This worker's OCR slot while it reads, so that other workers' scans borrow only idle
    workers' cores. Past ``wait_seconds`` (a page borrowed it and runs long) it reads without."""
    if limits.ocr_slots is None:
        return None
    try:
        return limits.ocr_slots.wait_for(time.monotonic() + wait_seconds)
    except OSError:
        return None  # the slots' directory is unusable: the reading goes on without


def ready() -> None:
    """A task that does nothing: it makes the pool start its workers."""


def prepare_worker(limit_bytes: int) -> None:
    """Worker initializer: the kernel refuses allocations past the cap (inherited by OCR)."""
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))
    # Threads read a scan's pages at once: without these, each would reserve an 8 MiB stack and
    # a 64 MiB heap arena of address space under the cap.
    threading.stack_size(THREAD_STACK_BYTES)
    limit_heap_arenas(1)
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
