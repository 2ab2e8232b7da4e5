"""``intake purge``: delete a vacancy's old applications, as the retention policy requires."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "delete a vacancy's applications older than DAYS (dry run unless --yes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--vacancy REF --older-than DAYS [--yes]``."""
    parser.add_argument("--vacancy", metavar="REF", required=True)
    parser.add_argument("--older-than", metavar="DAYS", type=int, required=True)
    parser.add_argument("--yes", action="store_true", help="really delete (else: dry run)")


def run(args: argparse.Namespace, config: Config) -> int:
    """Purge, or say what a purge would delete."""
    raise NotImplementedError("being built")
