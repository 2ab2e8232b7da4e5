"""``intake candidates``, ``candidate``, ``decide``, ``candidates split|merge`` on polled mail."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from tests.candidate_messages import cv_file, letter_file, sent
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.polling import poll_applications

MONDAY = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
MARIA = "Maria Fernández"


def poll_three(config: Config, sessions: sessionmaker[Session]) -> list[dict[str, Any]]:
    """Maria's CV then letter from one address, and John Smith's CV: two candidates."""
    raws = [
        sent("maria.fernandez@example.com", MARIA, (cv_file(MARIA),)),
        sent("maria.fernandez@example.com", MARIA, (letter_file(MARIA),)),
        sent("john.smith@example.com", "John Smith", (cv_file("John Smith"),)),
    ]
    arrivals = [(raw, MONDAY + timedelta(days=day)) for day, raw in enumerate(raws)]
    return poll_applications(config, sessions, arrivals)


@pytest.fixture
def polled(
    config: Config, sessions: sessionmaker[Session], tmp_path: Path, database_url: str
) -> tuple[Path, list[dict[str, Any]]]:
    """Three messages polled (two candidates), and a config file for ``intake``."""
    return write_config_file(tmp_path, database_url), poll_three(config, sessions)


def listed(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code, lines, _err = run_intake(path, capsys, "candidates", "--format", "json", *args)
    assert code == 0
    items: list[dict[str, Any]] = json.loads("\n".join(lines))
    return items


def test_candidates_lists_json_filters_and_csv_in_words(
    polled: tuple[Path, list[dict[str, Any]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _applications = polled
    everyone = listed(path, capsys)
    assert [item["candidate_name"] for item in everyone] == [MARIA, "John Smith"]
    assert [item["complete"] for item in everyone] == [True, False]
    assert {"id", "senders", "applications", "documents", "status"} <= everyone[0].keys()
    assert [item["id"] for item in listed(path, capsys, "--incomplete")] == [everyone[1]["id"]]
    assert [item["id"] for item in listed(path, capsys, "--flag", "letter_missing")] == [
        everyone[1]["id"]
    ]
    code, lines, _err = run_intake(path, capsys, "candidates", "--format", "csv")
    rows = list(csv.DictReader(lines))
    assert code == 0
    assert rows[0]["Candidate"] == MARIA
    assert rows[0]["Received (Brussels time)"] == "2025-10-20 10:00"
    assert (rows[0]["CV"], rows[0]["Letter"], rows[0]["Complete"]) == ("yes", "yes", "yes")
    assert "no motivation letter" in rows[1]["Flags"].split("; ")


def test_decide_is_kept_in_the_history_and_shown_on_the_candidate_screen(
    polled: tuple[Path, list[dict[str, Any]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _applications = polled
    maria = listed(path, capsys)[0]["id"]
    decided = ("decide", str(maria), "shortlisted", "--note", "strong CV", "--by", "Anne")
    assert run_intake(path, capsys, *decided)[0] == 0
    assert run_intake(path, capsys, "decide", str(maria), "rejected", "--by", "Bob")[0] == 0
    assert [item["id"] for item in listed(path, capsys, "--status", "rejected")] == [maria]
    code, lines, _err = run_intake(path, capsys, "candidate", str(maria))
    text = "\n".join(lines)
    assert code == 0
    assert "shortlisted by Anne: strong CV" in text
    assert text.index("shortlisted by Anne") < text.index("rejected by Bob")
    assert "joined: the same sender address maria.fernandez@example.com" in text
    assert "CV.pdf: cv, language en, 2 page(s)" in text


def test_split_then_merge_put_the_applications_back_where_they_were(
    polled: tuple[Path, list[dict[str, Any]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, applications = polled
    maria = listed(path, capsys)[0]["id"]
    assert run_intake(path, capsys, "candidates", "split", str(applications[1]["id"]))[0] == 0
    after_split = listed(path, capsys)
    assert len(after_split) == 3
    assert [item["complete"] for item in after_split][:1] == [False]
    split_off = after_split[-1]["id"]
    assert run_intake(path, capsys, "candidates", "merge", str(maria), str(split_off))[0] == 0
    merged = listed(path, capsys)
    assert len(merged) == 2
    assert merged[0]["applications"] == [applications[0]["id"], applications[1]["id"]]
    assert merged[0]["complete"] is True


def test_the_workbook_has_a_summary_and_a_sheet_per_vacancy_and_the_table_fits(
    polled: tuple[Path, list[dict[str, Any]]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    path, _applications = polled
    output = tmp_path / "candidates.xlsx"
    code, lines, _err = run_intake(
        path, capsys, "candidates", "--format", "xlsx", "--output", str(output)
    )
    assert (code, lines) == (0, [f"wrote 2 candidates to {output}"])
    workbook = load_workbook(output, read_only=True)
    assert workbook.sheetnames == ["Summary", "WCO-2025-DD-IS"]
    summary = [list(row) for row in workbook["Summary"].iter_rows(values_only=True)]
    assert summary[1] == ["WCO/2025/DD-IS", 2, 1, 1, 0, 0]
    sheet = [list(row) for row in workbook["WCO-2025-DD-IS"].iter_rows(values_only=True)]
    assert sheet[0][:4] == ["Candidate", "Vacancy", "Status", "Received (Brussels time)"]
    assert [row[0] for row in sheet[1:]] == [MARIA, "John Smith"]
    code, lines, _err = run_intake(path, capsys, "candidates")
    assert code == 0
    assert MARIA in "\n".join(lines)
