"""Decides where each exported document goes: one folder per candidate, one safe name per file.

Pure: it takes the records read from storage and returns the plan; nothing is written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from intake.hr.export.safe_names import FILE_NAME_BYTES, FOLDER_NAME_BYTES, UniqueNames, safe_name
from parsers.surnames import name_case
from storage.document_export import ExportApplication, ExportDocument

INDEX_NAME = "index.csv"
KIND_PREFIXES = {"cv": "cv", "motivation_letter": "letter"}
BODY_LETTER_KIND = "motivation_letter"
BODY_LETTER_ORIGINAL = "(email body)"
BODY_LETTER_NAME = "email body.txt"
LETTER_IN_BODY = "letter_in_body"
FOLDER_FALLBACK = "candidate"


@dataclass(frozen=True)
class PlannedFile:
    """One row of the index: a stored document or a letter written in the email body.

    ``name`` is the file's safe name inside ``folder``; None when the bytes were not stored,
    so there is no file to write (the index still lists the document).
    """

    application: ExportApplication
    document: ExportDocument | None  # None: the email body is the letter
    kind: str
    original_name: str
    folder: str
    name: str | None

    @property
    def path(self) -> str:
        """Where the file goes, relative to the export folder, ``/``-separated ("" if none)."""
        return f"{self.folder}/{self.name}" if self.name is not None else ""


def plan_export(
    applications: Sequence[ExportApplication],
    earlier: Mapping[int, int | None],
    documents: Iterable[ExportDocument],
) -> list[PlannedFile]:
    """Every file of the export, candidate by candidate in order of their first application
    id; ``earlier`` links each application to the earlier submission it resubmits."""
    by_application: dict[int, list[ExportDocument]] = {}
    for document in documents:
        by_application.setdefault(document.application_id, []).append(document)
    folders = UniqueNames(FOLDER_NAME_BYTES, taken=(INDEX_NAME,))
    planned: list[PlannedFile] = []
    for candidate in candidates(applications, earlier):
        folder = folders.claim(
            safe_name(folder_title(candidate), FOLDER_NAME_BYTES, FOLDER_FALLBACK)
        )
        names = UniqueNames(FILE_NAME_BYTES)
        for application in candidate:
            for document in by_application.get(application.id, ()):
                planned.append(_stored_file(application, document, folder, names))
            if LETTER_IN_BODY in application.flags:
                planned.append(_body_letter(application, folder, names))
    return planned


def candidates(
    applications: Sequence[ExportApplication], earlier: Mapping[int, int | None]
) -> list[list[ExportApplication]]:
    """The applications grouped by candidate (a chain of resubmissions is one candidate),
    each group by application id, the groups in order of their first application id."""
    groups: dict[int, list[ExportApplication]] = {}
    for application in sorted(applications, key=lambda one: one.id):
        groups.setdefault(_first_submission(application.id, earlier), []).append(application)
    return sorted(groups.values(), key=lambda group: group[0].id)


def folder_title(candidate: Sequence[ExportApplication]) -> str:
    """The candidate's name as the subject gave it, else as the sender's name, else the
    address, from the first application that has one; capitals put in name case."""
    for field in ("candidate_name", "sender_name"):
        for application in candidate:
            name: str | None = getattr(application, field)
            if name and name.strip():
                return name_case(name)
    return next((one.sender for one in candidate if one.sender), "")


def _first_submission(application_id: int, earlier: Mapping[int, int | None]) -> int:
    """The first application of the chain ``application_id`` belongs to."""
    seen = {application_id}
    current = application_id
    while (previous := earlier.get(current)) is not None and previous not in seen:
        seen.add(previous)
        current = previous
    return current


def _stored_file(
    application: ExportApplication, document: ExportDocument, folder: str, names: UniqueNames
) -> PlannedFile:
    name = None
    if document.stored:
        prefixed = f"{KIND_PREFIXES[document.kind]}-{safe_name(document.filename)}"
        name = names.claim(safe_name(prefixed))
    return PlannedFile(application, document, document.kind, document.filename, folder, name)


def _body_letter(application: ExportApplication, folder: str, names: UniqueNames) -> PlannedFile:
    name = names.claim(f"{KIND_PREFIXES[BODY_LETTER_KIND]}-{BODY_LETTER_NAME}")
    return PlannedFile(application, None, BODY_LETTER_KIND, BODY_LETTER_ORIGINAL, folder, name)
