"""``intake applications``: list applications, filtered, sorted, as a table, JSON, CSV or xlsx."""

from __future__ import annotations

import argparse
import sys

from intake.config import Config
from intake.exits import EXIT_OK
from intake.output import write_rows
from intake.runtime import runtime_for
from intake.views import APPLICATION_COLUMNS, APPLICATION_TABLE_COLUMNS, application_dicts

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
    timing.add_argument("--late", dest="late", action="store_const", const=True, default=None)
    timing.add_argument("--on-time", dest="late", action="store_const", const=False)
    parser.add_argument("--relatives", choices=RELATIVES)
    parser.add_argument("--since", metavar="DATE", help="received on or after (YYYY-MM-DD[THH:MM])")
    parser.add_argument(
        "--until", metavar="DATE", help="received on or before (YYYY-MM-DD[THH:MM])"
    )
    parser.add_argument(
        "--search", metavar="TEXT", help="in the name, address, subject, body and documents"
    )
    parser.add_argument("--sort", default="received", metavar="KEY")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    parser.add_argument(
        "--with-documents",
        metavar="DIR",
        help="also export the listed applications' CVs and letters to DIR and link them",
    )


def run(args: argparse.Namespace, config: Config) -> int:
    """List the applications the filters select."""
    # Until the filters land: every application, as before.
    with runtime_for(config) as runtime, runtime.sessions() as session:
        columns = APPLICATION_TABLE_COLUMNS if args.format == "table" else APPLICATION_COLUMNS
        write_rows(application_dicts(session), columns, args.format, sys.stdout)
    return EXIT_OK
