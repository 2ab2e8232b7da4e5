"""HR's corrections of the grouping: split an application off, merge two candidates.

The links they write say who did it (``hr_split``/``hr_merge``), and reading the
applications again keeps them.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from intake.errors import UsageError
from intake.poll.grouping import rejudge, settle
from storage import candidate_store
from storage.candidate_models import Candidate, CandidateDecision
from storage.models import Application


def split(session: Session, application_id: int, by: str) -> int:
    """Move the application to a new candidate of its own; the new candidate's id."""
    application = session.get(Application, application_id)
    current = candidate_store.candidate_of(session, application_id)
    if application is None or current is None:
        raise UsageError(f"no grouped application with id {application_id}")
    if len(candidate_store.members(session, current.candidate_id)) == 1:
        raise UsageError(f"application {application_id} is already a candidate of its own")
    before = current.candidate_id
    reason = f"split from candidate {before} by {by}"
    candidate_id = candidate_store.link(session, application, None, "hr_split", reason)
    rejudge(session, candidate_id)
    settle(session, before)
    return candidate_id


def merge(session: Session, kept_id: int, merged_id: int, by: str) -> int:
    """Move every application (and decision) of ``merged_id`` into ``kept_id``, which stays."""
    kept, merged = session.get(Candidate, kept_id), session.get(Candidate, merged_id)
    if kept is None or merged is None or kept_id == merged_id:
        raise UsageError(f"merge needs two different candidates (got {kept_id} and {merged_id})")
    if kept.vacancy != merged.vacancy:
        raise UsageError(
            f"candidates {kept_id} and {merged_id} applied to different vacancies: not merged"
        )
    reason = f"merged from candidate {merged_id} by {by}"
    for application in candidate_store.members(session, merged_id):
        candidate_store.link(session, application, kept_id, "hr_merge", reason)
    session.execute(
        update(CandidateDecision)
        .where(CandidateDecision.candidate_id == merged_id)
        .values(candidate_id=kept_id),
        execution_options={"synchronize_session": False},
    )
    session.expire(merged)
    settle(session, merged_id)
    rejudge(session, kept_id)
    return kept_id
