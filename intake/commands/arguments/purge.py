"""What ``intake purge`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "delete a vacancy's applications older than DAYS (dry run unless --yes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--vacancy REF --older-than DAYS [--yes]``."""
    parser.add_argument("--vacancy", metavar="REF", required=True)
    parser.add_argument("--older-than", metavar="DAYS", type=int, required=True)
    parser.add_argument("--yes", action="store_true", help="really delete (else: dry run)")
