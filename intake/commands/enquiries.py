"""``intake enquiries``: the questions candidates asked HR, newest first, to be answered."""

from __future__ import annotations

import argparse
import sys

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, UsageError
from intake.hr.enquiries import (
    ENQUIRY_COLUMNS,
    ENQUIRY_TABLE_COLUMNS,
    enquiry_dicts,
)
from intake.hr.selection import start_of
from intake.output import write_rows


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the enquiries, newest first."""
    zone = config.organisation.timezone
    since = start_of(args.since, zone) if args.since else None
    if args.lines < 0:
        raise UsageError(f"--lines: {args.lines} is not a number of lines (0 or more)")
    table = args.format == "table"
    with runtime_for(config) as runtime, runtime.sessions() as session:
        write_rows(
            enquiry_dicts(session, zone, since, args.lines),
            ENQUIRY_TABLE_COLUMNS if table else ENQUIRY_COLUMNS,
            args.format,
            sys.stdout,
            details="first_lines" if table else None,
        )
    return EXIT_OK
