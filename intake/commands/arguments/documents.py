"""What ``intake documents`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "export a vacancy's CVs and letters as files, with an index.csv"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``documents export --vacancy REF --to DIR``."""
    actions = parser.add_subparsers(dest="documents_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write every CV and letter of a vacancy to DIR")
    export.add_argument("--vacancy", metavar="REF", required=True)
    export.add_argument("--to", metavar="DIR", required=True, dest="directory")
