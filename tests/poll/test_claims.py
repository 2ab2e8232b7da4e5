"""Message claims: a poll skips what a live poll holds, and takes over a dead poll's claims."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.heartbeat import died_here, holder_name
from storage import message_claims
from storage.records import MessageKey

KEY = MessageKey("imap://recruitment@example.org", "INBOX", 7, "42")
T0 = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


def claim_at(sessions: sessionmaker[Session], claimer: str, now: datetime) -> bool:
    with sessions.begin() as session:
        return message_claims.claim(session, KEY, claimer, now, now + LEASE)


def test_a_claim_holds_until_its_lease_runs_out_then_another_poll_takes_it(
    sessions: sessionmaker[Session],
) -> None:
    assert claim_at(sessions, "host-a:1:dead", T0)
    assert not claim_at(sessions, "host-b:2:live", T0 + LEASE / 2)
    assert claim_at(sessions, "host-a:1:dead", T0 + LEASE / 2)  # the holder renews it
    assert not claim_at(sessions, "host-b:2:live", T0 + LEASE)
    assert claim_at(sessions, "host-b:2:live", T0 + LEASE + LEASE / 2 + timedelta(seconds=1))
    with sessions() as session:
        assert message_claims.holder(session, KEY) == "host-b:2:live"


def test_a_stored_message_is_never_claimed_and_storing_releases_the_claim(
    sessions: sessionmaker[Session],
) -> None:
    assert claim_at(sessions, "host-a:1:x", T0)
    with sessions.begin() as session:
        message_claims.release(session, KEY)
        assert message_claims.holder(session, KEY) is None
    assert claim_at(sessions, "host-b:2:y", T0)


def test_a_holder_of_this_host_whose_process_is_gone_counts_as_dead() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    host = socket.gethostname()
    assert died_here(f"{host}:{gone.pid}:abcd")
    assert not died_here(holder_name())  # this very process
    assert not died_here(f"{host}-elsewhere:{gone.pid}:abcd")
    assert not died_here(f"{host}:{os.getpid()}:abcd")
