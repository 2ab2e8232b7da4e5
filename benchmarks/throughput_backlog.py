"""The throughput benchmark's backlog: applications with text PDFs, DOCX letters, scans and
hostile files, written once as a Maildir and copied for each run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from tests import candidate_files, messages
from tests.documents import (
    billion_laughs_odt_bytes,
    docx_bytes,
    docx_zip_bomb_bytes,
    entity_docx_bytes,
    looping_pdf_bytes,
    lying_size_docx_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
)

DELIVERED = 1_760_000_000
SCAN_EVERY = 10  # one scanned CV in ten
HOSTILE_EVERY = 15  # a hostile file instead of the letter in one message in fifteen
HOSTILE: list[tuple[str, Callable[[], bytes]]] = [
    ("letter.docx", docx_zip_bomb_bytes),
    ("cv.pdf", looping_pdf_bytes),
    ("letter.odt", billion_laughs_odt_bytes),
    ("letter.docx", lambda: lying_size_docx_bytes()),
    ("letter.docx", lambda: entity_docx_bytes(laughs=True)),
]
Attachment = tuple[str, str, bytes]


def attachments(index: int) -> tuple[Attachment, ...]:
    """Message ``index``'s CV and letter (each a little different, so none is a duplicate)."""
    cv_pages = [f"{candidate_files.CV_TEXT}\nCandidate number {index}", "References on request."]
    if index % SCAN_EVERY == SCAN_EVERY - 1:
        cv: Attachment = ("scan0001.pdf", "application/pdf", scanned_pdf_bytes(cv_pages))
    else:
        cv = (f"CV {index}.pdf", "application/pdf", pdf_bytes(cv_pages))
    if index % HOSTILE_EVERY == HOSTILE_EVERY - 1:
        name, build = HOSTILE[(index // HOSTILE_EVERY) % len(HOSTILE)]
        return cv, (name, "application/octet-stream", build())
    letter = docx_bytes([*candidate_files.LETTER_PARAGRAPHS, f"Reference {index}"])
    return cv, (f"Letter {index}.docx", "application/octet-stream", letter)


def write_backlog(maildir: Path, count: int) -> int:
    """``count`` applications, each from its own sender, in ``maildir``/new; returns bytes.

    Written by one process per core (a text PDF with its embedded font takes about 0.2 s to
    build): the same files in any case, each message depends on its index alone.
    """
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    workers = min(os.cpu_count() or 1, max(1, count // 50))
    if workers == 1:
        return _write_messages(maildir, range(count))
    slices = [range(start, count, workers) for start in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(partial(_write_messages, maildir), slices))


def _write_messages(maildir: Path, indexes: range) -> int:
    """The messages of these indexes, written; their bytes."""
    written = 0
    for index in indexes:
        raw = messages.application(
            sender=f"Candidate {index} <candidate.{index}@example.com>",
            subject=f"Application – Deputy Director, Implementation Support – Candidate {index}",
            attachments=attachments(index),
            message_id=f"<backlog-{index}@example.com>",
        )
        (maildir / "new" / f"{DELIVERED + index}.B{index}.backlog").write_bytes(raw)
        written += len(raw)
    return written


def fresh_copy(template: Path, target: Path) -> Path:
    """A copy of the backlog for one run (a poll moves and marks the messages)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


def backlog_in(work: Path, kept: Path | None, count: int) -> None:
    """The backlog at ``work``/backlog: written there, or in ``kept`` unless it holds it (a
    ``kept`` folder holding anything else is left alone and stops the benchmark)."""
    target = kept or work / "backlog"
    written = target / "new"
    if written.is_dir() and len(list(written.iterdir())) == count:
        print(f"backlog: {count} messages, reused from {target}")
    else:
        if target.exists() and any(target.iterdir()):
            raise SystemExit(f"--backlog: {target} holds something else than {count} messages")
        size = write_backlog(target, count)
        print(f"backlog: {count} messages, {size / 1024 / 1024:.1f} MiB, written to {target}")
    if kept is not None:
        (work / "backlog").symlink_to(kept.resolve())
