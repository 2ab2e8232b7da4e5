"""``intake quarantine``: list the messages that could not be read, and try one again."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "list quarantined messages; retry one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``quarantine list [--format F]`` and ``quarantine retry ID``."""
    actions = parser.add_subparsers(dest="quarantine_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every quarantined message with its error")
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    retry = actions.add_parser("retry", help="read a quarantined message again")
    retry.add_argument("message_id", type=int, metavar="ID")


def run(args: argparse.Namespace, config: Config) -> int:
    """Run the chosen action."""
    raise NotImplementedError("being built")
