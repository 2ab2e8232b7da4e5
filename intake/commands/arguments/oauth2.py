"""What ``intake oauth2`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse
from pathlib import Path

SUMMARY = "oauth2 login: sign in with a code on any device; get the mailbox's refresh token"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``login [--section mailbox|smtp] (--write-token FILE [--force] | --print)``."""
    parser.add_argument("action", choices=("login",))
    parser.add_argument(
        "--section",
        choices=("mailbox", "smtp"),
        default="mailbox",
        help="whose OAuth2 settings to sign in with (default: mailbox)",
    )
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument(
        "--write-token", type=Path, metavar="FILE", help="write the refresh token here (0600)"
    )
    out.add_argument(
        "--print", dest="print_token", action="store_true", help="print it on standard output"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE when it exists")
    parser.set_defaults(awaiting_refresh_token=True)
