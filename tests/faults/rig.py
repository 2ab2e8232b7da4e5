"""Runs ``python -m intake`` as an operator would, each process in its own group, and reads
what it stored only through its public commands (JSON listings, ``status``)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from tests.configs import config_document
from tests.dovecot import DovecotServer
from tests.smtp import SENDER, SmtpServer

REPO = Path(__file__).resolve().parents[2]
KEYWORD = "$IntakeDone"


def config_path(
    tmp_path: Path, url: str, dovecot: DovecotServer, smtp: SmtpServer, **acks: Any
) -> Path:
    """A config.toml: IMAP on ``dovecot``, acks by SMTP through ``smtp`` unless ``acks`` says."""
    document = config_document(tmp_path, url)
    document["organisation"]["aliases"] = ["WCO", "OMD"]
    document["organisation"]["names"] = {"fr": "Organisation mondiale des douanes"}
    document["mailbox"] = {
        "kind": "imap",
        "host": dovecot.host,
        "port": dovecot.port,
        "security": "starttls",
        "ca_file": str(dovecot.ca_file),
        "username": dovecot.username,
        "password_env": "INTAKE_IMAP_PASSWORD",
        "batch_size": 5,
        "timeout_seconds": 10,
    }
    document["acknowledgements"] = {
        "transport": "smtp",
        "sender": SENDER,
        "max_age_days": 0,
        "max_per_minute": 10_000,
        "send_interval": 5,
        "retry_after_seconds": 1,
        **acks,
    }
    document["smtp"] = smtp.config()
    document["schedule"] = {"poll_interval": 5}
    path = tmp_path / "config.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return path


@dataclass
class Rig:
    """One config, the servers behind it and every intake process started for it."""

    config: Path
    dovecot: DovecotServer
    smtp: SmtpServer
    logs: Path
    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        """``python -m intake --config C ARGS`` in a new session; output to a log file."""
        log = (self.logs / f"intake-{len(self.started)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "intake", "--config", str(self.config), *args],
            cwd=REPO,
            env=self.environ(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: a kill reaches its worker processes too
        )
        log.close()
        self.started.append(process)
        return process

    def run(self, *args: str, timeout: float = 300) -> tuple[int, str]:
        """Run to the end: the exit code and the combined output."""
        process = self.start(*args)
        try:
            code = process.wait(timeout=timeout)
        finally:
            kill_group(process)
        return code, self.output(process)

    def output(self, process: subprocess.Popen[bytes]) -> str:
        """What ``process`` wrote so far."""
        index = self.started.index(process)
        return (self.logs / f"intake-{index}.log").read_text(errors="replace")

    def listing(self, command: str) -> list[dict[str, Any]]:
        """``intake COMMAND --format json`` as a list of objects."""
        process = subprocess.run(
            [sys.executable, "-m", "intake", "--config", str(self.config), command,
             "--format", "json"],
            cwd=REPO, env=self.environ(), capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        assert process.returncode == 0, process.stderr
        rows: list[dict[str, Any]] = json.loads(process.stdout)
        return rows

    def environ(self) -> dict[str, str]:
        """Our environment plus the mailbox password the config names."""
        return {**os.environ, "INTAKE_IMAP_PASSWORD": self.dovecot.password, "TZ": "UTC"}

    def stop_all(self) -> None:
        """Kill every process group this rig started that is still there."""
        for process in self.started:
            kill_group(process)


def kill_group(process: subprocess.Popen[bytes], signum: int = signal.SIGKILL) -> None:
    """Send ``signum`` to the process's whole group and reap the leader.

    Only while the leader is not reaped yet: its group id cannot have been reused then, so
    the signal reaches nothing but the processes this test started.
    """
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=60)


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.5) -> float | None:
    """Seconds until ``condition()`` held, or None when ``timeout`` passed first."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(step)
    return None


def unmarked_uids(dovecot: DovecotServer) -> list[int]:
    """INBOX messages without the done keyword."""
    with dovecot.client() as client:
        client.select_folder("INBOX", readonly=True)
        return sorted(int(uid) for uid in client.search(["UNKEYWORD", KEYWORD]))
