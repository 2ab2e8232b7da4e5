"""The pipeline on both databases with the shipped FakeMailbox: nothing lost, nothing twice."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config
from intake.errors import MailboxError
from intake.mailbox.fake import FakeMailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from storage.database import create_database_engine
from storage.models import Application, Document, Flag, MailboxState, Message
from tests import messages
from tests.configs import make_config

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)


def poll(config: Config, sessions: sessionmaker[Session], mailbox: FakeMailbox) -> Counter[str]:
    report = poll_once(config, sessions, mailbox, progress=Progress(live=False))
    assert report.ok, report.error
    return report.dispositions


def message_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(Message)) or 0


def dispositions(sessions: sessionmaker[Session]) -> Counter[str]:
    with sessions() as session:
        return Counter(session.scalars(select(Message.disposition)))


def test_every_kind_of_message_gets_its_disposition(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    for raw in (
        messages.application(),
        messages.auto_reply(),
        messages.bulk(),
        messages.bounce(),
        messages.enquiry(),
    ):
        mailbox.append(raw, RECEIVED)
    poll(config, sessions, mailbox)
    assert dispositions(sessions) == Counter(
        application=1, auto_reply=1, bulk=1, bounce=1, enquiry=1
    )


def test_application_row_keeps_sender_subject_time_and_documents(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    mailbox.append(messages.application(message_id="<app-1@example.com>"), RECEIVED)
    poll(config, sessions, mailbox)
    with sessions() as session:
        application = session.scalars(select(Application)).one()
        assert application.sender == "maria.fernandez@example.com"
        assert application.subject is not None
        assert application.subject.startswith("Application – Deputy Director")
        assert application.received_at == RECEIVED
        assert application.message.message_id == "<app-1@example.com>"
        assert [doc.filename for doc in application.documents] == [
            "CV Maria Fernandez.pdf",
            "Motivation letter.docx",
        ]
        assert (application.documents[0].content or b"").startswith(b"%PDF")
        assert application.acknowledgement is not None
        # The poll ends by sending what it queued (the file transport, here).
        assert application.acknowledgement.status == "sent"


def test_second_poll_stores_nothing_new(config: Config, sessions: sessionmaker[Session]) -> None:
    mailbox = FakeMailbox()
    for index in range(20):
        mailbox.append(messages.application(message_id=f"<m{index}@example.com>"), RECEIVED)
    poll(config, sessions, mailbox)
    fetched_before = mailbox.bodies_fetched
    assert poll(config, sessions, mailbox) == Counter()
    assert message_count(sessions) == 20
    assert mailbox.bodies_fetched == fetched_before


def test_watermark_advances_with_each_stored_message(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox(uidvalidity=77)
    for index in range(3):
        mailbox.append(messages.application(message_id=f"<w{index}@example.com>"), RECEIVED)
    poll(config, sessions, mailbox)
    with sessions() as session:
        state = session.scalars(select(MailboxState)).one()
    assert (state.uidvalidity, state.last_uid) == (77, 3)


def test_same_message_appended_twice_gives_one_application_and_one_duplicate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    raw = messages.application(message_id="<twice@example.com>")
    mailbox.append(raw, RECEIVED)
    mailbox.append(raw, RECEIVED)
    poll(config, sessions, mailbox)
    assert dispositions(sessions) == Counter(application=1, duplicate=1)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 1


def test_redelivery_with_new_trace_headers_is_a_duplicate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    raw = messages.application(message_id="<relayed@example.com>")
    mailbox.append(raw, RECEIVED)
    mailbox.append(b"Received: from mx2.example.org by mx.example.org; Mon\r\n" + raw, RECEIVED)
    poll(config, sessions, mailbox)
    assert dispositions(sessions) == Counter(application=1, duplicate=1)


def test_same_message_id_with_different_content_is_not_a_duplicate(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    mailbox.append(messages.application(message_id="<same@example.com>", body="one"), RECEIVED)
    mailbox.append(messages.application(message_id="<same@example.com>", body="two"), RECEIVED)
    poll(config, sessions, mailbox)
    assert dispositions(sessions) == Counter(application=2)


def test_recreated_folder_with_new_uidvalidity_adds_no_rows(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    raws = [messages.application(message_id=f"<r{index}@example.com>") for index in range(10)]
    duplicate_copy = raws[0]
    for raw in [*raws, duplicate_copy]:
        mailbox.append(raw, RECEIVED)
    poll(config, sessions, mailbox)
    assert message_count(sessions) == 11
    mailbox.recreate()
    for raw in [*raws, duplicate_copy]:
        mailbox.append(raw, RECEIVED)
    poll(config, sessions, mailbox)
    assert message_count(sessions) == 11
    assert dispositions(sessions) == Counter(application=10, duplicate=1)
    with sessions() as session:
        keys = set(session.execute(select(Message.uidvalidity, Message.uid)))
    assert keys == {(mailbox.uidvalidity, str(uid)) for uid in range(1, 12)}


@pytest.mark.parametrize("name", sorted(messages.MALFORMED))
def test_malformed_message_is_stored_never_fatal(
    config: Config, sessions: sessionmaker[Session], name: str
) -> None:
    mailbox = FakeMailbox()
    mailbox.append(messages.MALFORMED[name], RECEIVED)
    mailbox.append(messages.application(message_id="<after-bad@example.com>"), RECEIVED)
    poll(config, sessions, mailbox)
    assert message_count(sessions) == 2
    with sessions() as session:
        bad = session.scalars(select(Message).order_by(Message.id)).first()
        assert bad is not None
        assert bad.raw == messages.MALFORMED[name]
        assert bad.disposition in {"application", "enquiry", "quarantined"}
        if bad.disposition == "quarantined":
            assert bad.error


@contextmanager
def limited_runtime(tmp_path: Path, database_url: str, limits: dict[str, int]) -> Iterator[Runtime]:
    runtime = open_runtime(make_config(tmp_path, database_url, {"limits": limits}))
    yield runtime
    runtime.close()


def test_message_over_the_size_limit_is_stored_whole_and_flagged(
    tmp_path: Path, database_url: str
) -> None:
    with limited_runtime(tmp_path, database_url, {"max_message_bytes": 4096}) as runtime:
        check_oversized_message(runtime)


def check_oversized_message(runtime: Runtime) -> None:
    config = runtime.config
    mailbox = FakeMailbox()
    big = messages.application(attachments=(("cv.pdf", "application/pdf", b"x" * 10_000),))
    mailbox.append(big, RECEIVED)
    poll(config, runtime.sessions, mailbox)
    with runtime.sessions() as session:
        message = session.scalars(select(Message)).one()
        assert message.raw == big
        assert message.disposition == "application"
        flag = session.scalars(select(Flag)).one()
        assert flag.code == "oversized"
        assert "max_message_bytes" in (flag.evidence or "")
        assert session.scalar(select(func.count()).select_from(Document)) == 0


def test_attachment_over_the_limit_is_stored_rejected_and_flagged(
    tmp_path: Path, database_url: str
) -> None:
    with limited_runtime(tmp_path, database_url, {"max_attachment_bytes": 100}) as runtime:
        check_rejected_attachment(runtime)


def check_rejected_attachment(runtime: Runtime) -> None:
    config = runtime.config
    mailbox = FakeMailbox()
    mailbox.append(
        messages.application(attachments=(("cv.pdf", "application/pdf", b"y" * 500),)), RECEIVED
    )
    poll(config, runtime.sessions, mailbox)
    with runtime.sessions() as session:
        document = session.scalars(select(Document)).one()
        assert (document.status, document.content) == ("rejected", b"y" * 500)
        codes = [flag.code for flag in session.scalars(select(Flag))]
        assert codes == ["letter_missing", "oversized"]


class CheckingMailbox(FakeMailbox):
    """A fake that checks, when asked to mark a message done, that it is already committed."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__()
        self.checked: list[str] = []
        self._sessions = sessions

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        with self._sessions() as session:
            stored = session.scalars(select(Message.uid).where(Message.uid.in_(uids))).all()
        assert sorted(stored) == sorted(uids), "marked done before the commit"
        self.checked.extend(uids)
        super().mark_stored(uidvalidity, uids)


