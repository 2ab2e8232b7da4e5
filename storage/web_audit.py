"""The web console's audit log: one row per sign-in, download, decision, export or erasure."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.web_models import WebAuditEntry


def record_web_action(
    session: Session, action: str, username: str, target: str = "", address: str = ""
) -> None:
    """Add one row inside the caller's transaction; ``target`` holds ids, never candidate text."""
    session.add(
        WebAuditEntry(
            action=action, username=username[:255], target=target[:255], address=address[:64]
        )
    )


def web_actions(session: Session, action: str | None = None) -> list[WebAuditEntry]:
    """The rows, oldest first; only ``action``'s when given."""
    statement = select(WebAuditEntry).order_by(WebAuditEntry.id)
    if action is not None:
        statement = statement.where(WebAuditEntry.action == action)
    return list(session.scalars(statement))
