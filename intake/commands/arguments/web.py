"""What ``intake web`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

SUMMARY = "serve the HR web console (docs/web.md)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--listen HOST:PORT]``."""
    parser.add_argument("--listen", metavar="HOST:PORT", help="default: [web] listen")
