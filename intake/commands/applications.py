"""``intake applications``: list applications, filtered, sorted, as a table, JSON, CSV or xlsx."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, UsageError
from intake.hr.export.links import LINKED_KINDS, DocumentLinks
from intake.hr.selection import query_from_args
from intake.hr.views import APPLICATION_COLUMNS, APPLICATION_TABLE_COLUMNS, application_dicts
from intake.output import replaced_atomically, write_rows
from storage.queries import ApplicationQuery, application_ids, vacancy_in_use

# Formats that can carry links to documents exported with the list.
LINKING_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Destination:
    """Where the listing goes, checked before the database is opened."""

    fmt: str
    output: Path | None
    documents: Path | None

    @property
    def folder(self) -> Path:
        """The folder the listing is in: links to documents are relative to it."""
        return self.output.parent if self.output else Path.cwd()


def run(args: argparse.Namespace, config: Config) -> int:
    """List the applications the filters select, in the format and place asked for."""
    query = query_from_args(args, config)
    destination = destination_of(args)
    with runtime_for(config) as runtime, runtime.sessions() as session:
        check_vacancy(session, query, config)
        links = export_documents(session, query, destination) if destination.documents else None
        count = write_listing(session, query, destination, config, links)
    if destination.output:
        print(f"wrote {count} application{'' if count == 1 else 's'} to {destination.output}")
    return EXIT_OK


def destination_of(args: argparse.Namespace) -> Destination:
    """The format, output file and document folder, or a UsageError naming the option."""
    output = Path(args.output) if args.output else None
    documents = Path(args.with_documents) if args.with_documents else None
    if args.format == "xlsx" and output is None:
        raise UsageError("--format xlsx writes a file: name it with --output FILE.xlsx")
    if documents and args.format not in LINKING_FORMATS:
        raise UsageError("--with-documents links the files from --format xlsx or csv")
    if output is not None:
        _check_output(output, documents)
    return Destination(args.format, output, documents)


def _check_output(output: Path, documents: Path | None) -> None:
    try:
        _check_output_path(output, documents)
    except OSError as exc:
        raise _unwritable(output, exc) from exc


def _unwritable(output: Path, exc: OSError) -> UsageError:
    return UsageError(f"--output: cannot write {output}: {exc.strerror or exc}")


def _check_output_path(output: Path, documents: Path | None) -> None:
    if output.is_dir():
        raise UsageError(f"--output: {output} is a folder; give a file name")
    folder = output.parent
    will_be_created = documents is not None and folder.absolute() == documents.absolute()
    if not folder.is_dir() and not will_be_created:
        raise UsageError(f"--output: the folder {folder} does not exist")


def check_vacancy(session: Session, query: ApplicationQuery, config: Config) -> None:
    """Refuse a vacancy reference that neither the config nor any application knows (a typo)."""
    if query.vacancy is None:
        return
    configured = [vacancy.reference for vacancy in config.vacancies]
    if query.vacancy not in configured and not vacancy_in_use(session, query.vacancy):
        raise UsageError(
            f"--vacancy: no vacancy '{query.vacancy}' (configured: {', '.join(configured)})"
        )


def export_documents(
    session: Session, query: ApplicationQuery, destination: Destination
) -> DocumentLinks:
    """Export the listed applications' CVs and letters; their links as the listing sees them."""
    from intake.hr.export.documents import export_documents as export
    from intake.hr.export.links import document_links

    assert destination.documents is not None
    report = export(session, application_ids(session, query), destination.documents)
    # Without --output the listing itself goes to stdout: this note must not land in it.
    note = sys.stdout if destination.output else sys.stderr
    print(f"exported {len(report.files)} documents to {report.directory}", file=note)
    return document_links(report, destination.folder)


def write_listing(
    session: Session,
    query: ApplicationQuery,
    destination: Destination,
    config: Config,
    links: DocumentLinks | None,
) -> int:
    """Write the listing where ``destination`` says; how many applications it holds."""
    if destination.output is None:
        counted = Counted(_with_paths(application_dicts(session, query), links))
        write_rows(counted, _columns(destination.fmt, links), destination.fmt, sys.stdout)
        return counted.count
    try:
        with replaced_atomically(destination.output) as temporary:
            return _write_file(session, query, destination.fmt, temporary, config, links)
    except OSError as exc:
        raise _unwritable(destination.output, exc) from exc


def _write_file(
    session: Session,
    query: ApplicationQuery,
    fmt: str,
    path: Path,
    config: Config,
    links: DocumentLinks | None,
) -> int:
    if fmt == "xlsx":
        from intake.hr.export.xlsx import write_workbook

        rows = application_dicts(session, query, evidence=True)
        return write_workbook(rows, path, config.organisation.timezone, links)
    counted = Counted(_with_paths(application_dicts(session, query), links))
    # A BOM lets Excel read a CSV's accents right; other formats are plain UTF-8.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    with path.open("w", encoding=encoding, newline="") as stream:
        write_rows(counted, _columns(fmt, links), fmt, stream)
    return counted.count


def _columns(fmt: str, links: DocumentLinks | None) -> tuple[str, ...]:
    columns = APPLICATION_TABLE_COLUMNS if fmt == "table" else APPLICATION_COLUMNS
    return columns + tuple(LINKED_KINDS.values()) if links else columns


def _with_paths(
    rows: Iterable[dict[str, Any]], links: DocumentLinks | None
) -> Iterator[dict[str, Any]]:
    """Each row with the paths of its exported CVs and letters, when documents were exported."""
    for row in rows:
        if links:
            for kind, column in LINKED_KINDS.items():
                row[column] = links.paths(row["id"], kind)
        yield row


class Counted:
    """Rows passed through unchanged, counted on the way."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self._rows:
            self.count += 1
            yield row
