"""``intake show ID``: everything about one application, flags with their evidence."""

from __future__ import annotations

import argparse
import json
import sys

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, IntakeError
from intake.hr.application.detail import detail_dict
from intake.hr.application.text import detail_lines
from storage.application_detail import load_application_detail

LARGEST_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


def run(args: argparse.Namespace, config: Config) -> int:
    """Print one application; an id with no application is an error (exit 1)."""
    detail = None
    if 0 < args.application_id <= LARGEST_ID:  # a larger number overflows the database's integer
        with runtime_for(config) as runtime, runtime.sessions() as session:
            detail = load_application_detail(session, args.application_id)
    if detail is None:
        raise IntakeError(f"no application with id {args.application_id}")
    if args.format == "json":
        json.dump(detail_dict(detail, config), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in detail_lines(detail, config)))
    return EXIT_OK
