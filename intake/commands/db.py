"""``intake db upgrade|current``: bring the schema to the newest revision, or say where it is."""

from __future__ import annotations

import argparse

from intake.config.runtime import open_runtime
from intake.config.settings import Config
from intake.errors import EXIT_OK
from storage.migrate import head_revision
from storage.schema import current_revision


def run(args: argparse.Namespace, config: Config) -> int:
    """Upgrade (``upgrade``) or leave the schema as it is (``current``); print both revisions."""
    runtime = open_runtime(config, schema="upgrade" if args.action == "upgrade" else "any")
    try:
        print(f"database at revision {current_revision(runtime.engine)}")
        print(f"code expects revision {head_revision(runtime.engine)}")
    finally:
        runtime.close()
    return EXIT_OK
