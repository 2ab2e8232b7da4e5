"""What ``intake erase`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "delete every record of one email address (dry run unless --yes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--email ADDRESS [--yes]``."""
    parser.add_argument("--email", metavar="ADDRESS", required=True)
    parser.add_argument("--yes", action="store_true", help="really erase (else: dry run)")
