"""Reads and writes candidates: identity keys, links of applications, judgements, decisions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import ExecutableOption

from storage.batches import in_batches
from storage.candidate_models import Candidate, CandidateFlag, CandidateLink, IdentityKey
from storage.models import Application
from storage.records import FlagRecord


@dataclass(frozen=True)
class KeyRow:
    """An earlier application's fact that a new application shares."""

    candidate_id: int
    kind: str
    value: str
    name: str | None


def save_keys(
    session: Session, application_id: int, keys: Iterable[tuple[str, str]], new: bool = False
) -> None:
    """Replace the application's identity keys with ``keys`` (``new``: it has none yet)."""
    if not new:
        session.execute(delete(IdentityKey).where(IdentityKey.application_id == application_id))
    rows = [
        {"application_id": application_id, "kind": kind, "value": value[:998]}
        for kind, value in keys
    ]
    _insert_all(session, IdentityKey, rows)


def shared_keys(
    session: Session, application_id: int, vacancy: str | None, wanted: Iterable[tuple[str, str]]
) -> list[KeyRow]:
    """Grouped applications of ``vacancy`` (not this one) holding one of the ``wanted`` keys."""
    rows: list[KeyRow] = []
    same_vacancy = (
        Application.vacancy.is_(None) if vacancy is None else Application.vacancy == vacancy
    )
    for chunk in in_batches(list(wanted)):
        query = (
            select(
                CandidateLink.candidate_id,
                IdentityKey.kind,
                IdentityKey.value,
                func.coalesce(Application.candidate_name, Application.sender_name),
            )
            .join(CandidateLink, CandidateLink.application_id == IdentityKey.application_id)
            .join(Application, Application.id == IdentityKey.application_id)
            .where(tuple_(IdentityKey.kind, IdentityKey.value).in_(chunk))
            .where(IdentityKey.application_id != application_id, same_vacancy)
            .order_by(CandidateLink.candidate_id)
        )
        rows += [KeyRow(*row) for row in session.execute(query)]
    return rows


def new_candidate(session: Session, application: Application) -> Candidate:
    """A candidate made for this application (flushed: it has its id)."""
    candidate = Candidate(vacancy=application.vacancy, candidate_name=application.candidate_name)
    session.add(candidate)
    session.flush()
    return candidate


def link(
    session: Session,
    application: Application,
    candidate_id: int | None,
    matched_on: str,
    reason: str,
    new: bool = False,
) -> int:
    """Tie the application to ``candidate_id`` (or to a new candidate); replaces its old link
    (``new``: it has none yet)."""
    if candidate_id is None:
        candidate_id = new_candidate(session, application).id
    previous = None if new else session.get(CandidateLink, application.id)
    if previous is not None:
        session.delete(previous)
        session.flush()
    session.add(
        CandidateLink(
            application_id=application.id,
            candidate_id=candidate_id,
            matched_on=matched_on,
            reason=reason,
        )
    )
    session.flush()
    return candidate_id


def candidate_of_thread(session: Session, message_ids: Iterable[str]) -> int | None:
    """The candidate one of whose emails (or our acknowledgements of them) bears one of these
    Message-IDs, or None."""
    wanted = list(dict.fromkeys(message_ids))
    if not wanted:
        return None
    query = (
        select(CandidateLink.candidate_id)
        .join(IdentityKey, IdentityKey.application_id == CandidateLink.application_id)
        .where(IdentityKey.kind == "message_id", IdentityKey.value.in_(wanted))
        .order_by(CandidateLink.candidate_id)
        .limit(1)
    )
    return session.scalar(query)


def candidate_of(session: Session, application_id: int) -> CandidateLink | None:
    """The link of an application to its candidate, or None when it is not grouped."""
    return session.get(CandidateLink, application_id)


def members(session: Session, candidate_id: int, *options: ExecutableOption) -> list[Application]:
    """The candidate's applications in receipt order; ``options`` say how to load them."""
    query = (
        select(Application)
        .join(CandidateLink, CandidateLink.application_id == Application.id)
        .where(CandidateLink.candidate_id == candidate_id)
        .order_by(Application.received_at, Application.id)
        .options(*options)
    )
    return list(session.scalars(query))


def save_flags(
    session: Session, candidate: Candidate, flags: Iterable[FlagRecord], new: bool = False
) -> None:
    """Replace the candidate's flags (``new``: it has none yet)."""
    if not new:
        session.execute(delete(CandidateFlag).where(CandidateFlag.candidate_id == candidate.id))
    rows = [
        {"candidate_id": candidate.id, "code": flag.code, "evidence": flag.evidence}
        for flag in flags
    ]
    _insert_all(session, CandidateFlag, rows)


def _insert_all(
    session: Session, model: type[IdentityKey | CandidateFlag], rows: Sequence[Mapping[str, object]]
) -> None:
    # One statement for all rows, none of whose ids is needed: the unit of work would insert
    # them one at a time, each returning its id.
    if rows:
        session.execute(insert(model), rows)


def drop_if_empty(session: Session, candidate_id: int) -> bool:
    """Delete a candidate left without applications (after a move); True when deleted."""
    if members(session, candidate_id):
        return False
    candidate = session.get(Candidate, candidate_id)
    if candidate is not None:
        session.delete(candidate)
    return True
