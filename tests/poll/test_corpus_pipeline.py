"""Every real-world message of the shared corpus goes through the whole pipeline to one row."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.mailbox.maildir import MaildirMailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from storage.models import Message

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "eml"


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"corpus missing at {CORPUS}", pytrace=False)
        pytest.skip(f"corpus missing at {CORPUS}: it lies in shared/ beside the repository")
    return sorted(path for path in CORPUS.rglob("*") if path.is_file())


def test_every_corpus_message_ends_as_exactly_one_stored_row(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    files = corpus_files()
    assert config.mailbox.path is not None
    names = {}
    for index, path in enumerate(files):
        name = f"{1_760_000_000 + index}.C{index}.corpus"
        (config.mailbox.path / "new" / name).write_bytes(path.read_bytes())
        names[name] = path
    started = time.monotonic()
    report = poll_once(
        config, sessions, MaildirMailbox(config.mailbox.path), progress=Progress(live=False)
    )
    elapsed = time.monotonic() - started
    assert report.ok, report.error
    with sessions() as session:
        stored = Counter(session.scalars(select(Message.uid)))
        dispositions = Counter(session.scalars(select(Message.disposition)))
    assert set(stored) == set(names)
    assert all(count == 1 for count in stored.values())
    print(f"\n{len(files)} corpus messages in {elapsed:.1f} s: {dict(dispositions)}")
