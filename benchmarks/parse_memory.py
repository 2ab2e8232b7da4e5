"""Peak Python memory of parsing one large message: ``parsers.message.parse_message`` against
the stdlib's ``email.message_from_bytes`` on the same bytes.

Run from the repository root:
    python3 -m benchmarks.parse_memory [--megabytes 4.7]

The message is an application with a small CV and a "letter" of ``--megabytes`` MB of
incompressible bytes (base64 in the message: as large as the throughput backlog's largest
messages, 6.5 MB); the figure is tracemalloc's peak while parsing, and the memory the result
keeps.
"""

from __future__ import annotations

import argparse
import email
import tracemalloc
from collections.abc import Callable

from parsers.message import parse_message
from tests import messages
from tests.documents import pdf_bytes

MB = 1024 * 1024


def large_message(megabytes: float) -> bytes:
    """An application with a CV and an incompressible attachment of ``megabytes`` MB."""
    payload = bytes((index * 7919) % 251 for index in range(int(megabytes * MB)))
    return messages.application(
        attachments=(
            ("cv.pdf", "application/pdf", pdf_bytes(["A CV"])),
            ("letter.docx", "application/octet-stream", payload),
        )
    )


def peak(parse: Callable[[bytes], object], raw: bytes) -> tuple[float, float]:
    """(peak, kept) MiB of Python memory while parsing ``raw``."""
    tracemalloc.start()
    result = parse(raw)
    kept, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return top / MB, kept / MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=4.7)
    args = parser.parse_args()
    raw = large_message(args.megabytes)
    print(f"message: {len(raw) / 1e6:.1f} MB")
    for name, parse in (
        ("email.message_from_bytes", email.message_from_bytes),
        ("parsers.message.parse_message", parse_message),
    ):
        top, kept = peak(parse, raw)
        print(f"{name:32s} peak {top:5.1f} MiB, result keeps {kept:4.1f} MiB")


if __name__ == "__main__":
    main()
