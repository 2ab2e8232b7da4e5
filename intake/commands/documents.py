"""``intake documents export``: a vacancy's CVs and letters as safely named files."""

from __future__ import annotations

import argparse
from pathlib import Path

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, UsageError
from intake.hr.export.documents import ExportOutcome, export_with_outcome
from storage.document_export import vacancy_application_ids


def run(args: argparse.Namespace, config: Config) -> int:
    """Export the vacancy's CVs and letters into the folder and say what went where."""
    with runtime_for(config) as runtime, runtime.sessions() as session:
        ids = vacancy_application_ids(session, args.vacancy)
        if not ids and args.vacancy not in {one.reference for one in config.vacancies}:
            raise UsageError(_unknown_vacancy(args.vacancy, config))
        outcome = export_with_outcome(session, ids, Path(args.directory))
    for line in summary_lines(args.vacancy, len(ids), outcome):
        print(line)
    return EXIT_OK


def summary_lines(vacancy: str, applications: int, outcome: ExportOutcome) -> list[str]:
    """What the export wrote, per kind, and where."""
    report = outcome.report
    files = report.files
    folders = {exported.path.split("/", 1)[0] for exported in files}
    letters = [one for one in files if one.kind == "motivation_letter"]
    from_body = sum(1 for one in letters if one.document_id is None)
    lines = [
        f"exported {_count(len(files), 'file')} of {_count(applications, 'application')}"
        f" for {vacancy} into {_count(len(folders), 'candidate folder')} in {report.directory}",
        f"  cv: {_count(len(files) - len(letters), 'file')}",
        f"  letter: {_count(len(letters), 'file')}"
        + (f" ({from_body} written from the email body)" if from_body else ""),
    ]
    if outcome.not_stored:
        lines.append(
            f"  not stored: {_count(len(outcome.not_stored), 'document')}"
            " (listed in the index without a file)"
        )
    lines.append(f"index: {report.index}")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _unknown_vacancy(vacancy: str, config: Config) -> str:
    configured = ", ".join(one.reference for one in config.vacancies) or "none"
    return (
        f"no applications for vacancy {vacancy!r} and no such vacancy in the config"
        f" (configured: {configured}); nothing was exported"
    )
