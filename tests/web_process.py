"""``intake web`` as a real subprocess on a free port of 127.0.0.1, stopped with SIGTERM."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.processes import REPO

STARTUP_TIMEOUT = 30.0
#: ``intake`` from this checkout, as a separate process.
INTAKE = (sys.executable, "-m", "intake")


def free_port() -> int:
    """A TCP port of 127.0.0.1 nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class WebConsole:
    """A running ``intake web``; its output goes to files under ``logs``."""

    config: Path
    logs: Path
    port: int = field(default_factory=free_port)
    #: More environment variables for the server (an OpenID Connect client secret).
    environ: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash."""
        return f"http://{self.listen}"

    @property
    def listen(self) -> str:
        """``--listen``'s value."""
        return f"127.0.0.1:{self.port}"

    @property
    def stderr(self) -> str:
        """What the server wrote on stderr so far."""
        path = self.logs / "stderr.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self) -> None:
        """Start ``intake web --listen`` and wait until /login answers."""
        self.logs.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "INTAKE_WEB_SECRET_KEY": secrets.token_urlsafe(48), **self.environ}
        with (
            (self.logs / "stdout.log").open("wb") as out,
            (self.logs / "stderr.log").open("wb") as err,
        ):
            command = [*INTAKE, "--config", str(self.config), "web", "--listen", self.listen]
            self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=err)
        self._wait_until_answering()

    def _wait_until_answering(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"intake web exited {self.process.returncode}:\n{self.stderr}")
            try:
                with urllib.request.urlopen(f"{self.url}/login", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise AssertionError(f"intake web did not answer in {STARTUP_TIMEOUT}s:\n{self.stderr}")

    def stop(self) -> int:
        """SIGTERM, then wait; the exit status."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode
