"""``intake decide ID STATUS``: record HR's decision on a candidate, with who and when."""

from __future__ import annotations

import argparse

from intake.commands.candidates import operator_name
from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK
from intake.hr.candidates.decisions import DECISIONS, decide
from storage.database import write_transaction

SUMMARY = "record a decision on a candidate: shortlisted, rejected, withdrawn or hired"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The candidate, the decision, a note and who decides."""
    parser.add_argument("candidate_id", type=int, metavar="ID")
    parser.add_argument("status", choices=DECISIONS)
    parser.add_argument("--note", metavar="TEXT", help="why, in a few words (kept with it)")
    parser.add_argument("--by", metavar="NAME", help="who decides (default: your login name)")


def run(args: argparse.Namespace, config: Config) -> int:
    """Append the decision to the candidate's history; it becomes the candidate's status."""
    by = args.by or operator_name()
    with runtime_for(config) as runtime, write_transaction(runtime.sessions) as session:
        decide(session, args.candidate_id, args.status, args.note, by)
    print(f"candidate {args.candidate_id}: {args.status} (by {by})")
    return EXIT_OK
