"""What ``intake acks`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

from intake.commands.arguments.formats import FORMATS

SUMMARY = "acknowledgements: list, retry, preview, send"
STATUSES = ("pending", "sent", "failed", "suppressed", "disabled")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``acks [--status S] [--format F]``, ``acks retry ID``, ``acks preview APPLICATION_ID``,
    ``acks send``."""
    parser.add_argument("--status", choices=STATUSES, help="only rows in this status")
    parser.add_argument("--format", choices=FORMATS, default="table")
    actions = parser.add_subparsers(dest="acks_action", metavar="ACTION")
    retry = actions.add_parser("retry", help="put a failed or suppressed row back to pending")
    retry.add_argument("ack_id", type=int, metavar="ID")
    preview = actions.add_parser(
        "preview", help="print an application's acknowledgement, decoded for reading"
    )
    preview.add_argument("application_id", type=int, metavar="APPLICATION_ID")
    preview.add_argument(
        "--raw", action="store_true", help="the message as sent (MIME, quoted-printable)"
    )
    actions.add_parser("send", help="send due acknowledgements now")
