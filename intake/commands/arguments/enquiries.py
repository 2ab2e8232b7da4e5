"""What ``intake enquiries`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

from intake.commands.arguments.formats import FORMATS
from intake.hr.choices import FIRST_LINES

SUMMARY = "list enquiries (questions to HR): sender, date, subject, first lines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--since DATE`` and ``--format F``."""
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="received on or after (YYYY-MM-DD: from the start of that day, organisation time)",
    )
    parser.add_argument(
        "--lines",
        type=int,
        default=FIRST_LINES,
        metavar="N",
        help=f"how many lines of each body to show (default {FIRST_LINES})",
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
