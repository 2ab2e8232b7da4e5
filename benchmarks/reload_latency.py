"""SIGHUP (or a rewritten config.toml) → the next application recorded under the new vacancy.

Run from the repository root:
    python3 -m benchmarks.reload_latency [--rounds 5] [--settle 10]
``intake run`` is a separate process on SQLite; HR's Monday is played ``rounds`` times: a
vacancy is added to config.toml, the daemon is told (SIGHUP, or nothing: it notices the file),
and an application naming the new vacancy arrives as soon as the reload is logged. Three
set-ups: a real Dovecot with IDLE (poll_interval 300), the same without SIGHUP, and a Maildir
polled every 5 s (no IDLE: the next poll waits for the interval).
"""

from __future__ import annotations

import argparse
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from storage.database import create_database_engine, session_factory
from tests.configs import VACANCIES
from tests.daemon_process import RunningDaemon
from tests.dovecot import DovecotServer, make_tls_files, running_dovecot
from tests.reload_rig import (
    RELOADED,
    config_with,
    judged,
    new_vacancy_application,
    vacancy,
    with_new_vacancy,
    write,
)

Deliver = Callable[[int, bytes], object]


class Setup:
    """One daemon, its config file and database, and how mail reaches its mailbox."""

    def __init__(
        self, folder: Path, mailbox: dict[str, Any], poll: int, deliver: Deliver, password: str = ""
    ) -> None:
        folder.mkdir()
        url = f"sqlite:///{folder / 'bench.db'}"
        sections = {"mailbox": mailbox, "schedule": {"poll_interval": poll}}
        self.document = config_with(folder, url, VACANCIES, **sections)
        self.path = folder / "config.toml"
        write(self.path, self.document)
        self.deliver = deliver
        self.added: list[dict[str, Any]] = []
        self.daemon = RunningDaemon(self.path, {"INTAKE_IMAP_PASSWORD": password}).start()
        self.daemon.wait_for("poll finished")
        self.sessions: sessionmaker[Session] = session_factory(create_database_engine(url))

    def round(self, index: int, hangup: bool) -> tuple[float, float]:
        """Add a vacancy; seconds from the signal (or the write) to the reload's log line and
        to the application's record with that vacancy."""
        reference = f"WCO/2026/R{index:03}"
        self.added.append(vacancy(reference))
        seen = self.daemon.count()
        write(self.path, with_new_vacancy(self.document, *self.added))
        if hangup:
            self.daemon.send(signal.SIGHUP)
        started = time.monotonic()
        reloaded = self.daemon.wait_for(RELOADED, after=seen).at - started
        self.deliver(index, new_vacancy_application(index, reference))
        while (found := judged(self.sessions, index)) is None:
            time.sleep(0.01)
        recorded = time.monotonic() - started
        if found[0] != reference:
            raise SystemExit(f"round {index}: recorded under {found[0]}, not {reference}")
        return reloaded, recorded


def imap_deliver(dovecot: DovecotServer) -> Deliver:
    return lambda _index, raw: dovecot.append(raw)


def maildir_deliver(folder: Path) -> Deliver:
    def deliver(index: int, raw: bytes) -> None:
        temporary = folder / "Maildir" / "tmp" / f"{index}.bench"
        temporary.write_bytes(raw)
        temporary.replace(folder / "Maildir" / "new" / f"{index}.bench")

    return deliver


def measure(name: str, setup: Setup, rounds: int, first: int, hangup: bool) -> None:
    results = [setup.round(first + index, hangup) for index in range(rounds)]
    for label, values in (
        ("reload logged", [r[0] for r in results]),
        ("record", [r[1] for r in results]),
    ):
        print(
            f"{name}: → {label}: n={len(values)} median {statistics.median(values):.2f} s,"
            f" worst {max(values):.2f} s, best {min(values):.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--settle", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        with running_dovecot(make_tls_files(root)) as dovecot:
            section = dovecot.mailbox_section()
            deliver = imap_deliver(dovecot)
            imap = Setup(root / "imap", section, 300, deliver, dovecot.password)
            time.sleep(args.settle)  # the workers import the document readers once
            measure("IDLE, SIGHUP", imap, args.rounds, 0, hangup=True)
            measure("IDLE, file rewritten", imap, args.rounds, 100, hangup=False)
            imap.daemon.stop()
        folder = root / "maildir"
        maildir = Setup(
            folder, {"kind": "maildir", "path": str(folder / "Maildir")}, 5, maildir_deliver(folder)
        )
        time.sleep(args.settle)
        measure("Maildir every 5 s, SIGHUP", maildir, args.rounds, 200, hangup=True)
        maildir.daemon.stop()


if __name__ == "__main__":
    main()
