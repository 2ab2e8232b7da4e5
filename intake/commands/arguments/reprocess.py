"""What ``intake reprocess`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "parse and judge stored applications again (no mailbox, no acknowledgements)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--vacancy REF`` or ``--all``, and ``--dry-run``."""
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--vacancy",
        metavar="REF",
        help="this vacancy's applications and those whose vacancy is unknown",
    )
    which.add_argument("--all", action="store_true", help="every application")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="only list what reading them again with this config would change; write nothing",
    )
