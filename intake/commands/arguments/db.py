"""What ``intake db`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "database schema"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``upgrade`` or ``current``."""
    parser.add_argument("action", choices=("upgrade", "current"))
