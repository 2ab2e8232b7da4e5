"""``intake erase``: delete every record of one person, on their request."""

from __future__ import annotations

import argparse
from functools import partial

from intake import personal_data
from intake.acks.addresses import plain_address
from intake.config import Config
from intake.errors import UsageError
from intake.exits import EXIT_OK
from intake.personal_data_report import done_lines, dry_run_lines, linked_line
from intake.runtime import runtime_for
from storage.erasure import erase_selection

SUMMARY = "delete every record of one email address (dry run unless --yes)"
#: The audit entry's scope: the address itself is personal data and is never recorded.
SCOPE = "one email address"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--email ADDRESS [--yes]``."""
    parser.add_argument("--email", metavar="ADDRESS", required=True)
    parser.add_argument("--yes", action="store_true", help="really erase (else: dry run)")


def run(args: argparse.Namespace, config: Config) -> int:
    """Erase, or say what an erase would delete."""
    address = plain_address(args.email)
    if address is None:
        raise UsageError("--email takes one plain email address, such as name@example.org")
    selector = partial(erase_selection, address=address)
    what = f"an erase of {address}"
    with runtime_for(config) as runtime:
        if args.yes:
            done = personal_data.carry_out(runtime, "erase", SCOPE, selector)
            lines = done_lines(what, done, [linked_line(done.deletion)])
        else:
            deletion = personal_data.preview(runtime, selector)
            lines = dry_run_lines(what, deletion, [linked_line(deletion)])
    print("\n".join(lines))
    return EXIT_OK
