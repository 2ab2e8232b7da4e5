"""What ``intake run`` accepts: its line in ``intake --help`` (it takes no arguments)."""

from __future__ import annotations

import argparse

SUMMARY = "run the daemon (polls on a schedule)"


def add_arguments(_parser: argparse.ArgumentParser) -> None:
    """None: the config says everything."""
