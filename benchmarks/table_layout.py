"""What fitting a listing to the terminal costs: ``intake applications`` rows as a table.

Run from the repository root:
    python3 -m benchmarks.table_layout [--rows 1000,5000] [--repeat 5]
Lays out generated applications (long addresses, names half of them in Chinese characters or
with combining accents, three flags each) at 80 columns, the width of a pipe. Times are CPU
seconds of this process, median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from typing import Any

from intake.hr.views import APPLICATION_TABLE_COLUMNS
from intake.output import write_rows

NAMES = (
    "Maria FERNÁNDEZ RUIZ",
    "欧阳娜娜 司马相如",
    "Zoe\u0308 Nguye\u0302\u0303n",
    "Kwame MENSAH",
)


def rows(count: int) -> list[dict[str, Any]]:
    """``count`` applications as ``application_dicts`` yields them (the table's fields)."""
    return [
        {
            "id": number,
            "received_at": "2025-10-14T08:27:43Z",
            "sender": f"candidate.number.{number}@example.com",
            "candidate_name": NAMES[number % len(NAMES)],
            "vacancy": "WCO/2025/DD-IS",
            "flags": ["subject_invalid", "name_missing", "letter_missing"],
            "acknowledgement": "sent",
        }
        for number in range(count)
    ]


def seconds(listing: list[dict[str, Any]]) -> float:
    """CPU seconds to write ``listing`` as a table."""
    started = time.process_time()
    write_rows(listing, APPLICATION_TABLE_COLUMNS, "table", io.StringIO())
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="1000,5000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.pop("COLUMNS", None)  # the width of a pipe: 80
    print("| rows | table (median) | per 1,000 rows |")
    print("| ---: | ---: | ---: |")
    for count in (int(size) for size in args.rows.split(",")):
        listing = rows(count)
        median = statistics.median(seconds(listing) for _ in range(args.repeat))
        print(f"| {count} | {median:.2f} s | {median / count * 1000:.2f} s |")


if __name__ == "__main__":
    main()
