"""Finds what the same candidate sent before for the same vacancy (by address or by name)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Integer, and_, func, or_, select
from sqlalchemy.orm import Session

from storage.candidate_models import IdentityKey
from storage.models import Application, Document
from storage.records import EarlierApplications, NameProof


def earlier_applications(
    session: Session,
    vacancy: str,
    sender_key: str | None,
    name_key: str | None,
    received_at: datetime,
    before_id: int | None = None,
    proof: NameProof | None = None,
) -> EarlierApplications | None:
    """The candidate's applications to ``vacancy`` received no later than ``received_at``.

    With ``proof``, an application found by name alone (another address) counts only when
    it shares a document or an identity key with it (see ``same_candidate``).

    With ``before_id`` (an application read again), only those before that application in
    receipt order (received_at, id): it finds neither itself nor one received at the same
    moment but stored after it.
    """
    candidate = same_candidate(sender_key, name_key, proof)
    if candidate is None:
        return None
    earlier = (
        Application.vacancy == vacancy,
        _received_before(received_at, before_id),
        candidate,
    )
    summary = session.execute(
        select(
            func.count(Application.id),
            func.max(Application.has_cv.cast(Integer)),
            func.max(Application.has_letter.cast(Integer)),
        ).where(*earlier)
    ).one()
    if not summary[0]:
        return None
    latest = session.execute(
        select(Application.id, Application.received_at, Application.sender_key)
        .where(*earlier)
        .order_by(Application.received_at.desc(), Application.id.desc())
        .limit(1)
    ).one()
    return EarlierApplications(
        latest_id=latest.id,
        latest_received_at=latest.received_at,
        count=summary[0],
        has_cv=bool(summary[1]),
        has_letter=bool(summary[2]),
        matched_on="address" if sender_key and latest.sender_key == sender_key else "name",
    )


def same_candidate(
    sender_key: str | None, name_key: str | None, proof: NameProof | None = None
) -> ColumnElement[bool] | None:
    """Applications with the same address key or the same name key; None without either.

    With ``proof``, the same name from another address must also share a document (same
    SHA-256) or an identity key: two people of one common name send different CVs.
    """
    matches = [Application.sender_key == sender_key] if sender_key else []
    if name_key:
        by_name = Application.name_key == name_key
        matches.append(by_name if proof is None else and_(by_name, _backed(proof)))
    return or_(*matches) if matches else None


def _backed(proof: NameProof) -> ColumnElement[bool]:
    """Applications holding one of the proof's document hashes or identity keys."""
    shared_document = Application.id.in_(
        select(Document.application_id).where(Document.sha256.in_(proof.hashes or ("",)))
    )
    pairs = [
        and_(IdentityKey.kind == kind, IdentityKey.value == value) for kind, value in proof.keys
    ]
    if not pairs:
        return shared_document
    shared_key = Application.id.in_(select(IdentityKey.application_id).where(or_(*pairs)))
    return or_(shared_document, shared_key)


def _received_before(received_at: datetime, before_id: int | None) -> ColumnElement[bool]:
    if before_id is None:
        return Application.received_at <= received_at
    return or_(
        Application.received_at < received_at,
        and_(Application.received_at == received_at, Application.id < before_id),
    )


def later_applications(
    session: Session,
    vacancy: str,
    sender_key: str | None,
    name_key: str | None,
    application_id: int,
) -> int:
    """How many applications of the same candidate to ``vacancy`` come after this one in
    receipt order: they were judged without it."""
    candidate = same_candidate(sender_key, name_key)
    if candidate is None:
        return 0
    this = select(Application.received_at).where(Application.id == application_id)
    received_at = session.scalar(this)
    if received_at is None:
        return 0
    after = or_(
        Application.received_at > received_at,
        and_(Application.received_at == received_at, Application.id > application_id),
    )
    count = session.scalar(
        select(func.count(Application.id)).where(Application.vacancy == vacancy, after, candidate)
    )
    return count or 0
