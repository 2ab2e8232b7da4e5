"""``intake erase``: delete every record of one person, on their request."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "delete every record of one email address (dry run unless --yes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--email ADDRESS [--yes]``."""
    parser.add_argument("--email", metavar="ADDRESS", required=True)
    parser.add_argument("--yes", action="store_true", help="really erase (else: dry run)")


def run(args: argparse.Namespace, config: Config) -> int:
    """Erase, or say what an erase would delete."""
    raise NotImplementedError("being built")
