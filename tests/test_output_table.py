"""The terminal table fits the terminal and never hides a flag: the flag list wraps instead."""

from __future__ import annotations

import io

import pytest

from intake.output import write_rows
from intake.output.width import cut, display_width, graphemes

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


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_escape_sequences_and_line_breaks_in_stored_text_never_reach_the_terminal(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    hostile = {
        "id": 7,
        "sender": "\x1b[2Jmallory@example.net\x1b]0;pwned\x07",
        "flags": ["late\x1b[31m"],
        "acknowledgement": "sent\r\nFake: row",
    }
    stream = io.StringIO()
    write_rows([hostile], COLUMNS, fmt, stream)
    printed = stream.getvalue()
    assert "\x1b" not in printed
    assert "\x07" not in printed
    assert "mallory@example.net" in printed
    assert "sent Fake: row" in printed


def test_a_narrow_terminal_cuts_the_address_before_the_receipt_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    columns = ("id", "received_at", "sender", "flags")
    row = {
        "id": 1,
        "received_at": "2025-10-14T08:27:43Z",
        "sender": "maria.fernandez.ruiz@example.com",
        "flags": FLAGS,
    }
    stream = io.StringIO()
    write_rows([row], columns, "table", stream)
    first_row = stream.getvalue().splitlines()[2]
    assert len(first_row) <= 64
    assert "2025-10-14T08:27:43Z" in first_row
    assert "maria.fernandez.ruiz@example.com" not in first_row  # the address gave way


def test_wide_and_combining_characters_are_measured_by_the_columns_they_take(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    rows = [
        {"id": 1, "sender": "李小龍" * 12, "subject": "A\u0301" * 60, "disposition": "enquiry"},
    ]
    stream = io.StringIO()
    write_rows(rows, ("id", "sender", "subject", "disposition"), "table", stream)
    lines = stream.getvalue().splitlines()
    assert all(display_width(line) <= 60 for line in lines)
    row = lines[2]
    assert row.count("…") == 2
    assert "A\u0301…" in row  # the accent stays on its letter, never cut away from it
    assert row.rstrip().endswith("enquiry")


def test_a_table_sent_to_a_pipe_is_80_columns_wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    row = {"id": 1, "sender": "x" * 200, "flags": FLAGS, "acknowledgement": "sent"}
    stream = io.StringIO()
    write_rows([row], COLUMNS, "table", stream)
    lines = stream.getvalue().splitlines()
    assert max(display_width(line) for line in lines) == 80
    assert lines[0].split() == ["id", "sender", "flags", "ack"]


def test_a_time_stamp_breaks_between_date_and_time_and_is_never_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    row = {"id": 1, "received_at": "2025-10-14T08:27:43Z", "subject": "s" * 50, "flags": FLAGS}
    stream = io.StringIO()
    write_rows([row], ("id", "received_at", "subject", "flags"), "table", stream)
    lines = stream.getvalue().splitlines()
    assert all(display_width(line) <= 40 for line in lines)
    assert lines[2].split()[1] == "2025-10-14"
    assert lines[3].split()[0] == "08:27:43Z"


@pytest.mark.parametrize(
    "text", ["Ada Lovelace <ada@example.com>", "cv_final (2).pdf", "a/b_c d", "", "x" * 90]
)
def test_ascii_text_is_cut_and_wrapped_as_wcwidth_would_without_importing_it(text: str) -> None:
    import wcwidth

    assert list(graphemes(text)) == list(wcwidth.iter_graphemes(text))
    assert display_width(text) == wcwidth.width(text, control_codes="ignore")
    assert display_width(cut(text, 12)) <= 12
    assert cut(text, 12) == text or cut(text, 12).endswith("…")
