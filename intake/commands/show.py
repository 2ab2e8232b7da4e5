"""``intake show ID``: everything about one application, flags with their evidence."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "everything about one application: headers, documents, flags with evidence"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The application id and the format."""
    parser.add_argument("application_id", type=int, metavar="ID")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace, config: Config) -> int:
    """Print one application."""
    raise NotImplementedError("being built")
