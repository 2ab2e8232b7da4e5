"""Arrival → acknowledgement with ``intake run`` waiting in IDLE, IMAP commands per idle hour,
and how long a dropped IDLE connection takes to come back.

Run from the repository root:
    python3 -m benchmarks.idle_latency [--messages 20] [--pause 2] [--drops 5] [--window 120]
A real Dovecot (STARTTLS), aiosmtpd and SQLite on 127.0.0.1; ``intake run`` is a separate
process with ``poll_interval = 300``. Commands are counted by a plain-text relay in front of
Dovecot, over a shortened window (IDLE renewed every 10 s, a poll every 30 s).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope
from aiosmtpd.smtp import Session as SmtpSession

from benchmarks.imap_counter import CountingRelay
from tests import messages
from tests.configs import write_config_file
from tests.daemon_process import RunningDaemon
from tests.dovecot import DovecotServer, make_tls_files, running_dovecot
from tests.smtp import SENDER, RecordingHandler, SmtpServer

IDLE_UP = "IDLE: waiting for new mail"
IDLE_BACK = "IDLE connection back"
PRODUCTION_RENEW, PRODUCTION_POLL = 1500, 300
SHORT_RENEW, SHORT_POLL = 10, 30


@dataclass
class TimedHandler(RecordingHandler):
    """Records when (``time.monotonic``) each message was accepted."""

    times: list[float] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        with self.lock:
            self.times.append(time.monotonic())
        return reply

    def wait_for(self, count: int, timeout: float = 60) -> float:
        """When the ``count``-th message was accepted; SystemExit after ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.times) >= count:
                    return self.times[count - 1]
            time.sleep(0.005)
        raise SystemExit(f"acknowledgement {count} not received within {timeout} s")


def application(index: int) -> bytes:
    """An application with the shipped CV (PDF) and letter (DOCX), from its own sender."""
    return messages.application(
        sender=f"Candidate {index} <candidate{index}@example.com>",
        message_id=f"<idle-bench-{index}@example.com>",
    )


def config(folder: Path, url: str, mailbox: dict[str, Any], smtp: SmtpServer, poll: int) -> Path:
    folder.mkdir(exist_ok=True)
    acks = {"transport": "smtp", "sender": SENDER, "send_interval": 300}
    overrides = {
        "mailbox": mailbox,
        "acknowledgements": acks,
        "smtp": smtp.config(),
        "schedule": {"poll_interval": poll},
    }
    return write_config_file(folder, url, overrides)


def start(config_file: Path, dovecot: DovecotServer) -> RunningDaemon:
    daemon = RunningDaemon(config_file, {"INTAKE_IMAP_PASSWORD": dovecot.password}).start()
    daemon.wait_for(IDLE_UP)
    daemon.wait_for("poll finished")
    return daemon


def latencies(
    dovecot: DovecotServer, handler: TimedHandler, count: int, pause: float, first: int = 0
) -> list[float]:
    """Append ``count`` applications one at a time; seconds from APPEND to acknowledgement."""
    result = []
    with dovecot.client() as client:
        for index in range(first, first + count):
            started = time.monotonic()
            client.append("INBOX", application(index))
            result.append(handler.wait_for(index + 1) - started)
            time.sleep(pause)
    return result


def drops(daemon: RunningDaemon, dovecot: DovecotServer, count: int) -> list[float]:
    """Kick the IDLE session ``count`` times; seconds from the kick to its return."""
    result = []
    for _ in range(count):
        seen = daemon.count()
        started = time.monotonic()
        dovecot.kill_connections()
        result.append(daemon.wait_for(IDLE_BACK, after=seen).at - started)
        time.sleep(1)
    return result


def outage(daemon: RunningDaemon, dovecot: DovecotServer, seconds: float) -> float:
    """Stop Dovecot for ``seconds``; seconds from its restart to the IDLE connection's return."""
    seen = daemon.count()
    dovecot.stop()
    time.sleep(seconds)
    dovecot.start()
    restarted = time.monotonic()
    return daemon.wait_for(IDLE_BACK, after=seen, timeout=120).at - restarted


