"""What ``intake audit`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "the audit log of purges and erasures"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format F``."""
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
