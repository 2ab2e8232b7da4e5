"""The web console over a crawl: how long each page takes on a holdout-sized database.

``python3 -m benchmarks.web_crawl [--count 300] [--most 2000]``

Stores ``--count`` generated applications (benchmarks.hr_database) on SQLite, groups them
into candidates, signs an admin in through Starlette's TestClient (the whole app in this
process, no network) and follows every same-site link from /vacancies and /candidates, at
most ``--most`` pages: candidate pages, every list page and filter link, document downloads,
exports and the chart. Prints the number of pages, the status codes, the median, the 95th
percentile and the slowest pages. The bar (issue 19): no page slower than 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.hr_commands import LISTED
from benchmarks.hr_database import build
from intake.config.runtime import open_runtime
from intake.poll.grouping import group_by_id
from intake.web.server import warm_up
from storage.database import write_transaction
from storage.models import Application
from tests.configs import make_config
from tests.web_console import Visit, add_users, client_for, crawl, sign_in


def main() -> None:
    """Build, group, crawl, report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--most", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        url = f"sqlite:///{Path(work) / 'bench.db'}"
        config = make_config(Path(work), url)
        runtime = open_runtime(config, schema="upgrade")
        try:
            build(runtime.sessions, args.count, [(LISTED, args.count)])
            _group(runtime.sessions, args.count)
            add_users(runtime.sessions)
            warm_up()  # as intake web does before it listens
            client = client_for(config, runtime.sessions)
            sign_in(client, "ada")
            seen = crawl(client, ("/vacancies", "/candidates"), args.most)
        finally:
            runtime.close()
    report(seen)


def _group(sessions: sessionmaker[Session], count: int) -> None:
    with sessions() as session:
        ids = list(session.scalars(select(Application.id).order_by(Application.received_at)))
    for application_id in ids[:count]:
        with write_transaction(sessions) as session:
            group_by_id(session, application_id)


def report(seen: dict[str, Visit]) -> None:
    """The figures docs/benchmarks.md quotes."""
    times = sorted(visit.seconds for visit in seen.values())
    codes = Counter(visit.status for visit in seen.values())
    print(f"{len(seen)} pages; status codes {dict(sorted(codes.items()))}")
    median, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    print(f"median {median * 1000:.0f} ms, 95th percentile {p95 * 1000:.0f} ms")
    kinds: dict[str, list[float]] = {}
    for path, visit in seen.items():
        kinds.setdefault(_kind(path), []).append(visit.seconds)
    for kind, spent in sorted(kinds.items()):
        print(f"  {kind}: {len(spent)} pages, slowest {max(spent) * 1000:.0f} ms")


def _kind(path: str) -> str:
    """The route a path is of: ``/candidates/N``, ``/documents/N``, ``/candidates?…``."""
    head = path.split("?")[0]
    parts = ["N" if part.isdigit() else part for part in head.split("/")]
    return "/".join(parts) + ("?…" if "?" in path else "")


if __name__ == "__main__":
    main()
