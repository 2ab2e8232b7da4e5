"""``intake run``: the daemon, until SIGTERM or SIGINT."""

from __future__ import annotations

import argparse
import os

from intake.config.needs import require_mailbox_secrets
from intake.config.runtime import open_runtime
from intake.config.settings import Config, config_path
from intake.errors import EXIT_OK
from intake.poll.daemon import Daemon


def run(args: argparse.Namespace, config: Config) -> int:
    """Run the daemon; exit 0 once it stopped cleanly."""
    require_mailbox_secrets(config)
    runtime = open_runtime(config)
    try:
        # The path as given, not resolved: a symlink swapped to a new file is a new config.
        Daemon(runtime, config_path=config_path(args.config, os.environ).absolute()).run()
    finally:
        runtime.close()
    return EXIT_OK
