"""``intake summary``: per vacancy, the counts HR reports and the arrivals per day."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "per vacancy: counts, flags, acknowledgements, arrivals per day (chart)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The vacancy, the chart file and the format."""
    parser.add_argument("--vacancy", metavar="REF", help="only this vacancy")
    parser.add_argument("--chart", metavar="FILE", help="also draw the arrivals (.png or .html)")
    parser.add_argument("--format", choices=("table", "json"), default="table")


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the summary."""
    raise NotImplementedError("being built")
