"""Grouping applications into candidates: the cost per application as the database grows.

``python3 -m benchmarks.candidate_grouping --count 5000``

Stores ``--count`` generated applications (benchmarks.hr_database: real multipart messages,
two documents with about 5 kB of text each, one in 250 a resubmission from the same address)
without grouping them, then groups them in receipt order, one transaction per application as
the pipeline does, and prints the median time per application for each block of 500: it
should not grow with the number already grouped (a few index lookups, not a scan).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.hr_commands import LISTED
from benchmarks.hr_database import build
from intake.config.runtime import open_runtime
from intake.poll.grouping import group_by_id
from storage.candidate_models import Candidate
from storage.database import write_transaction
from storage.models import Application
from tests.configs import make_config

BLOCK = 500


def main() -> None:
    """Build, group, report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as work:
        url = f"sqlite:///{Path(work) / 'bench.db'}"
        runtime = open_runtime(make_config(Path(work), url), schema="upgrade")
        try:
            build(runtime.sessions, count, [(LISTED, count)])
            with runtime.sessions() as session:
                query = select(Application.id).order_by(Application.received_at, Application.id)
                ids = list(session.scalars(query))
            timings: list[float] = []
            for application_id in ids:
                started = time.perf_counter()
                with write_transaction(runtime.sessions) as session:
                    group_by_id(session, application_id)
                timings.append(time.perf_counter() - started)
            with runtime.sessions() as session:
                candidates = session.scalar(select(func.count(Candidate.id)))
        finally:
            runtime.close()
    print(f"{count} applications grouped into {candidates} candidates")
    for start in range(0, count, BLOCK):
        block = timings[start : start + BLOCK]
        median = statistics.median(block) * 1000
        print(f"  applications {start + 1}-{start + len(block)}: median {median:.1f} ms each")


if __name__ == "__main__":
    main()
