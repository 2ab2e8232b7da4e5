"""Whether an application is the one that made its candidate's application complete: its
acknowledgement is then the short note saying so, not a second full acknowledgement."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from storage import candidate_store
from storage.models import Application


def completes_candidate(session: Session, application: Application) -> bool:
    """The candidate's messages received before this one lacked a CV or a letter in time, and
    with this one they have both (a late message completes nothing)."""
    link = candidate_store.candidate_of(session, application.id)
    if link is None:
        return False
    order = (application.received_at, application.id)
    before = [
        member
        for member in candidate_store.members(session, link.candidate_id)
        if (member.received_at, member.id) < order
    ]
    return bool(before) and not _complete(before) and _complete([*before, application])


def _complete(applications: Sequence[Application]) -> bool:
    """A CV and a letter among the messages that arrived in time."""
    in_time = [app for app in applications if app.late is not True]
    return any(app.has_cv for app in in_time) and any(app.has_letter for app in in_time)
