"""What ``intake poll`` accepts: its line in ``intake --help`` (it takes no arguments)."""

from __future__ import annotations

import argparse

SUMMARY = "fetch and store every new message once"


def add_arguments(_parser: argparse.ArgumentParser) -> None:
    """None: the config says everything."""
