"""``intake check-config [--connect]``: validate the file; with --connect, reach every server.

Each part gets one line (``config: ok``, ``database: ok``, ``imap: ok (IDLE supported)``,
``smtp: authentication failed: 535 …``) and the exit code is non-zero when any part failed;
no part's failure stops the others from being tried, and none prints a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from intake.config.needs import require_all_secrets
from intake.config.render import config_lines
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK, IntakeError
from storage.errors import StorageError

Check = Callable[[Config], tuple[bool, str]]


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the config, or with ``--connect`` one line per part; 1 when any part failed."""
    if not args.connect:
        require_all_secrets(config)
        for line in config_lines(config):
            print(line)
        return EXIT_OK
    print("config: ok")
    results = [_line(name, check, config) for name, check in _checks(config)]
    return EXIT_OK if all(results) else EXIT_FAILED


def _checks(config: Config) -> list[tuple[str, Check]]:
    mailbox = "imap" if config.mailbox.kind == "imap" else "maildir"
    return [("database", _database), (mailbox, _mailbox), ("smtp", _smtp)]


def _line(name: str, check: Check, config: Config) -> bool:
    try:
        ok, text = check(config)
    except (IntakeError, StorageError, OSError) as exc:
        ok, text = False, _failure(exc)
    print(f"{name}: {text}", flush=True)
    return ok


def _failure(exc: BaseException) -> str:
    """The error as one line: the probes already say what failed (``authentication failed``)."""
    return " ".join(str(exc).split()) or f"failed: {type(exc).__name__}"


def _database(config: Config) -> tuple[bool, str]:
    from intake.config.runtime import open_runtime
    from storage.schema import HEAD_REVISION, current_revision

    runtime = open_runtime(config, schema="any")
    try:
        current = current_revision(runtime.engine)
    finally:
        runtime.close()
    if current != HEAD_REVISION:
        return (
            True,
            f"ok (schema at {current or 'none'}, {HEAD_REVISION} after `intake db upgrade`)",
        )
    return True, f"ok (schema at {HEAD_REVISION})"


def _mailbox(config: Config) -> tuple[bool, str]:
    from intake.mailbox.probe import probe_mailbox

    return True, probe_mailbox(config.mailbox)


def _smtp(config: Config) -> tuple[bool, str]:
    if config.acknowledgements.transport != "smtp":
        return (
            True,
            f'not used (acknowledgements.transport = "{config.acknowledgements.transport}")',
        )
    from intake.acks.smtp_probe import probe_smtp

    return probe_smtp(config)
