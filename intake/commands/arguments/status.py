"""What ``intake status`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "health: last poll, IDLE, outbox, database, disk; exit 0 healthy, 1 not, 2 starting"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--format table|json]``."""
    parser.add_argument("--format", choices=("table", "json"), default="table")
