"""A running daemon's config.toml rewritten by a test: a vacancy to add and applications to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from storage.models import Application, Message
from tests import candidate_files, messages
from tests.configs import VACANCIES, config_document

__all__ = [
    "NEW_VACANCY",
    "RELOADED",
    "Judged",
    "application_id",
    "config_with",
    "judged",
    "new_vacancy_application",
    "vacancy",
    "with_new_vacancy",
    "write",
]

RELOADED = "config reloaded"
NEW_VACANCY: dict[str, Any] = {
    "reference": "WCO/2026/EX-PR",
    "title": "Expert, Procurement Reform",
    "deadline": "2026-12-31",
    "subject_requires": ["vacancy"],
}

Judged = tuple[str | None, set[str]]


def config_with(
    folder: Path, database_url: str, vacancies: list[dict[str, Any]], **sections: dict[str, Any]
) -> dict[str, Any]:
    """The tests' config document with these vacancies; ``sections`` replace whole tables."""
    document = config_document(folder, database_url)
    document.update(sections)
    document["vacancies"] = vacancies
    maildir = folder / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    return document


def with_new_vacancy(document: dict[str, Any], *added: dict[str, Any]) -> dict[str, Any]:
    """The same document with NEW_VACANCY (or ``added``) added: what HR does on Monday."""
    return {**document, "vacancies": [*VACANCIES, *(added or (NEW_VACANCY,))]}


def vacancy(reference: str) -> dict[str, Any]:
    """Another vacancy like NEW_VACANCY, under ``reference``."""
    return {**NEW_VACANCY, "reference": reference, "title": f"Post {reference}"}


def write(path: Path, document: dict[str, Any], *, in_place: bool = False) -> None:
    """Write the file as an editor would: a new file renamed over the old one, or in place."""
    data = tomli_w.dumps(document).encode("utf-8")
    if in_place:
        path.write_bytes(data)
        return
    temporary = path.with_suffix(".toml.new")
    temporary.write_bytes(data)
    temporary.replace(path)


def new_vacancy_application(index: int, reference: str = NEW_VACANCY["reference"]) -> bytes:
    """An application whose subject names NEW_VACANCY (or ``reference``) by its reference."""
    return messages.application(
        sender=f"Candidate {index} <reload{index}@example.com>",
        subject=f"Application – {reference} – Candidate {index}",
        message_id=f"<reload-{index}@example.com>",
        # A CV only: the shipped letter names another vacancy, which would be taken instead.
        attachments=(("CV.pdf", "application/pdf", candidate_files.cv_pdf()),),
    )


def judged(sessions: sessionmaker[Session], index: int) -> Judged | None:
    """The stored application's vacancy and flag codes, None while it is not stored."""
    with sessions() as session:
        application = session.scalar(
            select(Application)
            .join(Message)
            .where(Message.message_id == f"<reload-{index}@example.com>")
            .options(selectinload(Application.flags))
        )
        if application is None:
            return None
        return application.vacancy, {flag.code for flag in application.flags}


def application_id(sessions: sessionmaker[Session], index: int) -> int:
    """The id of the stored application ``new_vacancy_application(index)``."""
    with sessions() as session:
        found = session.scalar(
            select(Application.id)
            .join(Message)
            .where(Message.message_id == f"<reload-{index}@example.com>")
        )
    assert found is not None
    return found
