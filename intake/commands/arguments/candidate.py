"""What ``intake candidate`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "everything about one candidate: messages, documents, flags in words, decisions"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The candidate id and the format."""
    parser.add_argument("candidate_id", type=int, metavar="ID")
    parser.add_argument("--format", choices=("text", "json"), default="text")
