"""``intake reprocess``: read and judge stored messages again after a config or rule change."""

from __future__ import annotations

import argparse

from intake.config import Config

SUMMARY = "parse and judge stored applications again (no mailbox, no acknowledgements)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--vacancy REF`` or ``--all``."""
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--vacancy", metavar="REF")
    which.add_argument("--all", action="store_true")


def run(args: argparse.Namespace, config: Config) -> int:
    """Reprocess the chosen applications."""
    raise NotImplementedError("being built")
