"""Senders killed with SIGKILL mid-send: each acknowledgement is sent once, plus once more with
the same Message-ID for each kill after the server took it; a dead sender's claims run out."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope
from aiosmtpd.smtp import Session as SmtpSession
from sqlalchemy import func, select, update

from intake.acks.sender import send_due
from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config, load_config
from storage import outbox
from storage.models import Acknowledgement, utcnow
from tests.acks.test_daemon import fill_maildir
from tests.configs import write_config_file
from tests.processes import run_intake, start_intake
from tests.smtp import SENDER, RecordingHandler, SmtpServer, message_id_counts, outbox_rows

COUNT = 5
MANY = 60
KILLS = 10
CLAIM_SECONDS = 2  # the heartbeat renews every 0.5 s: short enough to wait for in a test


@dataclass
class KillingHandler(RecordingHandler):
    """Kills ``victim`` with SIGKILL at the ``nth`` DATA, ``before`` the server takes the
    message or after it has (as a server that queued it before its ``250`` reached us)."""

    before: bool = False
    nth: int = 3
    victim: int | None = None
    seen: int = 0

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        self.seen += 1
        if self.before and self._maybe_kill():
            return "451 the client is gone"  # the message is not taken
        reply = await super().handle_DATA(server, session, envelope)
        if not self.before:
            self._maybe_kill()
        return reply

    def _maybe_kill(self) -> bool:
        if self.seen != self.nth or self.victim is None:
            return False
        os.kill(self.victim, signal.SIGKILL)
        return True


@dataclass
class StallingHandler(RecordingHandler):
    """Holds every DATA (without taking the message) until ``go`` is set."""

    go: threading.Event = field(default_factory=threading.Event)
    stalled: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        self.stalled.set()
        while not self.go.is_set():
            await asyncio.sleep(0.05)
        return await super().handle_DATA(server, session, envelope)


@contextmanager
def running(handler: RecordingHandler) -> Iterator[SmtpServer]:
    """A real SMTP server with ``handler``, for the length of the ``with`` block."""
    server = SmtpServer(handler=handler)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def sending_config(tmp_path: Path, url: str, server: SmtpServer) -> Path:
    acks = {"transport": "smtp", "sender": SENDER, "max_per_minute": 1000, "max_age_days": 0}
    schedule = {"claim_seconds": CLAIM_SECONDS}
    overrides = {"acknowledgements": acks, "smtp": server.config(), "schedule": schedule}
    return write_config_file(tmp_path, url, overrides)


def stored_applications(tmp_path: Path, database_url: str, count: int) -> Iterator[Runtime]:
    """``count`` applications stored with acknowledgements off, then made pending."""
    quiet = write_config_file(tmp_path, database_url, {"acknowledgements": {}})
    fill_maildir(tmp_path / "Maildir", count)
    assert run_intake("--config", str(quiet), "poll").returncode == 0
    runtime = open_runtime(load_config(quiet, {}))
    with runtime.sessions.begin() as session:
        session.execute(update(Acknowledgement).values(status="pending", reason=None))
    yield runtime
    runtime.close()


@pytest.fixture
def stored(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    yield from stored_applications(tmp_path, database_url, COUNT)


@pytest.fixture
def stored_many(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    yield from stored_applications(tmp_path, database_url, MANY)


def wait_for_claims_to_run_out(runtime: Runtime) -> datetime:
    """Wait until no claim holds (bounded), and return when the last one ran out."""
    deadline = time.monotonic() + 10 * CLAIM_SECONDS
    while time.monotonic() < deadline:
        with runtime.sessions() as session:
            last = session.scalar(select(func.max(Acknowledgement.claimed_until)))
        if last is None or last < utcnow():
            return last or utcnow()
        time.sleep(0.1)
    raise AssertionError("a claim of a dead sender is still held")


@pytest.mark.parametrize(
    ("before", "repeated"), [(True, 0), (False, 1)], ids=["before-250", "after-250"]
)
def test_sender_killed_mid_send_recovers_with_the_same_message_id(
    tmp_path: Path, database_url: str, stored: Runtime, before: bool, repeated: int
) -> None:
    handler = KillingHandler(before=before, nth=3)
    with running(handler) as server:
        config = sending_config(tmp_path, database_url, server)
        victim = start_intake("--config", str(config), "acks", "send")
        handler.victim = victim.pid
        victim.communicate(timeout=120)
        assert victim.returncode == -signal.SIGKILL
        rows = outbox_rows(stored.sessions)
        in_flight = [row for row in rows if row.sending_since is not None]
        assert [row.status for row in rows].count("sent") == 2
        assert len(in_flight) == 1 and in_flight[0].status == "pending"
        killed_id, began = in_flight[0].outbound_message_id, in_flight[0].sending_since
        assert began is not None
        released = wait_for_claims_to_run_out(stored)
        assert released - began <= timedelta(seconds=CLAIM_SECONDS + 1)
        again = run_intake("--config", str(config), "acks", "send")
        assert again.returncode == 0, again.stderr
        assert "never recorded its outcome" in again.stderr
        counts = message_id_counts(server)
    assert [row.status for row in outbox_rows(stored.sessions)] == ["sent"] * COUNT
    assert len(counts) == COUNT
    assert counts[str(killed_id)] == 1 + repeated
    assert sum(counts.values()) == COUNT + repeated


def test_a_dead_senders_claim_is_taken_over_once_its_lease_has_run_out(
    tmp_path: Path, database_url: str, stored: Runtime
) -> None:
    handler = RecordingHandler()
    with running(handler) as server:
        config = load_config(sending_config(tmp_path, database_url, server), {})
        claimed_at = utcnow()
        lease = timedelta(seconds=config.schedule.claim_seconds)
        dead = outbox.claim_due(stored.sessions, "gone:1:dead", claimed_at, lease, 50)
        assert len(dead) == COUNT
        early = send_due(config, stored.sessions, now=claimed_at + lease / 2)
        assert early.sent == 0 and handler.received == []
        late = send_due(config, stored.sessions, now=claimed_at + lease + timedelta(seconds=1))
        assert late.sent == COUNT
        assert set(message_id_counts(server).values()) == {1}


def test_a_live_sender_keeps_its_claims_beyond_the_lease_by_its_heartbeat(
    tmp_path: Path, database_url: str, stored: Runtime
) -> None:
    handler = StallingHandler()
    with running(handler) as server:
        config = load_config(sending_config(tmp_path, database_url, server), {})
        slow = threading.Thread(target=send_due, args=(config, stored.sessions))
        slow.start()
        assert handler.stalled.wait(timeout=60)
        time.sleep(2 * CLAIM_SECONDS)  # twice the lease: only the heartbeat keeps the claims
        other = open_runtime(config)
        try:
            rival = send_due(config, other.sessions, guard=threading.Lock())
        finally:
            other.close()
        handler.go.set()
        slow.join(timeout=120)
        assert rival.sent == 0
        counts = message_id_counts(server)
    assert len(counts) == COUNT and set(counts.values()) == {1}


def test_claim_seconds_is_read_from_the_schedule_table(tmp_path: Path, sqlite_url: str) -> None:
    config: Config = load_config(sending_config(tmp_path, sqlite_url, SmtpServer()), {})
    assert config.schedule.claim_seconds == CLAIM_SECONDS
    assert config.schedule.heartbeat_seconds == CLAIM_SECONDS / 4


@dataclass
class SlowHandler(RecordingHandler):
    """Takes each message after a short pause, so that kills land in the middle of sends."""

    pause: float = 0.02

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        await asyncio.sleep(self.pause)
        return await super().handle_DATA(server, session, envelope)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_senders_killed_at_random_moments_repeat_at_most_one_acknowledgement_per_kill(
    tmp_path: Path, database_url: str, stored_many: Runtime
) -> None:
    chance = random.Random(14)
    with running(SlowHandler()) as server:
        config = sending_config(tmp_path, database_url, server)
        kills = 0
        while kills < KILLS and len(server.received) < MANY:
            victim = start_intake("--config", str(config), "acks", "send")
            time.sleep(chance.uniform(0.8, 2.0))
            victim.send_signal(signal.SIGKILL)
            victim.communicate(timeout=60)
            kills += victim.returncode == -signal.SIGKILL
        wait_for_claims_to_run_out(stored_many)
        final = run_intake("--config", str(config), "acks", "send")
        assert final.returncode == 0, final.stderr
        counts = message_id_counts(server)
    rows = outbox_rows(stored_many.sessions)
    assert [row.status for row in rows] == ["sent"] * MANY
    assert len(counts) == MANY
    # An acknowledgement killed in flight twice is legitimately taken three times; what must
    # hold is that every copy the server took had its attempt committed first, and that each
    # kill repeats at most the one acknowledgement its sender had in flight.
    attempts = {row.outbound_message_id: row.attempts for row in rows}
    assert all(count <= attempts[mid] for mid, count in counts.items()), (counts, attempts)
    repeated = sum(count - 1 for count in counts.values())
    assert repeated <= kills, (kills, repeated)
