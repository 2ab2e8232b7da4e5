"""Flags raised after an application was stored (by the outbox, not by the rules)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Acknowledgement, Flag

#: Flags the outbox raises (intake.flag_codes.ACKNOWLEDGEMENT_UNSAFE): no rule raises them, so
#: reading an application again keeps them.
OUTBOX_FLAGS = frozenset({"acknowledgement_unsafe"})


def flag_acknowledged_application(
    session: Session, ack_id: int, code: str, evidence: str | None
) -> None:
    """Give the application of an outbox row the flag ``code`` (kept as it is when it has it)."""
    application_id = session.scalar(
        select(Acknowledgement.application_id).where(Acknowledgement.id == ack_id)
    )
    if application_id is None:
        return
    present = session.scalar(
        select(Flag.id).where(Flag.application_id == application_id, Flag.code == code)
    )
    if present is None:
        session.add(Flag(application_id=application_id, code=code, evidence=evidence))
