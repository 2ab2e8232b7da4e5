"""``intake reprocess``: stored messages read again with the current config, facts rewritten in
place, acknowledgements untouched, a second run changing nothing."""

from __future__ import annotations

import signal
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from intake.commands.reprocess import ctrl_c_sets
from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.hr.views import application_dicts
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from intake.reprocess.applications import Result, reprocess
from intake.reprocess.changes import describe_changes
from storage.models import Acknowledgement, Application, Document, Flag, Message
from storage.reprocessing import StoredFacts
from tests import candidate_files, messages
from tests.cli_runs import config_file, run_intake
from tests.configs import VACANCIES, make_config
from tests.hr_data import Stored, store_applications
from tests.polling import poll_arrivals

FIRST = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
LATE = datetime(2025, 10, 27, 9, 0, tzinfo=UTC)  # the day after DD-IS's deadline
DD_IS, HU_NA = VACANCIES
MARIA = "Maria Fernández <maria.fernandez@example.com>"
DD_IS_SUBJECT = "Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ"
# (not @example.org: that is the organisation's own domain, whose senders get no acknowledgement)
JEAN = "Jean Dupont <jean.dupont@example.fr>"
JEAN_SUBJECT = "Application – Deputy Director, Implementation Support – Jean DUPONT"
FRENCH_SUBJECT = "Candidature – Directeur adjoint, Appui à la mise en œuvre – Maria FERNÁNDEZ"
SHORT_BODY = "Dear Sir or Madam,\n\nPlease find my application attached.\n\nMaria"
CV = ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf())
LETTER = ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx())


def application(
    subject: str = DD_IS_SUBJECT,
    sender: str = MARIA,
    attachments: tuple[tuple[str, str, bytes], ...] = (CV, LETTER),
    date: datetime = FIRST,
) -> bytes:
    return messages.application(
        sender=sender, subject=subject, body=SHORT_BODY, attachments=attachments, date=date
    )


def stored_state(sessions: sessionmaker[Session]) -> dict[str, Any]:
    """Everything HR reads and everything the sender relies on, row ids included."""
    with sessions() as session:
        return {
            "applications": list(application_dicts(session)),
            "flags": session.execute(
                select(Flag.id, Flag.application_id, Flag.code, Flag.evidence).order_by(Flag.id)
            ).all(),
            "documents": session.execute(
                select(
                    Document.id,
                    Document.application_id,
                    Document.kind,
                    Document.status,
                    Document.text,
                ).order_by(Document.id)
            ).all(),
            "acknowledgements": session.execute(
                select(*Acknowledgement.__table__.columns).order_by(Acknowledgement.id)
            ).all(),
            "messages": session.execute(
                select(Message.id, Message.disposition, Message.sender, Message.subject)
            ).all(),
        }


def outbox_files(config: Config) -> list[tuple[str, int]]:
    """The acknowledgements the file transport wrote: names and sizes."""
    folder = config.acknowledgements.directory
    assert folder is not None
    return sorted((path.name, path.stat().st_size) for path in folder.glob("*.eml"))


def inline_analyser(config: Config) -> Analyser:
    """An analyser reading attachments in this process (the service's tests need no pool)."""
    return Analyser(config, InlineExtractor(extraction_limits(config)))


def facts(sessions: sessionmaker[Session], application_id: int) -> dict[str, Any]:
    with sessions() as session:
        row = session.get_one(Application, application_id)
        return {
            "vacancy": row.vacancy,
            "late": row.late,
            "previous": row.previous_application_id,
            "flags": {flag.code for flag in row.flags},
        }


