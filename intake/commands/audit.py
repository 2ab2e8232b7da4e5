"""``intake audit``: the log of purges and erasures (it holds no personal data)."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "the audit log of purges and erasures"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format F``."""
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the audit log."""
    raise NotImplementedError("being built")
