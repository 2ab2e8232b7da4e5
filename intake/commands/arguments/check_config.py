"""What ``intake check-config`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "validate the config and print it, secrets masked; --connect: reach every server"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--connect]``."""
    parser.add_argument(
        "--connect",
        action="store_true",
        help="also open the database, log in to the mailbox and to SMTP (nothing is sent)",
    )
