"""``intake candidates``: one entry per person per vacancy; ``split`` and ``merge`` correct it."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, UsageError
from intake.flag_codes import FLAG_CODES
from intake.hr.candidates.listing import (
    CANDIDATE_COLUMNS,
    CANDIDATE_TABLE_COLUMNS,
    CandidateQuery,
    candidate_dicts,
)
from intake.hr.candidates.sheet import headings, sheet_rows
from intake.output import replaced_atomically, write_rows
from storage.database import write_transaction


def run(args: argparse.Namespace, config: Config) -> int:
    """List the candidates, or split / merge them."""
    if args.action is not None:
        return _correct(args, config)
    if args.ids:
        raise UsageError("candidates: ids are given only to 'split' or 'merge'")
    query = _query(args)
    if args.format == "xlsx" and not args.output:
        raise UsageError("--format xlsx writes a file: name it with --output FILE.xlsx")
    with runtime_for(config) as runtime, runtime.sessions() as session:
        items = list(candidate_dicts(session, query))
    if args.output:
        _write_file(Path(args.output), args.format, items, config)
        print(f"wrote {len(items)} candidate{'' if len(items) == 1 else 's'} to {args.output}")
    elif args.format == "csv":
        zone = config.organisation.timezone
        write_rows(sheet_rows(items, zone), headings(zone), "csv", sys.stdout)
    else:
        columns = CANDIDATE_COLUMNS if args.format == "json" else CANDIDATE_TABLE_COLUMNS
        write_rows(items, columns, args.format, sys.stdout)
    return EXIT_OK


def _query(args: argparse.Namespace) -> CandidateQuery:
    flag = args.flag.strip().lower() if args.flag else None
    if flag is not None and flag not in FLAG_CODES:
        raise UsageError(
            f"--flag: unknown flag code '{args.flag}' (known: {', '.join(FLAG_CODES)})"
        )
    return CandidateQuery(args.vacancy, args.status, args.complete, flag)


def _write_file(path: Path, fmt: str, items: list[dict[str, object]], config: Config) -> None:
    zone = config.organisation.timezone
    try:
        with replaced_atomically(path) as temporary:
            if fmt == "xlsx":
                from intake.hr.candidates.workbook import write_workbook

                write_workbook(temporary, items, zone)
                return
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                if fmt == "csv":
                    write_rows(sheet_rows(items, zone), headings(zone), "csv", stream)
                else:
                    write_rows(items, CANDIDATE_COLUMNS, fmt, stream)
    except OSError as exc:
        raise UsageError(f"--output: cannot write {path}: {exc.strerror or exc}") from exc


def _correct(args: argparse.Namespace, config: Config) -> int:
    """``split APPLICATION_ID`` or ``merge ID OTHER_ID``, in one transaction."""
    from intake.reprocess.candidates import merge, split

    wanted = 1 if args.action == "split" else 2
    if len(args.ids) != wanted:
        shape = "split APPLICATION_ID" if wanted == 1 else "merge ID OTHER_ID"
        raise UsageError(f"candidates {shape}: give exactly {wanted} id(s)")
    by = args.by or operator_name()
    with runtime_for(config) as runtime, write_transaction(runtime.sessions) as session:
        if args.action == "split":
            candidate_id = split(session, args.ids[0], by)
            print(f"application {args.ids[0]} is now candidate {candidate_id}")
        else:
            candidate_id = merge(session, args.ids[0], args.ids[1], by)
            print(f"candidate {args.ids[1]} merged into candidate {candidate_id}")
    return EXIT_OK


def operator_name() -> str:
    """Who runs the command: the account's login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
