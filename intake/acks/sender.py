"""Drains the outbox: claim due rows, apply the limits, compose, send, record each outcome.

Each acknowledgement is sent once. A row is claimed (a committed lease, renewed while the
drain lives), its attempt is committed with its final Message-ID (``sending_since``), the
message goes to the transport, and ``sent`` is committed in its own transaction as soon as
the server's reply to the end of DATA is read. One window remains: a process that dies after
the server took the message and before that commit leaves the row ``pending`` with
``sending_since`` set; once its claim runs out (``[schedule] claim_seconds``) another drain
sends it again with the same Message-ID, so the candidate's mail program and the logs
recognise the repeat (docs/acknowledgements.md, "Crashes").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.drain import Drain
from intake.acks.report import SendReport
from intake.acks.transport import Transport, open_transport
from intake.config.settings import Config
from storage.models import utcnow

__all__ = ["PROCESS_GUARD", "SendReport", "send_due"]

# One send at a time per process: the daemon's schedule and the end of a poll share it.
PROCESS_GUARD = threading.Lock()


def send_due(
    config: Config,
    sessions: sessionmaker[Session],
    now: datetime | None = None,
    transport: Transport | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    guard: threading.Lock = PROCESS_GUARD,
    wait_seconds: float = 0.0,
) -> SendReport:
    """Send every due acknowledgement the limits allow; ``now`` fixes the clock (tests).

    While another drain holds ``guard`` the report says ``skipped``, unless it ends within
    ``wait_seconds`` (then this one runs after it).

    A database outage raises StorageError (the caller logs it); transport and template
    trouble is recorded on the rows and in the report, never raised.
    """
    report = SendReport()
    if config.acknowledgements.transport == "off":
        return report
    if not (guard.acquire(timeout=wait_seconds) if wait_seconds > 0 else guard.acquire(False)):
        report.skipped = True
        return report
    try:
        _drain(config, sessions, transport, (lambda: now) if now else utcnow, should_stop, report)
    finally:
        guard.release()
    return report


def _drain(
    config: Config,
    sessions: sessionmaker[Session],
    transport: Transport | None,
    clock: Callable[[], datetime],
    should_stop: Callable[[], bool],
    report: SendReport,
) -> None:
    """Run one drain with the given transport, or the configured one (closed afterwards)."""
    owned = transport is None
    transport = transport or open_transport(config)
    if transport is None:
        return
    try:
        Drain(config, sessions, transport, clock, report).run(should_stop)
    finally:
        if owned:
            transport.close()
