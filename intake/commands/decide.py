"""``intake decide ID STATUS``: record HR's decision on a candidate, with who and when."""

from __future__ import annotations

import argparse

from intake.commands.candidates import operator_name
from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK
from intake.hr.candidates.decisions import decide
from storage.database import write_transaction


def run(args: argparse.Namespace, config: Config) -> int:
    """Append the decision to the candidate's history; it becomes the candidate's status."""
    by = args.by or operator_name()
    with runtime_for(config) as runtime, write_transaction(runtime.sessions) as session:
        decide(session, args.candidate_id, args.status, args.note, by)
    print(f"candidate {args.candidate_id}: {args.status} (by {by})")
    return EXIT_OK
