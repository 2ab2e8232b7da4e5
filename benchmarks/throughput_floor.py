"""The throughput benchmark's floor: the same reading with plain processes, nothing else.

Each process parses a message with the standard email package and reads every attachment
with ``parsers.documents.extract`` (PDF text, DOCX, OCR of scans); no database, no mailbox,
no classification. Run by ``benchmarks.throughput`` as its own process:
    python3 -m benchmarks.throughput_floor MAILDIR --workers 2
"""

from __future__ import annotations

import argparse
import email
import email.policy
import multiprocessing
import os
from collections import Counter
from pathlib import Path

from parsers.documents.extract import extract
from parsers.documents.model import ExtractionLimits

LIMITS = ExtractionLimits(ocr_seconds=24)  # as the project's default extraction_seconds give


def _single_thread_ocr() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def read_message(path: Path) -> list[str]:
    """Every attachment of one message read; their statuses."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    statuses = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True)
        payload = payload if isinstance(payload, bytes) else b""
        statuses.append(str(extract(payload, part.get_filename() or "", LIMITS).status))
    return statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("maildir", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    paths = sorted((args.maildir / "new").iterdir())
    statuses: Counter[str] = Counter()
    context = multiprocessing.get_context("fork")
    with context.Pool(args.workers, initializer=_single_thread_ocr) as pool:
        for read in pool.imap(read_message, paths):
            statuses.update(read)
    print(f"{len(paths)} messages; " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))


if __name__ == "__main__":
    main()
