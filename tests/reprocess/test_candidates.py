"""Reading again groups applications stored before candidates existed, and keeps HR's splits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.hr.candidates.listing import candidate_dicts
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from intake.reprocess.applications import reprocess
from intake.reprocess.candidates import split
from storage.candidate_models import Candidate, IdentityKey
from storage.database import write_transaction
from tests.candidate_messages import cv_file, letter_file, sent
from tests.polling import poll_arrivals

MONDAY = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
MARIA = "Maria Fernández"


def test_reprocessing_groups_applications_stored_ungrouped_and_keeps_a_split(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    address = "maria.fernandez@example.com"
    raws = [sent(address, MARIA, (cv_file(MARIA),)), sent(address, MARIA, (letter_file(MARIA),))]
    poll_arrivals(
        config, sessions, [(raw, MONDAY + timedelta(days=i)) for i, raw in enumerate(raws)]
    )
    with write_transaction(sessions) as session:  # as a database upgraded to 0007 holds them
        session.execute(delete(Candidate))
        session.execute(delete(IdentityKey))
    analyser = Analyser(config, InlineExtractor(extraction_limits(config)))
    reprocess(analyser, sessions, None)
    with sessions() as session:
        [candidate] = list(candidate_dicts(session))
    assert candidate["complete"] is True
    with write_transaction(sessions) as session:
        split(session, candidate["applications"][1], "Anne")
    reprocess(analyser, sessions, None)
    with sessions() as session:
        assert session.scalar(select(func.count(Candidate.id))) == 2
        assert [item["complete"] for item in candidate_dicts(session)] == [False, False]
