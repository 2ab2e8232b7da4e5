"""What ``intake decide`` accepts: its line in ``intake --help`` and its arguments."""

from __future__ import annotations

import argparse

from intake.hr.choices import DECISIONS

SUMMARY = "record a decision on a candidate: shortlisted, rejected, withdrawn or hired"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The candidate, the decision, a note and who decides."""
    parser.add_argument("candidate_id", type=int, metavar="ID")
    parser.add_argument("status", choices=DECISIONS)
    parser.add_argument("--note", metavar="TEXT", help="why, in a few words (kept with it)")
    parser.add_argument("--by", metavar="NAME", help="who decides (default: your login name)")
