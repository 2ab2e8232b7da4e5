"""Poll cost with nothing new, as the IMAP folder grows: bodies fetched and wall time.

Run from the repository root:
    python3 -m benchmarks.poll_nothing_new [--sizes 500,1000,2000,5000] [--repeat 5]
Starts a real Dovecot on 127.0.0.1 and a SQLite database in a temp dir.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config
from intake.mailbox.imap import ImapMailbox
from intake.poll.cycle import PollReport, poll_once
from intake.poll.progress import Progress
from tests import messages
from tests.configs import make_config
from tests.dovecot import DovecotServer, make_tls_files, running_dovecot

START = datetime(2025, 9, 1, tzinfo=UTC)


def fill(server: DovecotServer, start: int, stop: int) -> None:
    """Append applications ``start``..``stop-1`` over one connection."""
    with server.client() as client:
        for index in range(start, stop):
            raw = messages.application(
                sender=f"Candidate {index} <c{index}@example.com>",
                message_id=f"<bench-{index}@example.com>",
                attachments=(("cv.pdf", "application/pdf", b"%PDF-1.4 " + b"x" * 2000),),
            )
            client.append("INBOX", raw, msg_time=START + timedelta(seconds=index))


def timed_poll(runtime: Runtime) -> tuple[float, PollReport, ImapMailbox]:
    """One poll; its wall time in seconds, its report and the mailbox with its counters."""
    mailbox = ImapMailbox(runtime.config.mailbox)
    started = time.perf_counter()
    report = poll_once(runtime.config, runtime.sessions, mailbox, progress=Progress(live=False))
    elapsed = time.perf_counter() - started
    mailbox.close()
    if not report.ok:
        raise SystemExit(f"poll failed: {report.error}")
    return elapsed, report, mailbox


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        with running_dovecot(make_tls_files(root)) as server:
            base: Config = make_config(root, f"sqlite:///{root / 'bench.db'}")
            config = dataclasses.replace(base, mailbox=server.mailbox_config(batch_size=100))
            runtime = open_runtime(config)
            print(
                "mailbox size | new stored | store rate | empty poll (median)"
                " | bodies fetched | searches"
            )
            held = 0
            for size in sizes:
                fill(server, held, size)
                seconds, report, _ = timed_poll(runtime)
                held = size
                rate = report.fetched / seconds
                empties = [timed_poll(runtime) for _ in range(args.repeat)]
                median_ms = statistics.median(elapsed for elapsed, _, _ in empties) * 1000
                fetched = max(mailbox.stats.bodies_fetched for _, _, mailbox in empties)
                searches = max(mailbox.stats.searches for _, _, mailbox in empties)
                print(
                    f"{size:>12} | {report.fetched:>10} | {rate:>6.0f} msg/s |"
                    f" {median_ms:>15.1f} ms | {fetched:>14} | {searches:>8}"
                )
            runtime.close()


if __name__ == "__main__":
    main()
