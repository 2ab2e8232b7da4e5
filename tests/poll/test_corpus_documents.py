"""Every corpus PDF and DOCX, attached to a message, through one real poll and worker pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from benchmarks.corpus_poll import CORPUS, corpus_config, corpus_documents, poll_corpus
from intake.config.runtime import open_runtime
from storage.models import Document, Message
from tests.documents import missing_in_ci_fails

STATUSES = {"ok", "ocr", "no_text", "encrypted", "unsupported", "failed"}
MEMORY_CAP_MIB = 512

pytestmark = pytest.mark.slow


def test_every_corpus_document_is_stored_with_a_status_and_the_poll_finishes(
    tmp_path: Path,
) -> None:
    documents = corpus_documents()
    if not documents:
        missing_in_ci_fails(f"document corpus not found under {CORPUS} (shared/ beside the repo)")
    config = corpus_config(tmp_path, workers=2, seconds=30, memory_mib=MEMORY_CAP_MIB)
    run = poll_corpus(config, documents)
    assert run.report.ok, run.report.error
    assert run.report.fetched == len(documents)
    assert run.statuses.keys() <= STATUSES
    assert sum(run.statuses.values()) == len(documents)
    assert 0 < run.peak_worker_kib < MEMORY_CAP_MIB * 1024
    runtime = open_runtime(config, schema="require")
    try:
        with runtime.sessions() as session:
            dispositions = set(session.scalars(select(Message.disposition)))
            names = set(session.scalars(select(Document.filename)))
    finally:
        runtime.close()
    assert dispositions == {"application"}
    assert names == {path.name for path in documents}
