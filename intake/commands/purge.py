"""``intake purge``: delete a vacancy's old applications, as the retention policy requires."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from functools import partial

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK, UsageError
from intake.hr.personal_data import deletion as personal_data
from intake.hr.personal_data.report import done_lines, dry_run_lines, receipt_line
from intake.hr.views import iso_utc
from storage.erasure import purge_selection, total_of_vacancy
from storage.models import utcnow

MOST_DAYS = 36_500  # a hundred years: any retention period, and always a valid date


def run(args: argparse.Namespace, config: Config) -> int:
    """Purge, or say what a purge would delete."""
    cutoff = purge_cutoff(args.older_than, utcnow())
    selector = partial(purge_selection, vacancy=args.vacancy, cutoff=cutoff)
    what = f"a purge of {args.vacancy} applications received before {iso_utc(cutoff)}"
    with runtime_for(config) as runtime:
        if args.yes:
            scope = f"{args.vacancy} before {iso_utc(cutoff)}"
            done = personal_data.carry_out(runtime, "purge", scope, selector)
            lines = done_lines(what, done, [receipt_line(done.deletion)])
            status = EXIT_OK if done.cleaned else EXIT_FAILED
        else:
            deletion = personal_data.preview(runtime, selector)
            status = EXIT_OK
            with runtime.sessions() as session:
                total = total_of_vacancy(session, args.vacancy)
            details = [receipt_line(deletion), _total_line(args.vacancy, total)]
            lines = dry_run_lines(what, deletion, details)
    print("\n".join(lines))
    return status


def purge_cutoff(days: int, now: datetime) -> datetime:
    """``now`` less ``days`` days, to the second; a negative or absurd number is a usage error."""
    if not 0 <= days <= MOST_DAYS:
        raise UsageError(f"--older-than takes a number of days from 0 to {MOST_DAYS}, not {days}")
    return (now - timedelta(days=days)).replace(microsecond=0)


def _total_line(vacancy: str, total: int) -> str:
    """How many applications the vacancy has in all; none often means a mistyped reference."""
    if total == 0:
        return f"  no application names the vacancy {vacancy}: check the reference"
    return f"  (of {total} applications for {vacancy})"
