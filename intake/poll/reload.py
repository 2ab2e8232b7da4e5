"""Re-reads config.toml for the daemon on SIGHUP or when the file changes, validated first."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from intake.acks.template_check import check_templates
from intake.config.changes import changed_keys, keep_restart_settings
from intake.config.settings import Config, load_config
from intake.errors import ConfigError

__all__ = ["CHECK_SECONDS", "ConfigFile", "Reloader", "reread"]

log = logging.getLogger(__name__)

#: How often the file's inode, size and modification time are looked at.
CHECK_SECONDS = 2.0

Signature = tuple[int, int, int, int] | None


class ConfigFile:
    """The config file's identity (device, inode, size, mtime): a cheap test for a new file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = self._signature()

    def changed(self) -> bool:
        """Whether the file was written, replaced or removed since the last call."""
        now = self._signature()
        if now == self._seen:
            return False
        self._seen = now
        return True

    def _signature(self) -> Signature:
        try:
            stat = self.path.stat()  # follows a symlink: a swapped target counts as a change
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def reread(current: Config, path: Path) -> tuple[Config, list[str]] | None:
    """The config to use from now on and the keys it changes (names only), or None when the
    file is refused (one log line names the key) or changes nothing.

    The sections that need a restart keep their running values, with a line naming them.
    """
    try:
        new = load_config(path, os.environ)
        check_templates(new)
    except ConfigError as exc:
        log.error("config reload refused, the running config is kept: %s", exc)
        return None
    new, ignored = keep_restart_settings(current, new)
    if ignored:
        log.warning("config reload: %s needs a restart; the running value is kept", _names(ignored))
    changed = changed_keys(current, new)
    if not changed:
        log.info("config re-read: no change to apply")
        return None
    return new, changed


def _names(keys: list[str]) -> str:
    return ", ".join(keys)


class Reloader:
    """A thread that re-reads the file when asked (SIGHUP) or when it changed, and hands a
    valid new config to ``apply`` (False: not taken, the daemon is stopping); ``stop`` ends it."""

    def __init__(
        self,
        path: Path,
        current: Callable[[], Config],
        apply: Callable[[Config], bool],
        stop: threading.Event,
    ) -> None:
        self._file = ConfigFile(path)
        self._current = current
        self._apply = apply
        self._stop = stop
        self._asked = threading.Event()
        self._thread = threading.Thread(target=self._run, name="intake-config")

    def ask(self) -> None:
        """Re-read at once (safe from a signal handler: it only sets an event)."""
        self._asked.set()

    def start(self) -> None:
        """Start watching."""
        self._thread.start()

    def join(self) -> None:
        """Wait for the thread, if started, to end (set ``stop`` and ``ask`` first)."""
        if self._thread.ident is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            asked = self._asked.wait(CHECK_SECONDS)
            self._asked.clear()
            changed = self._file.changed()  # read even when asked: one change, one reload
            if self._stop.is_set() or not (asked or changed):
                continue
            try:
                self._reload()
            except Exception:  # a bug in a reload must leave the daemon on the running config
                log.exception("config reload failed; the running config is kept")

    def _reload(self) -> None:
        """Re-read; a valid change is applied (after a running poll), then logged in one line."""
        found = reread(self._current(), self._file.path)
        if found is not None:
            new, changed = found
            if self._apply(new):
                log.info("config reloaded: %s changed", _names(changed))
