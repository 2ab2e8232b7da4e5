"""``intake documents export``: a vacancy's CVs and letters as safely named files."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "export a vacancy's CVs and letters as files, with an index.csv"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``documents export --vacancy REF --to DIR``."""
    actions = parser.add_subparsers(dest="documents_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write every CV and letter of a vacancy to DIR")
    export.add_argument("--vacancy", metavar="REF", required=True)
    export.add_argument("--to", metavar="DIR", required=True, dest="directory")


def run(args: argparse.Namespace, config: Config) -> int:
    """Export the documents."""
    raise NotImplementedError("being built")