def test_message_is_marked_done_only_after_its_commit(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = CheckingMailbox(sessions)
    mailbox.append(messages.application(), RECEIVED)
    mailbox.append(messages.auto_reply(), RECEIVED)
    poll(config, sessions, mailbox)
    assert mailbox.checked == ["1", "2"]
    assert mailbox.done == {1, 2}


def test_poll_stops_after_the_current_message_when_asked(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    for index in range(5):
        mailbox.append(messages.application(message_id=f"<s{index}@example.com>"), RECEIVED)
    report = poll_once(config, sessions, mailbox, should_stop=lambda: True)
    assert report.stopped_early
    assert message_count(sessions) == 1
    poll(config, sessions, mailbox)
    assert message_count(sessions) == 5


def test_overlong_message_id_and_sender_are_cut_not_refused(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    mailbox = FakeMailbox()
    long_id = "<" + "x" * 5000 + "@example.com>"
    long_sender = "a" * 3000 + "@example.com"
    mailbox.append(messages.application(message_id=long_id, sender=long_sender), RECEIVED)
    poll(config, sessions, mailbox)
    with sessions() as session:
        message = session.scalars(select(Message)).one()
    assert message.disposition == "application"
    assert message.message_id == long_id[:998]
    assert message.sender is not None
    assert len(message.sender) == 998


REFUSING_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER refuse_marked BEFORE INSERT ON applications "
        "WHEN NEW.subject LIKE '%REFUSE-ME%' BEGIN SELECT RAISE(ABORT, 'refused'); END"
    ],
    "postgresql": [
        "ALTER TABLE applications ADD CONSTRAINT refuse_marked "
        "CHECK (position('REFUSE-ME' in subject) = 0)"
    ],
}


def test_a_record_the_database_refuses_is_stored_quarantined_with_its_raw_bytes(
    config: Config, sessions: sessionmaker[Session], runtime: Runtime
) -> None:
    with runtime.engine.begin() as connection:
        for statement in REFUSING_TRIGGERS[runtime.engine.dialect.name]:
            connection.exec_driver_sql(statement)
    mailbox = FakeMailbox()
    refused = messages.application(subject="Application REFUSE-ME")
    mailbox.append(refused, RECEIVED)
    mailbox.append(messages.application(message_id="<fine@example.com>"), RECEIVED)
    poll(config, sessions, mailbox)
    with sessions() as session:
        rows = list(session.scalars(select(Message).order_by(Message.id)))
    assert [row.disposition for row in rows] == ["quarantined", "application"]
    assert rows[0].raw == refused
    assert "refuse" in (rows[0].error or "")
    assert mailbox.done == {1, 2}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_lock_timeout_fails_the_poll_and_quarantines_nothing(
    tmp_path: Path, database_url: str
) -> None:
    impatient = database_url + "?options=-c%20lock_timeout%3D300"
    runtime = open_runtime(make_config(tmp_path, impatient))
    mailbox = FakeMailbox()
    mailbox.append(messages.application(message_id="<locked-out@example.com>"), RECEIVED)
    blocker = create_database_engine(database_url)
    with blocker.connect() as connection, connection.begin():
        connection.exec_driver_sql("LOCK TABLE messages IN EXCLUSIVE MODE")
        failed = poll_once(runtime.config, runtime.sessions, mailbox)
    blocker.dispose()
    assert not failed.ok
    assert "database unavailable" in (failed.error or "")
    assert message_count(runtime.sessions) == 0
    assert mailbox.done == set()
    assert poll(runtime.config, runtime.sessions, mailbox) == Counter(application=1)
    runtime.close()


class RefusingMailbox(FakeMailbox):
    """A mailbox whose server refuses the done keyword (no keywords in PERMANENTFLAGS)."""

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        raise MailboxError("keyword refused by the server")


def test_a_refused_mark_is_logged_and_the_poll_goes_on(
    config: Config, sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    mailbox = RefusingMailbox()
    mailbox.append(messages.application(message_id="<m1@example.com>"), RECEIVED)
    mailbox.append(messages.application(message_id="<m2@example.com>"), RECEIVED)
    with caplog.at_level(logging.WARNING, logger="intake.mailbox.reconcile"):
        assert poll(config, sessions, mailbox) == Counter(application=2)
    assert "could not be marked done" in caplog.text
    assert poll(config, sessions, mailbox) == Counter()
