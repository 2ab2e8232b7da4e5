"""A document reader that misbehaves on request, run by real worker processes in the pool tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits

HOARD_BYTES = 2 * 1024**3
MIB = 1024 * 1024
_kept: list[bytes] = []  # what ``keep:N`` holds on to, as a leaking reader would


def scripted_reader(payload: bytes, filename: str, limits: ExtractionLimits) -> Extraction:
    """``sleep`` never ends in time, ``hoard`` asks for 2 GiB, ``die`` kills the worker,
    ``child:PATH`` starts a long child process and writes its pid to PATH, ``pid`` reads as
    the worker's process id, ``ppid`` as its parent's, ``keep:N`` keeps N MiB for good and
    reads as the process id, ``free-slots`` as the number of OCR slots free while it reads,
    ``modules`` as the names of the modules the worker has imported; anything else is read as
    UTF-8 text."""
    if payload == b"sleep":
        time.sleep(120)
    elif payload == b"hoard":
        hoard = bytearray(HOARD_BYTES)  # as a decompression bomb would
        return Extraction(DocumentStatus.OK, "text", str(len(hoard)))
    elif payload == b"die":
        os._exit(70)  # as a crashing C library would
    elif payload == b"pid":
        return Extraction(DocumentStatus.OK, "text", str(os.getpid()))
    elif payload == b"ppid":
        return Extraction(DocumentStatus.OK, "text", str(os.getppid()))
    elif payload.startswith(b"keep:"):
        _kept.append(b"\x01" * (int(payload[len(b"keep:") :]) * MIB))  # written: resident
        return Extraction(DocumentStatus.OK, "text", str(os.getpid()))
    elif payload == b"modules":
        return Extraction(DocumentStatus.OK, "text", " ".join(sorted(sys.modules)))
    elif payload == b"free-slots":
        return Extraction(DocumentStatus.OK, "text", str(_free_slots(limits)))
    elif payload.startswith(b"child:"):  # as OCR does: a child process, then a long wait
        child = subprocess.Popen(["sleep", "120"])
        Path(payload[len(b"child:") :].decode()).write_text(str(child.pid))
        child.wait()
    return Extraction(DocumentStatus.OK, "text", payload.decode("utf-8"))


def _free_slots(limits: ExtractionLimits) -> int:
    """How many of the pool's OCR slots could be taken now (each given back at once)."""
    assert limits.ocr_slots is not None
    taken = []
    while (slot := limits.ocr_slots.take()) is not None:
        taken.append(slot)
    for slot in taken:
        slot.release()
    return len(taken)
