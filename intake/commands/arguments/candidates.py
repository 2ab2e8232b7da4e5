"""What ``intake candidates`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "list candidates (one per person per vacancy); split or merge them"
FORMATS = ("table", "json", "csv", "xlsx")
STATUSES = ("new", "shortlisted", "rejected", "withdrawn", "hired")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters and format; or ``split APPLICATION`` / ``merge CANDIDATE CANDIDATE``."""
    parser.add_argument(
        "action",
        nargs="?",
        choices=("split", "merge"),
        help="split APPLICATION_ID: move one application to a candidate of its own; "
        "merge ID OTHER_ID: move every application of candidate OTHER_ID into ID",
    )
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help=argparse.SUPPRESS)
    parser.add_argument("--vacancy", metavar="REF", help="only this vacancy (its reference)")
    parser.add_argument("--status", choices=STATUSES, help="only candidates with this decision")
    done = parser.add_mutually_exclusive_group()
    done.add_argument("--complete", dest="complete", action="store_const", const=True)
    done.add_argument("--incomplete", dest="complete", action="store_const", const=False)
    parser.add_argument("--flag", metavar="CODE", help="only candidates with this flag")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    parser.add_argument("--by", metavar="NAME", help="split/merge: who corrects (default: you)")
