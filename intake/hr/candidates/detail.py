"""One candidate on one screen: messages in time order, documents, evidence, flags, decisions."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from intake.config.deadlines import local_time
from intake.config.settings import Config
from intake.hr.candidates.listing import current_documents
from intake.hr.candidates.sheet import FLAG_WORDS, STATUS_WORDS
from intake.hr.choices import FIRST_LINES
from intake.hr.enquiries import candidate_enquiries, first_lines
from intake.terminal_text import safe_line
from storage import candidate_store
from storage.candidate_models import Candidate, CandidateLink
from storage.models import Application


def candidate_lines(session: Session, candidate_id: int, config: Config) -> list[str] | None:
    """The screen for one candidate, every stranger's text cleaned; None when there is none."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        return None
    members = candidate_store.members(session, candidate_id)
    return [
        *_heading(candidate, members),
        "",
        "Messages (oldest first):",
        *_messages(session, members, config),
        *_enquiries(session, candidate_id, members, config),
        "",
        "Documents that stand (a CV or letter sent again replaces the earlier one):",
        *_documents(members),
        *_relatives(members),
        "",
        "Flags:",
        *_flags(candidate),
        "",
        "Decisions:",
        *_decisions(candidate, config),
    ]


def _heading(candidate: Candidate, members: list[Application]) -> list[str]:
    senders = ", ".join(dict.fromkeys(app.sender or "(none)" for app in members))
    late = "unknown" if candidate.late is None else ("yes" if candidate.late else "no")
    return [
        f"Candidate {candidate.id}: {safe_line(candidate.candidate_name or '(no name given)')}",
        f"Vacancy: {safe_line(candidate.vacancy or '(not recognised)')}",
        f"Status: {STATUS_WORDS.get(candidate.status, candidate.status)}",
        f"Complete: {'yes' if candidate.complete else 'no'}    Late: {late}"
        f"    Relatives: {candidate.relatives}",
        f"Addresses: {safe_line(senders)}",
    ]


def _messages(session: Session, members: list[Application], config: Config) -> Iterator[str]:
    zone = config.organisation.timezone
    for app in members:
        link = session.get(CandidateLink, app.id)
        joined = f"joined: {safe_line(link.reason)}" if link else ""
        yield f"  application {app.id}  {local_time(app.received_at, zone)}"
        yield f"    from {safe_line(app.sender)}  subject: {safe_line(app.subject)}"
        yield f"    {joined}"


def _enquiries(
    session: Session, candidate_id: int, members: list[Application], config: Config
) -> Iterator[str]:
    """The questions sent in reply to the candidate's emails or our acknowledgements."""
    if not members:
        return
    found = candidate_enquiries(session, candidate_id, members[0].received_at)
    if found:
        yield ""
        yield "Questions in reply (enquiries, not applications):"
    for message in found:
        when = local_time(message.received_at, config.organisation.timezone)
        yield f"  message {message.id}  {when}  from {safe_line(message.sender)}"
        yield from (f"    {line}" for line in first_lines(message.raw, FIRST_LINES))


def _documents(members: list[Application]) -> Iterator[str]:
    standing = current_documents(members)
    if not standing:
        yield "  (none)"
    for app, doc in standing:
        pages = f", {doc.pages} page(s)" if doc.pages else ""
        yield (
            f"  {safe_line(doc.filename)}: {doc.kind}, language {doc.language or 'unknown'}"
            f"{pages}, {doc.status or 'not read'} (application {app.id})"
        )


def _relatives(members: list[Application]) -> Iterator[str]:
    said = [app for app in members if app.relatives_evidence]
    if said:
        yield ""
        yield "Relatives (the candidate's own words):"
    for app in said:
        yield f"  application {app.id}: {safe_line(app.relatives_evidence)}"


def _flags(candidate: Candidate) -> Iterator[str]:
    if not candidate.flags:
        yield "  (none)"
    for flag in candidate.flags:
        words = FLAG_WORDS.get(flag.code, flag.code)
        yield f"  {flag.code} ({words}): {safe_line(flag.evidence or '')}"


def _decisions(candidate: Candidate, config: Config) -> Iterator[str]:
    if not candidate.decisions:
        yield "  (none yet)"
    for decision in candidate.decisions:
        when = local_time(decision.decided_at, config.organisation.timezone)
        note = f": {safe_line(decision.note)}" if decision.note else ""
        yield f"  {when}  {decision.status} by {safe_line(decision.decided_by)}{note}"
