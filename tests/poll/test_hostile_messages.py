"""Hostile attachments through a real poll and worker pool: all stored, flagged, memory capped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config
from intake.mailbox.fake import FakeMailbox
from intake.poll.analysis import Analyser
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from intake.poll.workers import WorkerPoolExtractor, pooled_extractor
from storage.models import Application, Message
from tests import candidate_files, messages
from tests.configs import make_config
from tests.documents import docx_zip_bomb_bytes, looping_pdf_bytes

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
MEMORY_CAP_MIB = 512
OCTET = "application/octet-stream"


@pytest.fixture
def hostile_runtime(tmp_path: Path) -> Iterator[Runtime]:
    config = make_config(
        tmp_path,
        f"sqlite:///{tmp_path / 'intake.db'}",
        overrides={
            "extraction": {"workers": 2},
            "limits": {"extraction_seconds": 20, "extraction_memory_mib": MEMORY_CAP_MIB},
        },
    )
    runtime = open_runtime(config)
    yield runtime
    runtime.close()


@pytest.fixture
def extractor(hostile_runtime: Runtime) -> Iterator[WorkerPoolExtractor]:
    pool = pooled_extractor(hostile_runtime.config)
    yield pool
    pool.close()


def poll(
    config: Config, sessions: sessionmaker[Session], mailbox: FakeMailbox, pool: WorkerPoolExtractor
) -> int:
    report = poll_once(
        config, sessions, mailbox, progress=Progress(live=False), analyser=Analyser(config, pool)
    )
    assert report.ok, report.error
    return report.fetched


def stored(sessions: sessionmaker[Session], message_id: str) -> Application:
    with sessions() as session:
        message = session.scalars(select(Message).where(Message.message_id == message_id)).one()
        assert message.disposition == "application", message.error
        assert message.application is not None
        application = message.application
        _ = application.documents, application.flags  # load before the session closes
        return application


@pytest.mark.slow
def test_hostile_attachments_are_stored_flagged_and_memory_stays_capped(
    hostile_runtime: Runtime, extractor: WorkerPoolExtractor
) -> None:
    config, sessions = hostile_runtime.config, hostile_runtime.sessions
    cv = ("cv.pdf", "application/pdf", candidate_files.cv_pdf())
    mailbox = FakeMailbox()
    mailbox.append(
        messages.application(
            message_id="<bomb@x>",
            attachments=(("CV.docx", OCTET, docx_zip_bomb_bytes()), cv),
        ),
        RECEIVED,
    )
    mailbox.append(
        messages.application(
            message_id="<loop@x>",
            attachments=(("letter.pdf", OCTET, looping_pdf_bytes()), cv),
        ),
        RECEIVED,
    )
    mailbox.append(
        messages.application(
            message_id="<big@x>", attachments=(("portfolio.pdf", OCTET, b"%PDF" * (13 * 10**6)), cv)
        ),
        RECEIVED,
    )
    many = tuple((f"page{i}.txt", "text/plain", f"page {i}".encode()) for i in range(300))
    mailbox.append(messages.application(message_id="<many@x>", attachments=many), RECEIVED)
    assert poll(config, sessions, mailbox, extractor) == 4

    bomb = stored(sessions, "<bomb@x>")
    assert bomb.documents[0].status == "failed"
    assert "unreadable_document" in [flag.code for flag in bomb.flags]

    loop = stored(sessions, "<loop@x>")
    assert loop.documents[0].status in {"failed", "ok", "no_text"}

    big = stored(sessions, "<big@x>")
    assert "oversized" in [flag.code for flag in big.flags]

    crowd = stored(sessions, "<many@x>")
    assert len(crowd.documents) == 300
    statuses = [document.status for document in crowd.documents]
    assert statuses.count("rejected") == 300 - config.limits.max_attachments
    assert "oversized" in [flag.code for flag in crowd.flags]

    assert 0 < extractor.peak_worker_rss_kib < MEMORY_CAP_MIB * 1024
