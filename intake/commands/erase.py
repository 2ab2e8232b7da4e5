"""``intake erase``: delete every record of one person, on their request."""

from __future__ import annotations

import argparse
from functools import partial

from intake.acks.addresses import own_addresses, plain_address
from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK, UsageError
from intake.hr.personal_data import deletion as personal_data
from intake.hr.personal_data.report import done_lines, dry_run_lines, linked_line
from storage.erasure import erase_selection

#: The audit entry's scope: the address itself is personal data and is never recorded.
SCOPE = "one email address"


def run(args: argparse.Namespace, config: Config) -> int:
    """Erase, or say what an erase would delete."""
    address = plain_address(args.email)
    if address is None:
        raise UsageError("--email takes one plain email address, such as name@example.org")
    if address in own_addresses(config):
        # Every bounce and auto-reply holds our own address: erasing it would empty them all.
        raise UsageError(f"--email {address} is the organisation's own address, not a person's")
    selector = partial(erase_selection, address=address)
    what = f"an erase of {address}"
    with runtime_for(config) as runtime:
        if args.yes:
            done = personal_data.carry_out(runtime, "erase", SCOPE, selector)
            lines = done_lines(what, done, [linked_line(done.deletion)])
            status = EXIT_OK if done.cleaned else EXIT_FAILED
        else:
            deletion = personal_data.preview(runtime, selector)
            status = EXIT_OK
            lines = dry_run_lines(what, deletion, [linked_line(deletion)])
    print("\n".join(lines))
    return status
