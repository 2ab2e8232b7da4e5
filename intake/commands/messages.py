"""``intake messages``: every stored message with its disposition, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import sys

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK
from intake.hr.views import MESSAGE_COLUMNS, MESSAGE_TABLE_COLUMNS, message_dicts
from intake.output import write_rows


def run(args: argparse.Namespace, config: Config) -> int:
    """List the stored messages."""
    with runtime_for(config) as runtime, runtime.sessions() as session:
        columns = MESSAGE_TABLE_COLUMNS if args.format == "table" else MESSAGE_COLUMNS
        write_rows(message_dicts(session), columns, args.format, sys.stdout)
    return EXIT_OK
