"""A sender killed with -9 right after the SMTP server accepted its first acknowledgement: the
claims it held are taken over by another daemon in bounded time, and the one copy caught in
the window between the server's 250 and the recorded "sent" is resent with the same Message-ID."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections import defaultdict

import pytest

from tests.faults import sizes
from tests.faults.conftest import Figures, MakeRig
from tests.faults.letters import application, candidate, deliver
from tests.faults.mail_server import HookedHandler, acks_per_recipient
from tests.faults.rig import Rig, kill_group, wait_for
from tests.smtp import Received

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres, pytest.mark.slow]

TAG = "claim"
COUNT = 12


def store_without_sending(rig: Rig) -> None:
    """Poll with the SMTP server down: every application stored, every ack left pending."""
    deliver(rig.dovecot, [application(TAG, index) for index in range(COUNT)])
    rig.smtp.stop()
    code, output = rig.run("poll")
    assert code == 0, output
    rig.smtp.start()


def kill_on_first_accept(
    handler: HookedHandler, sender: list[subprocess.Popen[bytes]]
) -> list[float]:
    """Arm the server: at its first accepted message it kills the sender's group (before the
    250 reaches it); the moment of the kill is appended to the list returned."""
    killed: list[float] = []

    def on_accept(received: Received) -> None:
        if not killed and sender:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(sender[0].pid, signal.SIGKILL)
            killed.append(time.monotonic())

    handler.on_accept = on_accept
    return killed


def test_claims_of_a_sender_killed_after_the_servers_250_are_taken_over_and_resent_once(
    make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    rig = make_rig(postgres_url, retry_after_seconds=1)
    store_without_sending(rig)
    handler = rig.smtp.handler
    assert isinstance(handler, HookedHandler)
    sender: list[subprocess.Popen[bytes]] = []
    killed = kill_on_first_accept(handler, sender)
    sender.append(rig.start("acks", "send"))
    sender[0].wait(timeout=120)
    assert killed, "the sender finished without sending: nothing was claimed"
    in_window = rig.smtp.received[0].rcpt_tos[0].lower()
    handler.on_accept = None
    daemon, daemon_started = rig.start("run"), time.monotonic()
    everyone = {candidate(TAG, index) for index in range(COUNT)}
    waited = wait_for(lambda: everyone <= set(acks_per_recipient(rig.smtp)), sizes.CLAIM_WAIT)
    blocked = None if waited is None else waited + daemon_started - killed[0]
    kill_group(daemon, signal.SIGTERM)
    ids: dict[str, set[str]] = defaultdict(set)
    for received in rig.smtp.received:
        ids[received.rcpt_tos[0].lower()].add(str(received.message["Message-ID"]))
    copies = acks_per_recipient(rig.smtp)
    figures = {
        "claim_blocked_seconds": f">{sizes.CLAIM_WAIT}" if blocked is None else round(blocked),
        "acks_sent": len(copies),
        "acks_expected": COUNT,
        "window_copies": copies[in_window],
        "window_message_ids": len(ids[in_window]),
        "acks_duplicated_outside_window": sum(
            times - 1 for address, times in copies.items() if address != in_window
        ),
    }
    record_figures("dead_claim", **figures)
    assert blocked is not None and blocked <= sizes.CLAIM_BAR_SECONDS, figures
    assert figures["window_message_ids"] == 1, figures
    assert figures["acks_duplicated_outside_window"] == 0, figures
