"""``intake run`` as a real process whose log lines are read as they come, each with its time."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.processes import start_intake

__all__ = ["LogLine", "RunningDaemon"]


@dataclass(frozen=True)
class LogLine:
    """One line of the daemon's stderr and when (``time.monotonic``) it was read."""

    at: float
    text: str


@dataclass
class RunningDaemon:
    """Starts ``intake --config FILE run``; ``wait_for`` waits (bounded) for a log line."""

    config_file: Path
    env: Mapping[str, str] = field(default_factory=dict)
    lines: list[LogLine] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _process: subprocess.Popen[str] | None = None
    _reader: threading.Thread | None = None

    def start(self) -> RunningDaemon:
        """Start the process and the thread reading its stderr."""
        self._process = start_intake("--config", str(self.config_file), "run", env=self.env)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def wait_for(self, text: str, timeout: float = 60, after: int = 0) -> LogLine:
        """The first line from index ``after`` on containing ``text``; AssertionError at timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(text, after)
            if found is not None:
                return found
            if self._process is not None and self._process.poll() is not None:
                time.sleep(0.2)  # let the reader take the last lines
                found = self.find(text, after)
                if found is not None:
                    return found
                raise AssertionError(f"daemon exited before logging {text!r}:\n{self.log()}")
            time.sleep(0.01)
        raise AssertionError(f"no log line with {text!r} within {timeout} s:\n{self.log()}")

    def find(self, text: str, after: int = 0) -> LogLine | None:
        """The first line from index ``after`` on containing ``text``, or None."""
        with self._lock:
            return next((line for line in self.lines[after:] if text in line.text), None)

    def count(self) -> int:
        """How many lines were read so far (an ``after`` for later waits)."""
        with self._lock:
            return len(self.lines)

    def log(self) -> str:
        """Every line read so far."""
        return self.log_after(0)

    def log_after(self, after: int) -> str:
        """The lines read so far from index ``after`` on."""
        with self._lock:
            return "".join(line.text for line in self.lines[after:])

    def send(self, signum: int) -> None:
        """Send ``signum`` (SIGHUP: re-read the config) and return at once."""
        assert self._process is not None
        self._process.send_signal(signum)

    def running(self) -> bool:
        """Whether the process has not exited."""
        return self._process is not None and self._process.poll() is None

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 60) -> int:
        """Send ``signum`` and wait (at most ``timeout``) for the exit; the exit code."""
        assert self._process is not None
        if self._process.poll() is None:
            self._process.send_signal(signum)
        code = self._process.wait(timeout=timeout)
        if self._reader is not None:
            self._reader.join(timeout=10)
        return code

    def kill(self) -> None:
        """End the process at once (cleanup after a failed test)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def _read(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for text in self._process.stderr:
            with self._lock:
                self.lines.append(LogLine(time.monotonic(), text))
