"""HR's decisions on a candidate: appended to the history, the latest is the status."""

from __future__ import annotations

from sqlalchemy.orm import Session

from intake.errors import UsageError
from intake.hr.choices import DECISIONS
from storage.candidate_models import Candidate, CandidateDecision

__all__ = ["DECISIONS", "decide"]  # DECISIONS is defined light, in intake.hr.choices


def decide(session: Session, candidate_id: int, status: str, note: str | None, by: str) -> None:
    """Record ``status`` for the candidate, with who decided and an optional note."""
    if status not in DECISIONS:
        raise UsageError(f"unknown decision '{status}' (known: {', '.join(DECISIONS)})")
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise UsageError(f"no candidate with id {candidate_id}")
    session.add(
        CandidateDecision(candidate_id=candidate_id, status=status, note=note, decided_by=by)
    )
    candidate.status = status
