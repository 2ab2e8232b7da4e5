"""``intake applications`` formats: JSON as the contract says, CSV and xlsx read back, files
written whole, documents exported and linked; wrong input ends in one line and exit 2."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.errors import EXIT_OK, EXIT_USAGE
from intake.flag_codes import APPLICATION_FLAG_CODES
from intake.hr.views import APPLICATION_COLUMNS
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.hr_data import Doc, Stored, store_applications

FORMULA_SUBJECT = '=HYPERLINK("http://evil.example/x","Application")'
PEOPLE = (
    Stored(
        sender="maria.fernandez@example.com",
        received_at=datetime(2025, 10, 20, 9, 30, tzinfo=UTC),
        relatives="declared",
        relatives_evidence="My father\x07 works in the\x1b Finance Directorate.",
        flags=(("relative_declared", "my father works here"), ("possible_relative", None)),
        documents=(
            Doc("CV.pdf", content=b"%PDF-1.4 Maria's CV"),
            Doc("Lettre de motivation.pdf", kind="motivation_letter", content=b"%PDF-1.4 letter"),
        ),
    ),
    Stored(
        sender="kwame.mensah@example.net",
        sender_name="Kwame Mensah",
        candidate_name="Kwame MENSAH",
        subject=FORMULA_SUBJECT,
        received_at=datetime(2025, 10, 28, 16, 5, tzinfo=UTC),
        late=True,
        flags=(("late", "received 2 days after the deadline"), ("subject_invalid", None)),
        documents=(
            Doc("CV Kwame.pdf", content=b"%PDF-1.4 Kwame's CV"),
            Doc("CV Kwame (French).pdf", content=b"%PDF-1.4 son CV", text="CV en français"),
        ),
    ),
)


@pytest.fixture
def stored(sessions: sessionmaker[Session]) -> list[int]:
    """Maria (on time, a declared relative) and Kwame (late, a formula for a subject)."""
    return store_applications(sessions, PEOPLE)


@pytest.fixture
def config_file(tmp_path: Path, database_url: str, sessions: sessionmaker[Session]) -> Path:
    """A config file for the upgraded test database."""
    return write_config_file(tmp_path, database_url)


def intake(
    config_file: Path, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    """Run ``intake applications ARGV`` in-process: exit code, stdout, stderr."""
    code, lines, err = run_intake(config_file, capsys, "applications", *argv)
    return code, "".join(line + "\n" for line in lines), err


def test_json_keeps_the_contract_and_filters_only_narrow_it(
    config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    code, out, _err = intake(config_file, capsys, "--format", "json")
    assert code == EXIT_OK
    everything = json.loads(out)
    assert [row["id"] for row in everything] == stored
    assert all(list(row) == list(APPLICATION_COLUMNS) for row in everything)
    assert everything[1]["received_at"] == "2025-10-28T16:05:00Z"
    assert everything[1]["flags"] == ["late", "subject_invalid"]
    assert [doc["filename"] for doc in everything[1]["documents"]] == [
        "CV Kwame.pdf",
        "CV Kwame (French).pdf",
    ]
    code, out, _err = intake(config_file, capsys, "--format", "json", "--late", "--sort=-id")
    assert json.loads(out) == [everything[1]]


def test_csv_reads_back_with_every_column_and_formulas_defused(
    config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    code, out, _err = intake(config_file, capsys, "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(row["id"]) for row in rows] == stored
    assert list(rows[0]) == list(APPLICATION_COLUMNS)
    assert rows[0]["relatives"] == "declared"
    assert rows[0]["flags"] == "relative_declared; possible_relative"
    assert rows[1]["late"] == "yes"
    assert rows[1]["subject"] == "'" + FORMULA_SUBJECT


def test_output_writes_the_csv_file_whole_and_replaces_an_old_one(
    tmp_path: Path, config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    target = tmp_path / "lists" / "late.csv"
    target.parent.mkdir()
    target.write_text("an older list\n", encoding="utf-8")
    code, out, _err = intake(
        config_file, capsys, "--late", "--format", "csv", "--output", str(target)
    )
    assert code == EXIT_OK
    assert out == f"wrote 1 application to {target}\n"
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [int(row["id"]) for row in rows] == stored[1:]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, for Excel's sake
    assert sorted(path.name for path in target.parent.iterdir()) == ["late.csv"]  # no temp left


def test_output_takes_the_table_and_json_formats_too(
    tmp_path: Path, config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    table = tmp_path / "list.txt"
    assert intake(config_file, capsys, "--output", str(table))[0] == EXIT_OK
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0].split()[:3] == ["id", "received_at", "sender"]
    assert lines[-1] == "(2 rows)"
    listing = tmp_path / "list.json"
    intake(config_file, capsys, "--format", "json", "--search", "mensah", "--output", str(listing))
    assert [row["id"] for row in json.loads(listing.read_text(encoding="utf-8"))] == stored[1:]


def read_sheet(path: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(path).active


def test_xlsx_has_a_frozen_header_filters_a_column_per_flag_local_times_and_text_as_text(
    tmp_path: Path, config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    target = tmp_path / "applications.xlsx"
    code, _out, _err = intake(config_file, capsys, "--format", "xlsx", "--output", str(target))
    assert code == EXIT_OK
    sheet = read_sheet(target)
    header = [cell.value for cell in sheet[1]]
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 3  # the header and one row per application
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}3"
    flag_columns = header[header.index(APPLICATION_FLAG_CODES[0]) :][: len(APPLICATION_FLAG_CODES)]
    assert flag_columns == list(APPLICATION_FLAG_CODES)
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet[2:3]]
    assert [row["id"] for row in rows] == stored
    raised = [{code for code in APPLICATION_FLAG_CODES if row[code] == "yes"} for row in rows]
    assert raised == [{"relative_declared", "possible_relative"}, {"late", "subject_invalid"}]
    assert all(
        row[code] is None
        for row in rows
        for code in APPLICATION_FLAG_CODES
        if code not in raised[0] | raised[1]
    )
    assert rows[1]["deadline"] == "late" and rows[0]["deadline"] == "on time"
    assert "late: received 2 days after the deadline" in rows[1]["flag_evidence"]
    assert "received_at (Europe/Brussels)" in header
    received = sheet.cell(2, header.index("received_at (Europe/Brussels)") + 1)
    assert received.value == datetime(2025, 10, 20, 11, 30)  # 09:30 UTC is 11:30 in Brussels
    assert received.is_date
    subject = sheet.cell(3, header.index("subject") + 1)
    assert subject.value == FORMULA_SUBJECT
    assert subject.data_type == "s"  # stored as text: Excel shows it and never runs it
    evidence = sheet.cell(2, header.index("relatives_evidence") + 1).value
    assert evidence == "My father works in the Finance Directorate."  # controls removed


def test_cli_combines_filters_end_to_end(
    config_file: Path,
    capsys: pytest.CaptureFixture[str],
    stored: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # the table shows whole addresses
    code, out, _err = intake(
        config_file, capsys, "--vacancy", "wco/2025/dd-is", "--flag", "possible_relative",
        "--relatives", "declared", "--until", "2025-10-20", "--format", "json",
    )  # fmt: skip
    assert code == EXIT_OK
    assert [row["id"] for row in json.loads(out)] == stored[:1]
    code, out, _err = intake(config_file, capsys, "--since", "2025-10-21", "--search", "KWAME")
    assert code == EXIT_OK
    assert out.splitlines()[-1] == "(1 row)"
    assert "kwame.mensah@example.net" in out
    code, out, err = intake(config_file, capsys, "--vacancy", "WCO/1999/NONE")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        "intake: --vacancy: no vacancy 'WCO/1999/NONE' "
        "(configured: WCO/2025/DD-IS, WCO/2025/HU-NA)\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--flag", "latee"), "intake: --flag: unknown flag code 'latee' (known: subject_invalid"),
        (("--since", "20/10/2025"), "intake: --since: '20/10/2025' is not a date"),
        (("--sort", "age"), "intake: --sort: unknown key 'age' (known: received, name"),
        (("--format", "xlsx"), "intake: --format xlsx writes a file: name it with --output"),
        (("--format", "json", "--with-documents", "out"), "intake: --with-documents links"),
        (("--output", "missing/list.txt"), "intake: --output: the folder missing does not exist"),
        (("--output", "x" * 300 + ".csv"), "intake: --output: cannot write xxx"),
    ],
)
def test_wrong_input_gives_one_line_and_exit_2_before_the_database_is_opened(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    database = tmp_path / "never.db"
    code, out, err = intake(write_config_file(tmp_path, f"sqlite:///{database}"), capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert not database.exists()
    assert not (tmp_path / "missing").exists()


def test_xlsx_links_the_exported_documents_relative_to_the_workbook(
    tmp_path: Path, config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    workbook = tmp_path / "hr" / "applications.xlsx"
    workbook.parent.mkdir()
    argv = ("--format", "xlsx", "--output", str(workbook), "--with-documents")
    code, out, _err = intake(config_file, capsys, *argv, str(workbook.parent / "documents"))
    assert code == EXIT_OK
    assert "exported 4 documents" in out
    moved = tmp_path / "moved"
    (tmp_path / "hr").rename(moved)  # the folder and the workbook travel together
    sheet = read_sheet(moved / "applications.xlsx")
    header = [cell.value for cell in sheet[1]]
    cv, letter = (sheet.cell(3, header.index(name) + 1) for name in ("CV", "Letter"))
    assert cv.value == "CV Kwame.pdf (+1 more)"
    linked = moved / unquote(cv.hyperlink.target)
    assert linked.is_file()
    assert linked.read_bytes() == PEOPLE[1].documents[0].content
    assert letter.value is None  # Kwame sent no letter
    maria_letter = sheet.cell(2, header.index("Letter") + 1)
    assert (moved / unquote(maria_letter.hyperlink.target)).is_file()


def test_csv_lists_the_exported_documents_relative_to_the_csv(
    tmp_path: Path, config_file: Path, capsys: pytest.CaptureFixture[str], stored: list[int]
) -> None:
    folder = tmp_path / "export"  # the documents and the list in one new folder
    argv = ("--format", "csv", "--output", str(folder / "list.csv"), "--with-documents")
    assert intake(config_file, capsys, *argv, str(folder))[0] == EXIT_OK
    with (folder / "list.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [len(row["cv_files"].split("; ")) for row in rows] == [1, 2]
    assert [row["letter_files"] for row in rows][1] == ""
    for row in rows:
        for path in [*row["cv_files"].split("; "), *filter(None, [row["letter_files"]])]:
            assert (folder / path).is_file()
