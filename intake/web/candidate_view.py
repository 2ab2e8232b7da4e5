"""One candidate as its page shows it: messages, documents, flags, relatives, decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, defer, selectinload

from intake.config.deadlines import local_time
from intake.config.settings import Config
from intake.hr.candidates.listing import current_documents
from intake.hr.candidates.sheet import FLAG_WORDS, STATUS_WORDS
from intake.hr.users import WebAccount
from storage import candidate_store
from storage.candidate_models import Candidate, CandidateDecision, CandidateLink
from storage.models import Application, Document

BODY_EXCERPT = 1500
TEXT_PREVIEW = 1500


@dataclass(frozen=True)
class CandidateView:
    """Plain values for the template; the template escapes every one."""

    candidate: Candidate
    status_words: str
    messages: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    flags: list[dict[str, str]]
    relatives: list[dict[str, Any]]
    decisions: list[dict[str, Any]]


def readable_candidate(
    session: Session, candidate_id: int, account: WebAccount
) -> Candidate | None:
    """The candidate when it exists and ``account`` may read its vacancy."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None or not account.reads(candidate.vacancy):
        return None
    return candidate


def candidate_view(session: Session, candidate: Candidate, config: Config) -> CandidateView:
    """Everything the candidate page shows, in the organisation's time."""
    # The documents' bytes stay in the database: the page shows their text, a link fetches them.
    documents = selectinload(Application.documents).options(defer(Document.content))
    members = candidate_store.members(session, candidate.id, documents)
    zone = config.organisation.timezone
    return CandidateView(
        candidate=candidate,
        status_words=STATUS_WORDS.get(candidate.status, candidate.status),
        messages=[_message(session, app, zone) for app in members],
        documents=[_document(app, doc) for app, doc in current_documents(members)],
        flags=[_flag(flag.code, flag.evidence) for flag in candidate.flags],
        relatives=[
            {"application": app.id, "evidence": app.relatives_evidence}
            for app in members
            if app.relatives_evidence
        ],
        decisions=[_decision(item, zone) for item in reversed(candidate.decisions)],
    )


def _flag(code: str, evidence: str | None) -> dict[str, str]:
    return {"code": code, "words": FLAG_WORDS.get(code, code), "evidence": evidence or ""}


def _decision(item: CandidateDecision, zone: ZoneInfo) -> dict[str, str]:
    when = local_time(item.decided_at, zone)
    return {"status": item.status, "note": item.note or "", "by": item.decided_by, "when": when}


def _message(session: Session, app: Application, zone: ZoneInfo) -> dict[str, Any]:
    link = session.get(CandidateLink, app.id)
    body = app.body_text or ""
    return {
        "id": app.id,
        "when": local_time(app.received_at, zone),
        "sender": app.sender or "",
        "subject": app.subject or "",
        "joined": link.reason if link else "",
        "body": body[:BODY_EXCERPT],
        "cut": len(body) > BODY_EXCERPT,
    }


def _document(app: Application, doc: Document) -> dict[str, Any]:
    text = doc.text or ""
    return {
        "id": doc.id,
        "application": app.id,
        "filename": doc.filename,
        "kind": doc.kind,
        "language": doc.language or "unknown",
        "pages": doc.pages,
        "status": doc.status or "not read",
        "size": doc.size,
        "preview": text[:TEXT_PREVIEW],
        "cut": len(text) > TEXT_PREVIEW,
    }
