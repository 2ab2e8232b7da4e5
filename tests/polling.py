"""Polls a FakeMailbox into the database and reads back what HR would see, for pipeline tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.hr.views import application_dicts
from intake.mailbox.fake import FakeMailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from storage.models import Flag


def poll_arrivals(
    config: Config, sessions: sessionmaker[Session], arrivals: Iterable[tuple[bytes, datetime]]
) -> None:
    """Deliver each (raw message, receipt time) to a FakeMailbox and poll it once, successfully."""
    mailbox = FakeMailbox()
    for raw, received_at in arrivals:
        mailbox.append(raw, received_at)
    report = poll_once(config, sessions, mailbox, progress=Progress(live=False))
    assert report.ok, report.error


def poll_applications(
    config: Config, sessions: sessionmaker[Session], arrivals: Iterable[tuple[bytes, datetime]]
) -> list[dict[str, Any]]:
    """Poll the arrivals once, and list the applications as JSON."""
    poll_arrivals(config, sessions, arrivals)
    with sessions() as session:
        return list(application_dicts(session))


def flag_evidence(sessions: sessionmaker[Session], application_id: int, code: str) -> str:
    """The evidence of one flag of one application; fails the test when it is not raised."""
    with sessions() as session:
        evidence = session.scalar(
            select(Flag.evidence).where(Flag.application_id == application_id, Flag.code == code)
        )
    assert evidence is not None, f"application {application_id} has no {code} flag"
    return evidence
