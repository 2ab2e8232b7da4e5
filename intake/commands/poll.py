"""``intake poll``: one full cycle: fetch every new message, store it, send due acknowledgements."""

from __future__ import annotations

import argparse

from intake.config.needs import require_mailbox_secrets
from intake.config.runtime import open_runtime
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK
from intake.mailbox.open import open_mailbox
from intake.poll.cycle import poll_once


def run(_args: argparse.Namespace, config: Config) -> int:
    """Poll once; exit 0 when the cycle ran (bad messages are quarantined, not fatal)."""
    require_mailbox_secrets(config)
    runtime = open_runtime(config)
    mailbox = open_mailbox(config.mailbox)
    try:
        report = poll_once(config, runtime.sessions, mailbox)
    finally:
        mailbox.close()
        runtime.close()
    print(f"poll {'finished' if report.ok else 'failed'}: {report.summary()}")
    return EXIT_OK if report.ok else EXIT_FAILED
