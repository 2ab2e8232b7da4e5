"""``intake candidate ID``: everything about one candidate on one screen (or as JSON)."""

from __future__ import annotations

import argparse
import json
import sys

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, IntakeError
from intake.hr.candidates.detail import candidate_lines
from intake.hr.candidates.listing import CandidateQuery, candidate_dicts

LARGEST_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


def run(args: argparse.Namespace, config: Config) -> int:
    """Print one candidate; an id with no candidate is an error (exit 1)."""
    found: list[str] | dict[str, object] | None = None
    if 0 < args.candidate_id <= LARGEST_ID:
        with runtime_for(config) as runtime, runtime.sessions() as session:
            if args.format == "json":
                query = CandidateQuery(candidate_id=args.candidate_id)
                found = next(iter(candidate_dicts(session, query)), None)
            else:
                found = candidate_lines(session, args.candidate_id, config)
    if found is None:
        raise IntakeError(f"no candidate with id {args.candidate_id}")
    if isinstance(found, dict):
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in found))
    return EXIT_OK
