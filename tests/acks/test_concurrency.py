"""Two senders draining one PostgreSQL outbox at once send every acknowledgement exactly once."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update

from intake.acks.report import SendReport
from intake.acks.sender import send_due
from intake.config.runtime import Runtime
from storage.models import Acknowledgement
from tests import messages
from tests.smtp import (
    OpenRuntimes,
    SmtpServer,
    message_id_counts,
    open_runtimes,
    outbox_rows,
    poll_through,
    smtp_config,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

COUNT = 120


def test_two_senders_on_postgresql_send_each_acknowledgement_once(
    tmp_path: Path, postgres_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    config = smtp_config(
        tmp_path, postgres_url, smtp_server, transport="off", max_per_minute=10_000
    )
    stored = open_runtimes(config)
    raws = [
        (messages.application(sender=f"Candidate {i} <c{i}@example.com>", attachments=()),
         datetime(2025, 10, 20, 8, 0, tzinfo=UTC))
        for i in range(COUNT)
    ]  # fmt: skip
    poll_through(stored, *raws)
    with stored.sessions.begin() as session:  # stored while off; now they are to be sent
        session.execute(update(Acknowledgement).values(status="pending", reason=None))
    sending = smtp_config(tmp_path, postgres_url, smtp_server, max_per_minute=10_000)
    reports: list[SendReport] = []
    start = threading.Barrier(2)

    def drain(runtime: Runtime) -> None:
        start.wait(timeout=60)
        reports.append(send_due(sending, runtime.sessions, guard=threading.Lock()))

    # Each sender has its own engine and connections, as two daemons would.
    runtimes = [open_runtimes(sending) for _ in range(2)]
    threads = [threading.Thread(target=drain, args=(runtime,)) for runtime in runtimes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert sum(report.sent for report in reports) == COUNT
    assert all(report.sent > 0 for report in reports), [r.summary() for r in reports]
    counts = message_id_counts(smtp_server)
    assert len(counts) == COUNT and set(counts.values()) == {1}
    assert Counter(row.status for row in outbox_rows(stored.sessions)) == Counter(sent=COUNT)
