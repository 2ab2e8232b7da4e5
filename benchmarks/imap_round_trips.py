"""``intake poll`` over IMAP with a round trip added to every command: messages/s and the
commands each message costs, as against a hosted mailbox (Microsoft 365, Gmail).

Run from the repository root:
    python3 -m benchmarks.imap_round_trips [--messages 200] [--delay 0.02] [--repo DIR]

A private Dovecot on 127.0.0.1 receives ``--messages`` applications without attachments (so
that the figure is the mailbox's share, not the reading's); ``intake poll`` then reads them
through a relay (``benchmarks.imap_counter``) that holds each client line ``--delay`` seconds
before passing it on and counts the commands by name. ``--repo`` runs another checkout's
``intake`` (an earlier commit, to compare) against the same server and relay.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.imap_counter import CountingRelay
from tests import messages
from tests.configs import write_config_file
from tests.dovecot import DovecotServer, make_tls_files, running_dovecot

REPO = Path(__file__).resolve().parent.parent
FIRST = datetime(2025, 10, 20, 9, 0, tzinfo=UTC)


def deliver(dovecot: DovecotServer, count: int) -> None:
    """``count`` applications, each from its own sender, without attachments."""
    with dovecot.client() as client:
        for index in range(count):
            raw = messages.application(
                sender=f"Candidate {index} <candidate{index}@example.com>",
                message_id=f"<round-trip-{index}@example.com>",
                attachments=(),
            )
            client.append("INBOX", raw, msg_time=FIRST + timedelta(minutes=index))


def poll(folder: Path, dovecot: DovecotServer, relay: CountingRelay, repo: Path) -> float:
    """One ``intake poll`` through the relay; its wall time."""
    mailbox = dovecot.mailbox_section() | {"port": relay.port, "security": "none"}
    acks = {
        "transport": "file",
        "sender": "Recruitment <recruitment@example.org>",
        "directory": str(folder / "outbox"),
        "max_age_days": 0,
    }
    config = write_config_file(
        folder, f"sqlite:///{folder / 'intake.db'}", {"mailbox": mailbox, "acknowledgements": acks}
    )
    env = {**os.environ, "INTAKE_IMAP_PASSWORD": dovecot.password}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "intake", "--log-level", "WARNING", "--config", str(config), "poll"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"FAILED: intake poll exited {result.returncode}:\n{result.stderr}")
    print(result.stdout.strip())
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.02)
    parser.add_argument("--repo", type=Path, default=REPO)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        with running_dovecot(make_tls_files(root)) as dovecot:
            deliver(dovecot, args.messages)
            relay = CountingRelay(dovecot.host, dovecot.port, delay_seconds=args.delay)
            seconds = poll(root, dovecot, relay, args.repo.resolve())
            relay.close()
    commands = relay.commands()
    print(
        f"{args.messages} messages, {args.delay * 1000:.0f} ms added to each command: "
        f"{seconds:.1f} s, {args.messages / seconds:.1f} msg/s, {sum(commands.values())} commands"
    )
    for name, count in commands.most_common():
        print(f"  {name:12s} {count:5d}  ({count / args.messages:.2f} a message)")


if __name__ == "__main__":
    main()
