"""Purges and erasures of personal data: what they take, doing it with its audit entry, and
removing the acknowledgement files written for the applications they delete."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy.orm import Session

from intake.acks.errors import AckError
from intake.acks.transport_file import file_stem
from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.errors import IntakeError
from storage.audit import DeletionCounts, record_deletion
from storage.database import write_transaction
from storage.erasure import Selection, linked_elsewhere, tombstone
from storage.errors import StorageError
from storage.scrub import scrub

log = logging.getLogger(__name__)

Selector = Callable[[Session], Selection]


@dataclass(frozen=True)
class Deletion:
    """What one purge or erasure takes, or in a dry run would take."""

    selection: Selection
    files: tuple[Path, ...]
    # Applications kept although linked to the taken ones as the same candidate (by name).
    linked: tuple[int, ...]

    @property
    def counts(self) -> DeletionCounts:
        """The numbers the report and the audit entry give."""
        return DeletionCounts(
            messages=len(self.selection.message_ids),
            applications=len(self.selection.application_ids),
            documents=self.selection.documents,
            acknowledgements=self.selection.acknowledgements,
            files=len(self.files),
        )


@dataclass(frozen=True)
class Done:
    """A deletion carried out: its audit entry and what happened to the database files."""

    deletion: Deletion
    audit_id: int
    cleanup: str
    cleaned: bool = True


def preview(runtime: Runtime, selector: Selector) -> Deletion:
    """What ``selector`` takes now; nothing is changed."""
    with runtime.sessions() as session:
        return _deletion(session, runtime.config, selector)


def carry_out(runtime: Runtime, action: str, scope: str, selector: Selector) -> Done:
    """Delete what ``selector`` takes and the acknowledgement files, writing the audit entry
    in the same transaction; then scrub the database files.

    The files go last before the commit: a file that cannot be deleted undoes the rest.
    """
    with write_transaction(runtime.sessions) as session:
        deletion = _deletion(session, runtime.config, selector)
        tombstone(session, deletion.selection)
        remove_files(deletion.files)
        audit_id = record_deletion(session, action, scope, deletion.counts)
    counts = deletion.counts
    log.info(
        "%s done (audit entry %d): %d messages, %d applications, %d documents, "
        "%d acknowledgements, %d files",
        action, audit_id, counts.messages, counts.applications, counts.documents,
        counts.acknowledgements, counts.files,
    )  # fmt: skip
    try:
        return Done(deletion, audit_id, scrub(runtime.engine))
    except StorageError as exc:  # the deletion is committed; only the clean-up is missing
        log.error("%s done, but the database files were not cleaned: %s", action, exc)
        cleanup = (
            f"error: the database files were not cleaned ({exc}); deleted data may remain in "
            "them: run the same command again to retry the clean-up"
        )
        return Done(deletion, audit_id, cleanup, cleaned=False)


def _deletion(session: Session, config: Config, selector: Selector) -> Deletion:
    selection = selector(session)
    return Deletion(
        selection=selection,
        files=acknowledgement_files(config, selection.acknowledgement_message_ids),
        linked=tuple(linked_elsewhere(session, selection.application_ids)),
    )


def acknowledgement_files(config: Config, message_ids: Sequence[str]) -> tuple[Path, ...]:
    """The ``.eml`` files the file transport wrote for these Message-IDs that exist now."""
    directory = config.acknowledgements.directory
    if directory is None:
        return ()
    stems = (_stem(message_id) for message_id in message_ids)
    paths = (directory / f"{stem}.eml" for stem in stems if stem)
    return tuple(path for path in paths if path.is_file())


def _stem(message_id: str) -> str:
    """The file name the file transport gives an acknowledgement with this Message-ID."""
    message = EmailMessage()
    try:
        message["Message-ID"] = message_id
        return file_stem(message)
    except (AckError, ValueError):  # no usable Message-ID: the transport wrote no file for it
        return ""


def remove_files(paths: Sequence[Path]) -> None:
    """Delete each file; one that cannot be deleted is an error naming it."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise IntakeError(f"cannot delete the acknowledgement file {path}: {exc}") from exc
