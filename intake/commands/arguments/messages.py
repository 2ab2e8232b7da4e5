"""What ``intake messages`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

from intake.commands.arguments.formats import FORMATS

SUMMARY = "list stored messages"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--format F]``."""
    parser.add_argument("--format", choices=FORMATS, default="table")
