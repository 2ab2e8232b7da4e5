"""The terminal table fits the terminal and never hides a flag: the flag list wraps instead."""

from __future__ import annotations

import io

import pytest

from intake.output import write_rows

COLUMNS = ("id", "sender", "flags", "acknowledgement")
FLAGS = ["subject_invalid", "name_missing", "letter_missing", "possible_relative"]


def table(width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    rows = [
        {"id": 1, "sender": "kwame.mensah@example.net", "flags": FLAGS, "acknowledgement": "sent"},
        {"id": 2, "sender": "elodie@example.net", "flags": [], "acknowledgement": "pending"},
    ]
    stream = io.StringIO()
    write_rows(rows, COLUMNS, "table", stream)
    return stream.getvalue().splitlines()


def test_a_flag_list_wider_than_the_terminal_wraps_between_flags(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = table(70, monkeypatch)
    assert all(len(line) <= 70 for line in lines)
    printed = " ".join(lines)
    for flag in FLAGS:
        assert flag in printed  # whole, never cut
    first_row = next(line for line in lines if line.startswith("1 "))
    assert first_row.rstrip().endswith("sent")  # the column after the flags stays visible
    assert lines[-1] == "(2 rows)"


def test_a_wide_terminal_keeps_each_row_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = table(200, monkeypatch)
    assert len(lines) == 5  # header, rule, two rows, count
    assert "; ".join(FLAGS) in lines[2]