def command_window(relay: CountingRelay, window: float) -> Counter[str]:
    """The commands sent through ``relay`` in ``window`` seconds of a daemon with no new mail."""
    before = relay.commands()
    time.sleep(window)
    return relay.commands() - before


def print_latency(name: str, values: list[float]) -> None:
    print(
        f"{name}: n={len(values)} median {statistics.median(values):.2f} s,"
        f" worst {max(values):.2f} s, best {min(values):.2f} s"
    )


def print_commands(counted: Counter[str], polls: int, window: float) -> None:
    idle_pairs = counted["IDLE"]
    per_poll = (sum(counted.values()) - counted["IDLE"] - counted["DONE"]) / max(polls, 1)
    print(f"commands in {window:.0f} s ({polls} safety-net polls): {dict(sorted(counted.items()))}")
    print(f"  per hour at that pace: {sum(counted.values()) * 3600 / window:.0f}")
    short = 3600 / SHORT_RENEW * 2 + 3600 / SHORT_POLL * per_poll
    print(f"  derived for renew {SHORT_RENEW} s, poll {SHORT_POLL} s: {short:.0f}/h")
    production = 3600 / PRODUCTION_RENEW * 2 + 3600 / PRODUCTION_POLL * per_poll
    print(
        f"  derived for renew {PRODUCTION_RENEW} s, poll {PRODUCTION_POLL} s: {production:.0f}/h"
        f" ({per_poll:.1f} commands per poll, IDLE+DONE per renewal; {idle_pairs} renewals seen)"
    )


def idle_figures(
    folder: Path, url: str, dovecot: DovecotServer, smtp: SmtpServer, args: argparse.Namespace
) -> None:
    """Latency, drops, an outage and a stop, with the production settings."""
    handler = smtp.handler
    assert isinstance(handler, TimedHandler)
    section = dovecot.mailbox_section()
    daemon = start(config(folder, url, section, smtp, PRODUCTION_POLL), dovecot)
    time.sleep(args.settle)  # the workers import the document readers once, after the start
    arrivals = latencies(dovecot, handler, args.messages, args.pause)
    print_latency("arrival → acknowledgement", arrivals)
    print_latency("kicked IDLE session back", drops(daemon, dovecot, args.drops))
    back = outage(daemon, dovecot, args.outage)
    print(f"Dovecot down {args.outage:.0f} s: IDLE back {back:.2f} s after its restart")
    after = latencies(dovecot, handler, 3, args.pause, first=args.messages)
    print_latency("arrival → acknowledgement after the outage", after)
    stopping = time.monotonic()
    code = daemon.stop()
    print(f"SIGTERM while idling: exit {code} after {time.monotonic() - stopping:.2f} s")


def command_figures(
    folder: Path, url: str, dovecot: DovecotServer, smtp: SmtpServer, window: float
) -> None:
    """IMAP commands of an idle daemon over ``window`` seconds, with shortened intervals."""
    relay = CountingRelay(dovecot.host, dovecot.port)
    plain = dovecot.mailbox_section() | {
        "port": relay.port,
        "security": "none",
        "idle_renew_seconds": SHORT_RENEW,
    }
    daemon = start(config(folder, url, plain, smtp, SHORT_POLL), dovecot)
    seen = daemon.count()
    counted = command_window(relay, window)
    polls = daemon.log_after(seen).count("poll finished")
    daemon.stop()
    relay.close()
    print_commands(counted, polls, window)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--pause", type=float, default=2.0)
    parser.add_argument("--settle", type=float, default=10.0)
    parser.add_argument("--drops", type=int, default=5)
    parser.add_argument("--outage", type=float, default=10.0)
    parser.add_argument("--window", type=float, default=120.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        url = f"sqlite:///{root / 'bench.db'}"
        smtp = SmtpServer(handler=TimedHandler())
        smtp.start()
        try:
            with running_dovecot(make_tls_files(root)) as dovecot:
                idle_figures(root / "a", url, dovecot, smtp, args)
                command_figures(root / "b", url, dovecot, smtp, args.window)
        finally:
            smtp.stop()


if __name__ == "__main__":
    main()