def test_reprocessing_twice_gives_the_same_records_and_sends_nothing(
    tmp_path: Path,
    database_url: str,
    config: Config,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    later = FIRST + timedelta(days=1)
    poll_arrivals(
        config,
        sessions,
        [
            (application(attachments=(CV,)), FIRST),
            (messages.enquiry(), FIRST),
            (application(attachments=(LETTER,), date=later), later),
            (application(JEAN_SUBJECT, JEAN, date=LATE), LATE),
        ],
    )
    before, sent = stored_state(sessions), outbox_files(config)
    # The letter sent a day later completes the application: its row is the short note saying
    # so, which the vacancy cap (one acknowledgement per address and vacancy a day) never
    # holds back, as it goes once per candidate.
    assert len(sent) == 3
    first, second, _late = before["applications"]
    assert second["previous_application"] == first["id"]
    path = config_file(tmp_path, database_url, VACANCIES)

    for _run in range(2):
        code, lines, _err = run_intake(path, capsys, "reprocess", "--all")
        assert code == 0
        assert lines == [
            "reprocess finished: 3 read, 0 changed, 3 unchanged, 0 kept because of an error"
        ]
        assert stored_state(sessions) == before
    assert outbox_files(config) == sent


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_moved_deadline_changes_late_and_its_flag_and_a_second_run_changes_nothing(
    tmp_path: Path,
    database_url: str,
    config: Config,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    poll_arrivals(config, sessions, [(application(date=LATE), LATE)])
    (stored,) = stored_state(sessions)["applications"]
    assert stored["late"] is True
    assert "late" in stored["flags"]
    state = stored_state(sessions)
    path = config_file(tmp_path, database_url, [{**DD_IS, "deadline": "2025-10-31"}, HU_NA])

    code, lines, _err = run_intake(path, capsys, "reprocess", "--vacancy", DD_IS["reference"])
    assert code == 0
    assert lines == [
        f"application {stored['id']}: flags removed: late; late: yes → no",
        "reprocess finished: 1 read, 1 changed, 0 unchanged, 0 kept because of an error",
    ]
    assert facts(sessions, stored["id"])["late"] is False
    assert "late" not in facts(sessions, stored["id"])["flags"]
    after = stored_state(sessions)
    assert after["acknowledgements"] == state["acknowledgements"]
    assert after["documents"] == state["documents"], "unchanged documents keep their rows"

    code, lines, _err = run_intake(path, capsys, "reprocess", "--vacancy", DD_IS["reference"])
    assert (code, lines[-1]) == (
        0,
        "reprocess finished: 1 read, 0 changed, 1 unchanged, 0 kept because of an error",
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_vacancy_added_to_the_config_is_found_by_reprocessing_that_vacancy(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    hu_na = "Application – Head of Unit, Needs Assessment – Jean DUPONT"
    poll_arrivals(
        make_config(tmp_path, database_url, vacancies=[DD_IS]),
        sessions,
        [(application(), FIRST), (application(hu_na, JEAN, attachments=(CV,)), FIRST)],
    )
    maria, unknown = stored_state(sessions)["applications"]
    assert unknown["vacancy"] is None
    assert "vacancy_unknown" in unknown["flags"]
    path = config_file(tmp_path, database_url, [DD_IS, HU_NA])
    change = (
        "flags removed: subject_invalid, vacancy_unknown; "
        f"vacancy: unknown → {HU_NA['reference']}; subject valid: no → yes; late: unknown → no"
    )
    before = stored_state(sessions)

    code, lines, _err = run_intake(
        path, capsys, "reprocess", "--vacancy", HU_NA["reference"], "--dry-run"
    )
    assert code == 0
    assert lines == [
        f"application {unknown['id']} would change: {change}",
        "reprocess finished: 1 read, 1 would change, 0 unchanged, 0 kept because of an error"
        " (dry run: nothing written)",
    ]
    assert stored_state(sessions) == before

    code, lines, _err = run_intake(path, capsys, "reprocess", "--vacancy", HU_NA["reference"])
    assert code == 0
    assert lines == [
        f"application {unknown['id']}: {change}",
        "reprocess finished: 1 read, 1 changed, 0 unchanged, 0 kept because of an error",
    ]
    after = facts(sessions, unknown["id"])
    assert (after["vacancy"], after["late"]) == (HU_NA["reference"], False)
    assert "vacancy_unknown" not in after["flags"]
    assert stored_state(sessions)["applications"][0] == maria


def test_a_chain_of_resubmissions_is_relinked_in_receipt_order(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    dd_is_in_english = {key: value for key, value in DD_IS.items() if key != "aliases"}
    without_alias = make_config(
        config.source.parent, config.database.url, vacancies=[dd_is_in_english]
    )
    times = [FIRST + timedelta(hours=hour) for hour in range(3)]
    poll_arrivals(
        without_alias,
        sessions,
        [
            (application(subject=FRENCH_SUBJECT, attachments=(CV,), date=times[0]), times[0]),
            (application(attachments=(CV,), date=times[1]), times[1]),
            (application(attachments=(LETTER,), date=times[2]), times[2]),
        ],
    )
    ids = [row["id"] for row in stored_state(sessions)["applications"]]
    assert [facts(sessions, i)["previous"] for i in ids] == [None, None, ids[1]]

    changed: list[str] = []
    report = reprocess(
        inline_analyser(config), sessions, None, on_outcome=lambda o: changed.append(o.line())
    )
    assert report.results == {Result.CHANGED: 3}
    assert [facts(sessions, i)["previous"] for i in ids] == [None, ids[0], ids[1]]
    assert "resubmission" in facts(sessions, ids[1])["flags"]
    assert f"earlier application: none → {ids[0]}" in changed[1]
    rows = {row["id"]: row for row in stored_state(sessions)["applications"]}
    assert [rows[i]["superseded_by"] for i in ids] == [ids[1], ids[2], None]

    again = reprocess(inline_analyser(config), sessions, None)
    assert again.results == {Result.UNCHANGED: 3}


def test_a_message_that_no_longer_reads_as_an_application_keeps_its_record(
    tmp_path: Path,
    database_url: str,
    sessions: sessionmaker[Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    auto_reply, broken = store_applications(
        sessions,
        [
            # Stored long ago as an application; a vacation notice sends no CV or letter.
            Stored(
                subject="Automatic reply: out of the office",
                body="I am out of the office until Monday.",
                documents=(),
            ),
            Stored(sender="b@example.com"),
        ],
    )
    with sessions.begin() as session:
        session.execute(
            update(Message)
            .where(Message.id == session.get_one(Application, broken).message_pk)
            .values(raw=b" ")
        )
    before = stored_state(sessions)

    path = config_file(tmp_path, database_url, VACANCIES)
    code, lines, _err = run_intake(path, capsys, "reprocess", "--all")
    assert code == 1
    assert lines == [
        f"application {auto_reply} kept as stored: now read as auto_reply (out_of_office_subject)",
        f"application {broken} kept as stored: reading failed: MessageParseError: empty message",
        "reprocess finished: 2 read, 0 changed, 0 unchanged, 2 kept because of an error",
    ]
    assert stored_state(sessions) == before


REFUSING_LATE = {
    "sqlite": "CREATE TRIGGER refuse_late BEFORE UPDATE ON applications WHEN NEW.late = 1 "
    "BEGIN SELECT RAISE(ABORT, 'lateness refused'); END",
    "postgresql": "ALTER TABLE applications ADD CONSTRAINT refuse_late CHECK (late IS NOT TRUE) "
    "NOT VALID",
}


def test_new_facts_the_database_refuses_leave_the_stored_record_as_it_was(
    config: Config, runtime: Runtime
) -> None:
    (stored,) = store_applications(runtime.sessions, [Stored(received_at=LATE, late=False)])
    with runtime.engine.begin() as connection:
        connection.exec_driver_sql(REFUSING_LATE[runtime.engine.dialect.name])
    before = stored_state(runtime.sessions)

    outcomes: list[str] = []
    report = reprocess(
        inline_analyser(config),
        runtime.sessions,
        None,
        on_outcome=lambda o: outcomes.append(o.line()),
    )
    assert report.results == {Result.KEPT: 1}
    assert outcomes[0].startswith(
        f"application {stored} kept as stored: the database refused the new facts: "
    )
    assert stored_state(runtime.sessions) == before


def test_a_stopped_run_keeps_what_it_did_and_the_next_run_finishes(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    ids = store_applications(sessions, [Stored(), Stored(sender="b@example.com"), Stored()])
    # Stored with no flags; read, its test documents are no real PDFs and get flagged.
    assert [facts(sessions, i)["flags"] for i in ids] == [set(), set(), set()]

    stopped = reprocess(inline_analyser(config), sessions, None, should_stop=lambda: True)
    assert stopped.stopped_early
    assert stopped.results == {Result.CHANGED: 1}
    first, *rest = (facts(sessions, i)["flags"] for i in ids)
    assert "unreadable_document" in first
    assert rest == [set(), set()]

    finished = reprocess(inline_analyser(config), sessions, None)
    assert finished.results == {Result.UNCHANGED: 1, Result.CHANGED: 2}


def test_the_first_ctrl_c_asks_to_stop_and_the_second_stops_at_once() -> None:
    stop = threading.Event()
    with ctrl_c_sets(stop):
        signal.raise_signal(signal.SIGINT)
        assert stop.is_set()
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_vacancy_the_config_does_not_know_is_refused(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run_intake(
        config_file(tmp_path, database_url, VACANCIES), capsys, "reprocess", "--vacancy", "WCO/X"
    )
    assert (code, lines) == (2, [])
    assert "'WCO/X' is not a vacancy of the config" in err
    assert "--all" in err


def test_changes_are_told_in_hr_terms_without_personal_data() -> None:
    document = ("CV.pdf", "application/pdf", 10, "ab", "other", "failed", None, None, None, "x")
    before = StoredFacts(
        columns={"vacancy": None, "late": None, "candidate_name": "Maria", "relatives": "none"},
        message={"subject": "s"},
        documents=(document,),
        flags=(("vacancy_unknown", None), ("resubmission", "twice")),
    )
    read_again = (*document[:4], "cv", "ok", "en", 2, "Curriculum vitae", None)
    after = StoredFacts(
        columns={"vacancy": "WCO/1", "late": True, "candidate_name": "María", "relatives": "none"},
        message={"subject": "s"},
        documents=(read_again, document),
        flags=(("resubmission", "three times"), ("late", "received after")),
    )
    assert describe_changes(before, after) == [
        "flags added: late",
        "flags removed: vacancy_unknown",
        "evidence changed: resubmission",
        "vacancy: unknown → WCO/1",
        "late: unknown → yes",
        "re-read: candidate name",
        "documents: 1 → 2",
        "document 1: kind other → cv, status failed → ok, language none → en, "
        "pages none → 2, re-read text, error",
    ]
