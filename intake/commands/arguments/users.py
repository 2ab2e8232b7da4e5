"""What ``intake users`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

from intake.hr.choices import ROLES

SUMMARY = "the web console's users: add, list or remove (roles admin, hr, panel)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``add NAME --role R [--vacancy REF ...] [--email ADDRESS]
    [--password-env VAR | --password-stdin | --no-password]``, ``list``, ``remove NAME``."""
    parser.add_argument("action", choices=("add", "list", "remove"))
    parser.add_argument("name", nargs="?", metavar="NAME")
    parser.add_argument("--role", choices=ROLES, help="add: admin, hr or panel")
    parser.add_argument(
        "--vacancy", action="append", default=[], metavar="REF", help="add: a panel's vacancy"
    )
    parser.add_argument(
        "--email",
        metavar="ADDRESS",
        help="add: the address an OpenID Connect provider ([[web.oidc]]) signs this user in by",
    )
    given = parser.add_mutually_exclusive_group()
    given.add_argument(
        "--password-env", metavar="VAR", help="add: the password is in environment variable VAR"
    )
    given.add_argument(
        "--password-stdin", action="store_true", help="add: read the password from stdin"
    )
    given.add_argument(
        "--no-password",
        action="store_true",
        help="add: no password; the user signs in only through OpenID Connect, by --email",
    )
