"""The audit log of purges and erasures: written with the deletion it records, read for HR."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import AuditEntry


@dataclass(frozen=True)
class DeletionCounts:
    """How much one purge or erasure deleted (or, in a dry run, would delete)."""

    messages: int = 0
    applications: int = 0
    documents: int = 0
    acknowledgements: int = 0
    files: int = 0


@dataclass(frozen=True)
class AuditRecord:
    """One audit log row as read back."""

    id: int
    occurred_at: datetime
    action: str
    scope: str
    counts: DeletionCounts


def record_deletion(session: Session, action: str, scope: str, counts: DeletionCounts) -> int:
    """Add one audit row inside the caller's transaction (the deletion's own); its id."""
    entry = AuditEntry(
        action=action,
        scope=scope,
        messages=counts.messages,
        applications=counts.applications,
        documents=counts.documents,
        acknowledgements=counts.acknowledgements,
        files=counts.files,
    )
    session.add(entry)
    session.flush()
    return entry.id


def audit_records(session: Session) -> list[AuditRecord]:
    """Every audit row, oldest first."""
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.occurred_at, AuditEntry.id))
    return [
        AuditRecord(
            id=entry.id,
            occurred_at=entry.occurred_at,
            action=entry.action,
            scope=entry.scope,
            counts=DeletionCounts(
                messages=entry.messages,
                applications=entry.applications,
                documents=entry.documents,
                acknowledgements=entry.acknowledgements,
                files=entry.files,
            ),
        )
        for entry in entries
    ]
