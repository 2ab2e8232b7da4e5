"""What ``intake quarantine`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "list quarantined messages; retry one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``quarantine list [--format F]`` and ``quarantine retry ID``."""
    actions = parser.add_subparsers(dest="quarantine_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every quarantined message with its error")
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    retry_help = (
        "read a quarantined message again as a poll would; nothing is sent (exit 2 when it "
        "is not quarantined, 1 when it still fails)"
    )
    retry = actions.add_parser("retry", help=retry_help, description=retry_help)
    retry.add_argument("message_id", type=int, metavar="ID", help="its id in quarantine list")
