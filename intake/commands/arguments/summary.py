"""What ``intake summary`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "per vacancy: counts, flags, acknowledgements, arrivals per day (chart)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The vacancy, the chart file and the format."""
    parser.add_argument("--vacancy", metavar="REF", help="only this vacancy")
    parser.add_argument("--chart", metavar="FILE", help="also draw the arrivals (.png or .html)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--brief", action="store_true", help="counts only, no arrivals-per-day bars"
    )
