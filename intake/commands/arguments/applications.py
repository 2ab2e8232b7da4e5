"""What ``intake applications`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "list applications (filters; table, json, csv or xlsx)"
FORMATS = ("table", "json", "csv", "xlsx")
RELATIVES = ("declared", "denied", "none")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters, the sort order, the format and where to write it."""
    parser.add_argument("--vacancy", metavar="REF", help="only this vacancy (its reference)")
    parser.add_argument(
        "--flag", action="append", default=[], metavar="CODE", help="has this flag (repeatable)"
    )
    parser.add_argument(
        "--no-flag",
        action="append",
        default=[],
        metavar="CODE",
        help="does not have this flag (repeatable)",
    )
    timing = parser.add_mutually_exclusive_group()
    timing.add_argument(
        "--late",
        dest="late",
        action="store_const",
        const=True,
        default=None,
        help="received after the vacancy's deadline",
    )
    timing.add_argument(
        "--on-time",
        dest="late",
        action="store_const",
        const=False,
        help="received by the vacancy's deadline",
    )
    parser.add_argument("--relatives", choices=RELATIVES, help="what the candidate declared")
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="received on or after (YYYY-MM-DD: from the start of that day, organisation time)",
    )
    parser.add_argument(
        "--until",
        metavar="DATE",
        help="received on or before (YYYY-MM-DD: to the end of that day, organisation time)",
    )
    parser.add_argument(
        "--search", metavar="TEXT", help="in the name, address, subject, body and documents"
    )
    parser.add_argument(
        "--sort",
        default="received",
        metavar="KEY",
        help="received (default), name, sender, vacancy, id or flags; --sort=-KEY for descending",
    )
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    parser.add_argument(
        "--with-documents",
        metavar="DIR",
        help="also export the listed applications' CVs and letters to DIR and link them",
    )
