"""``intake documents export``: hostile file and candidate names land only inside the folder."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import os
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.event
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from intake.cli import main
from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.errors import IntakeError, UsageError
from intake.hr.export.documents import ExportReport, export_documents, export_with_outcome
from intake.hr.export.folder import open_export_folder
from intake.hr.export.index import INDEX_COLUMNS, NOT_STORED
from intake.hr.export.safe_names import FILE_NAME_BYTES, FOLDER_NAME_BYTES
from intake.poll.storable import clean
from storage import repository
from storage.database import write_transaction
from storage.models import Document, Message
from tests import candidate_files, messages
from tests.configs import write_config_file
from tests.hr_data import Doc, Stored, message_record, store_applications
from tests.polling import poll_applications

VACANCY = "WCO/2025/DD-IS"
PLACEHOLDER = {"sqlite": "?", "postgresql": "%(id_1)s::INTEGER"}
HOSTILE_NAMES = (
    "../../etc/passwd.pdf",
    "..\\..\\Windows\\win.ini",
    "/etc/shadow",
    "CV\x00.pdf",
    "CV\r\nBcc: all@example.org.pdf",
    "CON.docx",
    "con.tar.gz",
    "x" * 300 + ".pdf",
    "é" * 300 + ".docx",
    "CV.pdf",
    "CV.pdf",  # the same name twice in one application
    "cv.PDF",  # differs only in case
    "",
    ".hidden",
    "....",
    "..",
    "cv\u202efdp.exe",
    '=HYPERLINK("http://x").pdf',
)


def hostile_docs(names: tuple[str, ...]) -> tuple[Doc, ...]:
    """One document per name, alternately a CV and a letter, each with its own bytes."""
    return tuple(
        Doc(
            filename=name,
            kind="cv" if number % 2 == 0 else "motivation_letter",
            content=f"%PDF-1.4 document {number} of {name!r}".encode(),
        )
        for number, name in enumerate(names)
    )


def store_named(sessions: sessionmaker[Session], stored: Stored) -> int:
    """Store ``stored`` as tests.hr_data does, with its documents' names exactly as given.

    The ``email`` builder that hr_data writes the raw message with refuses a line break in a
    file name, so the raw message carries tame names; the stored documents keep the real ones.
    """
    tame = tuple(
        dataclasses.replace(doc, filename=f"file{number}.pdf")
        for number, doc in enumerate(stored.documents)
    )
    record = message_record(dataclasses.replace(stored, documents=tame))
    assert record.application is not None
    documents = tuple(
        dataclasses.replace(document, filename=doc.filename)
        for document, doc in zip(record.application.documents, stored.documents, strict=True)
    )
    record = dataclasses.replace(
        record, application=dataclasses.replace(record.application, documents=documents)
    )
    with write_transaction(sessions) as session:
        result = repository.store_message(session, record)
        application = session.get_one(Message, result.message_pk).application
        assert application is not None
        return application.id


def database_names(names: tuple[str, ...], config: Config) -> tuple[str, ...]:
    """The names as this database can hold them: PostgreSQL refuses NUL, which the pipeline
    removes before storing (intake.poll.storable.clean); SQLite keeps them, so they reach the
    export."""
    if config.database.url.startswith("sqlite"):
        return names
    return tuple(clean(name) for name in names)


def files_under(root: Path) -> list[Path]:
    """Every file below ``root``, without following links."""
    return [
        Path(folder) / name
        for folder, _dirs, names in os.walk(root, followlinks=False)
        for name in names
    ]


def stored_contents(sessions: sessionmaker[Session]) -> dict[int, bytes]:
    with sessions() as session:
        rows = session.execute(select(Document.id, Document.content))
        return {document_id: bytes(content or b"") for document_id, content in rows}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_index(report: ExportReport) -> list[dict[str, str]]:
    raw = report.index.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read accents"
    with report.index.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == INDEX_COLUMNS
        return list(reader)


def export(sessions: sessionmaker[Session], ids: list[int], directory: Path) -> ExportReport:
    with sessions() as session:
        return export_documents(session, ids, directory)


def test_hostile_names_land_only_inside_the_folder_one_file_each(
    config: Config, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    names = database_names(HOSTILE_NAMES, config)
    ids = [
        store_named(sessions, Stored(documents=hostile_docs(names))),
        store_named(sessions, Stored(sender="other.maria@example.net", documents=hostile_docs(
            ("CV.pdf", "Letter.pdf")))),
        store_named(sessions, Stored(
            sender="x@example.com", candidate_name="../../etc", sender_name=None,
            documents=hostile_docs(("CV.pdf",)))),
        store_named(sessions, Stored(
            sender="y@example.com", candidate_name="CON", documents=hostile_docs(("CV.pdf",)))),
        store_named(sessions, Stored(
            sender="z@example.com", candidate_name="index.csv", documents=hostile_docs(("a",)))),
        store_named(sessions, Stored(
            sender="w@example.com", candidate_name="  ", sender_name="\u202e\x07..",
            documents=hostile_docs(("b",)))),
    ]  # fmt: skip
    target = tmp_path / "export"

    report = export(sessions, ids, target)

    root = target.resolve()
    written = [path for path in files_under(target) if path.resolve() != report.index]
    assert all(not path.is_symlink() and path.resolve().is_relative_to(root) for path in written)
    contents = stored_contents(sessions)
    assert len(written) == len(contents) == len(report.files)
    assert Counter(sha256(path.read_bytes()) for path in written) == Counter(
        sha256(content) for content in contents.values()
    )
    for exported in report.files:
        assert exported.document_id is not None
        assert (root / exported.path).read_bytes() == contents[exported.document_id]
        folder, name = exported.path.split("/")
        assert len(folder.encode()) <= FOLDER_NAME_BYTES and len(name.encode()) <= FILE_NAME_BYTES
    assert sorted(path.name for path in root.iterdir()) == sorted(
        ["Maria Fernández", "Maria Fernández (2)", "_.._etc", "_Con", "index (2).csv",
         "candidate", "index.csv"]
    )  # fmt: skip


def test_each_name_becomes_a_plain_file_in_the_candidate_folder(
    config: Config, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    names = database_names(HOSTILE_NAMES, config)
    ids = [store_named(sessions, Stored(documents=hostile_docs(names)))]

    report = export(sessions, ids, tmp_path / "export")

    paths = [exported.path for exported in report.files]
    assert paths[:10] == [
        "Maria Fernández/cv-_.._etc_passwd.pdf",
        "Maria Fernández/letter-_.._Windows_win.ini",
        "Maria Fernández/cv-_etc_shadow",
        "Maria Fernández/letter-CV.pdf",
        "Maria Fernández/cv-CVBcc_ all@example.org.pdf",
        "Maria Fernández/letter-_CON.docx",
        "Maria Fernández/cv-_con.tar.gz",
        "Maria Fernández/letter-" + "x" * (FILE_NAME_BYTES - len("letter-.pdf")) + ".pdf",
        "Maria Fernández/cv-" + "é" * ((FILE_NAME_BYTES - len("cv-.docx")) // 2) + ".docx",
        "Maria Fernández/letter-CV (2).pdf",
    ]
    assert paths[10:] == [
        "Maria Fernández/cv-CV.pdf",
        "Maria Fernández/letter-cv (3).PDF",
        "Maria Fernández/cv-document",
        "Maria Fernández/letter-hidden",
        "Maria Fernández/cv-document (2)",
        "Maria Fernández/letter-document",
        "Maria Fernández/cv-cvfdp.exe",
        "Maria Fernández/letter-=HYPERLINK(_http___x_).pdf",
    ]


def test_index_lists_every_file_with_its_facts_and_defuses_formulas(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = store_applications(sessions, [
        Stored(
            candidate_name='=HYPERLINK("http://evil")', late=True,
            flags=(("late", "received after the deadline"), ("relative_declared", None)),
            documents=(Doc("CV.pdf", pages=2), Doc("Brief.docx", kind="motivation_letter",
                                                   language="fr", status="ocr", pages=None)),
        )
    ])  # fmt: skip

    report = export(sessions, ids, tmp_path / "export")

    rows = read_index(report)
    assert [row["path"] for row in rows] == [
        "'=HYPERLINK(_http___evil_)/cv-CV.pdf",
        "'=HYPERLINK(_http___evil_)/letter-Brief.docx",
    ]
    first, second = rows
    assert first["candidate_name"] == '\'=HYPERLINK("http://evil")'
    assert first["application_id"] == str(ids[0])
    assert first["received_at"] == "2025-10-20T09:30:00Z"
    assert first["vacancy"] == VACANCY
    assert (first["kind"], first["original_name"], first["pages"]) == ("cv", "CV.pdf", "2")
    assert first["size"] == str(len(Doc("CV.pdf").content))
    assert first["sha256"] == sha256(Doc("CV.pdf").content)
    assert (first["late"], first["flags"], first["exported"]) == (
        "yes", "late; relative_declared", "yes",
    )  # fmt: skip
    assert (second["kind"], second["status"], second["language"], second["pages"]) == (
        "motivation_letter", "ocr", "fr", "",
    )  # fmt: skip


def test_resubmissions_of_one_candidate_share_one_folder(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    first = store_applications(sessions, [Stored()])[0]
    second = store_applications(sessions, [Stored(previous_application_id=first)])[0]
    third = store_applications(sessions, [
        Stored(previous_application_id=second, candidate_name="Maria FERNÁNDEZ RUIZ")
    ])[0]  # fmt: skip

    # The middle submission is not exported: the first and the last still meet through it.
    report = export(sessions, [third, first], tmp_path / "export")

    assert [exported.path for exported in report.files] == [
        "Maria Fernández/cv-CV.pdf",
        "Maria Fernández/letter-Letter.pdf",
        "Maria Fernández/cv-CV (2).pdf",
        "Maria Fernández/letter-Letter (2).pdf",
    ]
    assert [exported.application_id for exported in report.files] == [first] * 2 + [third] * 2


def test_two_candidates_with_one_name_get_two_folders_by_first_application(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = store_applications(sessions, [
        Stored(sender="maria.a@example.com"),
        Stored(sender="maria.b@example.com", candidate_name="MARIA FERNÁNDEZ"),
        Stored(sender="maria.a@example.com", candidate_name=None, sender_name="Maria Fernández"),
    ])  # fmt: skip

    report = export(sessions, list(reversed(ids)), tmp_path / "export")

    assert Counter(exported.path.split("/")[0] for exported in report.files) == {
        "Maria Fernández": 2, "Maria Fernández (2)": 2, "Maria Fernández (3)": 2,
    }  # fmt: skip
    assert report.files[0].application_id == ids[0]


def test_a_letter_in_the_email_body_is_written_as_text(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    body = "Dear Madam,\n\nI apply for the post of Deputy Director. Élodie Marchand"
    ids = store_applications(sessions, [
        Stored(body=body, documents=(Doc("CV.pdf"), Doc("photo.jpg", kind="other")),
               flags=(("letter_in_body", "the email body is the letter"),))
    ])  # fmt: skip

    report = export(sessions, ids, tmp_path / "export")

    assert [(one.kind, one.document_id is None, one.path) for one in report.files] == [
        ("cv", False, "Maria Fernández/cv-CV.pdf"),
        ("motivation_letter", True, "Maria Fernández/letter-email body.txt"),
    ]
    assert (report.directory / report.files[1].path).read_text(encoding="utf-8") == body
    assert read_index(report)[1]["sha256"] == sha256(body.encode("utf-8"))


def test_a_document_whose_bytes_are_not_stored_is_listed_without_a_file(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = store_applications(sessions, [Stored()])
    with write_transaction(sessions) as session:
        session.execute(update(Document).where(Document.kind == "cv").values(content=None))

    with sessions() as session:
        outcome = export_with_outcome(session, ids, tmp_path / "export")

    assert [one.path for one in outcome.report.files] == ["Maria Fernández/letter-Letter.pdf"]
    assert [one.original_name for one in outcome.not_stored] == ["CV.pdf"]
    rows = read_index(outcome.report)
    assert [(row["path"], row["original_name"], row["exported"]) for row in rows] == [
        ("", "CV.pdf", NOT_STORED),
        ("Maria Fernández/letter-Letter.pdf", "Letter.pdf", "yes"),
    ]
    assert len(files_under(outcome.report.directory)) == 2  # the letter and the index


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = store_applications(sessions, [Stored()])
    target = tmp_path / "export"
    target.mkdir()
    (target / "notes.txt").write_text("mine")

    with pytest.raises(UsageError, match=f"{target}: the folder is not empty"):
        export(sessions, ids, target)
    with pytest.raises(UsageError, match="not a folder"):
        export(sessions, ids, target / "notes.txt")

    assert [path.name for path in target.iterdir()] == ["notes.txt"]


def test_a_missing_folder_is_created_and_an_empty_one_used(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = store_applications(sessions, [Stored()])
    (tmp_path / "empty").mkdir()

    created = export(sessions, ids, tmp_path / "new" / "deeper")
    reused = export(sessions, ids, tmp_path / "empty")

    assert len(created.files) == len(reused.files) == 2
    assert reused.index == (tmp_path / "empty" / "index.csv").resolve()


@pytest.fixture
def config_file(database_url: str, tmp_path: Path) -> Path:
    """A config file on disk naming the test database, for running the command line."""
    return write_config_file(tmp_path, database_url)


def run_export(config_file: Path, vacancy: str, target: Path) -> int:
    """``intake documents export`` run as HR would, in this process."""
    arguments = ["documents", "export", "--vacancy", vacancy, "--to", str(target)]
    return main(["--config", str(config_file), *arguments])


def test_the_command_exports_a_vacancy_and_says_what_it_wrote(
    config_file: Path,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    later = Stored().received_at + timedelta(hours=1)
    store_applications(sessions, [
        Stored(flags=(("letter_in_body", None),)),
        Stored(sender="jan@example.org", candidate_name="Jan DE VRIES", received_at=later),
        Stored(vacancy="WCO/2025/HU-NA", sender="other@example.org"),
    ])  # fmt: skip
    target = tmp_path / "DD-IS"

    code = run_export(config_file, VACANCY, target)

    assert code == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"exported 5 files of 2 applications for {VACANCY} into 2 candidate folders in"
        f" {target.resolve()}",
        "  cv: 2 files",
        "  letter: 3 files (1 written from the email body)",
        f"index: {target.resolve() / 'index.csv'}",
    ]
    assert sorted(path.name for path in target.iterdir()) == [
        "Jan de Vries", "Maria Fernández", "index.csv",
    ]  # fmt: skip

    again = run_export(config_file, VACANCY, target)
    assert again == 2
    assert "the folder is not empty" in capsys.readouterr().err


def test_the_command_refuses_an_unknown_vacancy_and_exports_an_empty_known_one(
    config_file: Path,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_applications(sessions, [Stored()])

    unknown = run_export(config_file, "WCO/2099/NONE", tmp_path / "none")
    err = capsys.readouterr().err
    empty = run_export(config_file, "WCO/2025/HU-NA", tmp_path / "hu-na")

    assert unknown == 2  # a mistyped reference, as for 'intake applications --vacancy'
    assert "no applications for vacancy 'WCO/2099/NONE'" in err
    assert "configured: WCO/2025/DD-IS, WCO/2025/HU-NA" in err
    assert not (tmp_path / "none").exists()
    assert empty == 0
    assert "exported 0 files of 0 applications" in capsys.readouterr().out
    assert [path.name for path in (tmp_path / "hu-na").iterdir()] == ["index.csv"]


def rfc2231_attachment(filename_parameter: str, payload: bytes) -> bytes:
    """A message whose one attachment names itself with a raw Content-Disposition parameter,
    as a hostile mailer would write it (the email builder refuses such names)."""
    base = messages.application(attachments=(("placeholder.pdf", "application/pdf", payload),))
    return base.replace(b'filename="placeholder.pdf"', filename_parameter.encode("ascii"))


def test_a_polled_attachment_named_with_a_path_lands_inside_the_folder(
    config: Config, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    cv = candidate_files.cv_pdf()
    letter = candidate_files.letter_docx()
    arrivals = [
        messages.application(attachments=(
            ("../../etc/passwd.pdf", "application/pdf", cv),
            ("..\\..\\letter.docx", "application/octet-stream", letter),
        )),
        rfc2231_attachment("filename*=utf-8''..%2F..%2Fcv%0D%0A%00.pdf", cv + b"\n%% second"),
    ]  # fmt: skip
    polled = poll_applications(config, sessions, [(raw, messages.DEFAULT_DATE) for raw in arrivals])
    # The message parser keeps only the last part of a path and drops controls; the export
    # makes its own names safe anyway (older rows, other mailers), as the tests above show.
    assert [doc["filename"] for one in polled for doc in one["documents"]] == [
        "passwd.pdf", "letter.docx", "cv.pdf",
    ]  # fmt: skip

    report = export(sessions, [one["id"] for one in polled], tmp_path / "export")

    root = report.directory
    written = [path for path in files_under(root) if path.name != "index.csv"]
    assert all(path.resolve().is_relative_to(root) for path in written)
    assert sorted(exported.path for exported in report.files) == [
        "Maria Fernández/cv-cv.pdf",
        "Maria Fernández/cv-passwd.pdf",
        "Maria Fernández/letter-letter.docx",
    ]
    assert Counter(sha256(path.read_bytes()) for path in written) == Counter(
        sha256(data) for data in (cv, letter, cv + b"\n%% second")
    )


def test_a_folder_swapped_for_a_link_during_the_export_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = open_export_folder(tmp_path / "export")
    folder.write_file("Maria Fernández", "cv-CV.pdf", b"first")
    folder.write_file("Jan de Vries", "cv-CV.pdf", b"jan")
    maria, jan = folder.root / "Maria Fernández", folder.root / "Jan de Vries"
    # Someone swaps candidate folders for links while the export runs: one pointing inside
    # the export (the path check lets it pass; the folder is opened without following links),
    # one pointing outside (the path check refuses it).
    jan.rename(tmp_path / "jan")
    jan.symlink_to(maria, target_is_directory=True)
    with pytest.raises(IntakeError, match=r"cannot write .*Jan de Vries"):
        folder.write_file("Jan de Vries", "cv-CV (2).pdf", b"second")
    maria.rename(tmp_path / "moved")
    maria.symlink_to(outside, target_is_directory=True)
    with pytest.raises(IntakeError, match="not inside"):
        folder.write_file("Maria Fernández", "cv-CV (2).pdf", b"third")

    assert list(outside.iterdir()) == []
    assert [path.name for path in (tmp_path / "moved").iterdir()] == ["cv-CV.pdf"]


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    folder = open_export_folder(tmp_path / "export")
    folder.write_file("Maria Fernández", "cv-CV.pdf", b"first")

    with pytest.raises(IntakeError, match="cannot write"):
        folder.write_file("Maria Fernández", "cv-CV.pdf", b"second")

    assert (folder.root / "Maria Fernández" / "cv-CV.pdf").read_bytes() == b"first"


def test_bytes_are_read_one_document_at_a_time(
    runtime: Runtime, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = store_applications(sessions, [Stored(), Stored(sender="jan@example.org")])
    statements: list[str] = []

    def remember(*event: Any) -> None:
        statements.append(" ".join(str(event[2]).split()))

    sqlalchemy.event.listen(runtime.engine, "before_cursor_execute", remember)
    try:
        report = export(sessions, ids, tmp_path / "export")
    finally:
        sqlalchemy.event.remove(runtime.engine, "before_cursor_execute", remember)

    reading_bytes = [sql for sql in statements if sql.startswith("SELECT documents.content ")]
    assert len(reading_bytes) == len(report.files) == 4
    assert all(sql.endswith("WHERE documents.id = " + PLACEHOLDER[runtime.engine.name])
               for sql in reading_bytes)  # fmt: skip
    assert not any("documents.content," in sql or "documents.text" in sql for sql in statements)
