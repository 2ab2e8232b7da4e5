"""Tables of real stored mail fit 80 columns, measured by display width, whatever the
candidates wrote: very long, wide (CJK), combining and hostile names and subjects are cut with
"…" in the table, and JSON keeps them whole."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.output.width import display_width
from tests import messages
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.polling import poll_arrivals
from tests.processes import REPO

VACANCY = "Deputy Director, Implementation Support"
LONG = "Maria de los Ángeles Fernández-Ruiz y Gómez de la Serna Montenegro Villalobos"
WIDE = "欧阳娜娜司马相如诸葛孔明上官婉儿"
COMBINING = "Zoe\u0308 Ame\u0301lie Nguye\u0302\u0303n-Le\u0301vesque Ba\u0300i Tru\u031bo\u031bng"
HOSTILE = "\x1b[2J\x1b]0;pwned\x07Mallory \u202eSTAFF\u202c Evil\r\n"
NAMES = (LONG, WIDE, COMBINING, HOSTILE)


@pytest.fixture
def polled(config: Config, sessions: sessionmaker[Session], tmp_path: Path) -> Path:
    """Four applications whose names fill their subjects, polled; the config file's path."""
    arrivals = [
        (
            messages.application(
                sender=f"candidate{number}.with.a.rather.long.address@example.com",
                subject=f"Application – {VACANCY} – {name}",
            ),
            datetime(2025, 10, 20 + number, 9, 30, tzinfo=UTC),
        )
        for number, name in enumerate(NAMES)
    ]
    poll_arrivals(config, sessions, arrivals)
    return write_config_file(tmp_path, str(config.database.url))


@pytest.mark.parametrize("command", ["applications", "messages"])
def test_every_line_of_the_table_fits_80_columns_and_long_text_is_cut_with_an_ellipsis(
    polled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # the output is captured: no terminal, 80
    code, lines, _err = run_intake(polled, capsys, command)
    assert code == 0
    widths = [display_width(line) for line in lines]
    assert max(widths) <= 80, "\n".join(lines)
    printed = "\n".join(lines)
    assert "…" in printed
    assert not any(mark in printed for mark in ("\x1b", "\x07", "\u202e", "\u202c", "\r"))
    assert lines[-1] == "(4 rows)"


def test_wide_characters_are_cut_by_the_columns_they_take_and_accents_stay_on_their_letters(
    polled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    _code, lines, _err = run_intake(polled, capsys, "applications")
    first = next(number for number, line in enumerate(lines) if "欧阳" in line)
    candidate = lines[first].index("欧阳")
    # The name fills its column's lines, two columns a character, and ends cut with "…".
    cell = [line[candidate:].split("  ")[0] for line in lines[first : first + 2]]
    assert cell[0].startswith("欧阳娜娜")
    assert cell[1].endswith("…") and cell[1][0] in WIDE
    assert all(display_width(part) <= display_width(lines[1].split()[3]) for part in cell)
    printed = "\n".join(lines)
    assert "Zoe\u0308 Ame\u0301lie" in unicodedata.normalize("NFD", printed)
    stray_mark = re.compile(r"(?<![A-Za-z\u0300-\u036f])[\u0300-\u036f]")  # not on a letter
    assert stray_mark.search(unicodedata.normalize("NFD", printed)) is None


def test_json_keeps_every_name_and_subject_whole(
    polled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    _code, lines, _err = run_intake(polled, capsys, "applications", "--format", "json")
    listed = json.loads("\n".join(lines))
    subjects = [row["subject"] for row in listed]
    for name in (LONG, WIDE, COMBINING):
        assert f"Application – {VACANCY} – {name}" in subjects
    assert listed[0]["sender"] == "candidate0.with.a.rather.long.address@example.com"


def test_on_a_terminal_the_table_takes_the_terminals_width(polled: Path) -> None:
    """A real pseudo-terminal 120 columns wide: the table uses them, and no more."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    environ = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    process = subprocess.run(
        [sys.executable, "-m", "intake", "--config", str(polled), "messages"],
        cwd=REPO, env=environ, stdout=follower, stderr=subprocess.PIPE, timeout=120, check=False,
    )  # fmt: skip
    os.close(follower)
    lines = _read_all(leader).decode("utf-8").splitlines()
    assert process.returncode == 0, process.stderr
    assert max(display_width(line) for line in lines) == 120
    assert lines[-1] == "(4 rows)"


def _read_all(descriptor: int) -> bytes:
    """Everything written to the terminal (reading its leader side ends in EIO)."""
    output = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(descriptor, 65536):
            output += chunk
    os.close(descriptor)
    return output
