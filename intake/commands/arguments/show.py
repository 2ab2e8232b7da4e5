"""What ``intake show`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "everything about one application: headers, documents, flags with evidence"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The application id and the format."""
    parser.add_argument("application_id", type=int, metavar="ID")
    parser.add_argument("--format", choices=("text", "json"), default="text")
