"""Runs ``intake`` in the test's own process, with a config file the test chose."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from intake.cli import main
from tests.configs import config_document

#: The commands that only read, as run against an empty database at the newest schema by
#: tests/commands/test_light_start.py (what they import) and benchmarks/startup.py (CPU).
READ_COMMANDS: tuple[list[str], ...] = (
    ["check-config"],
    ["status"],
    ["applications"],
    ["messages"],
    ["summary"],
    ["candidates"],
    ["candidate", "1"],
    ["show", "1"],
    ["quarantine", "list"],
    ["enquiries"],
)


def config_file(
    tmp_path: Path,
    database_url: str,
    vacancies: list[dict[str, Any]] | None = None,
    acknowledgements: dict[str, Any] | None = None,
) -> Path:
    """tmp_path/config.toml: the tests' config, with these vacancies and acknowledgement keys."""
    document = config_document(tmp_path, database_url)
    if vacancies is not None:
        document["vacancies"] = vacancies
    document["acknowledgements"].update(acknowledgements or {})
    path = tmp_path / "config.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return path


def run_intake(
    path: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str], str]:
    """``intake --config PATH ARGS``: the exit code, the output's lines and the error output.

    The command points logging at the captured stderr of this test; the handlers are put
    back afterwards so that later tests do not log into a closed stream.
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        code = main(["--config", str(path), *args])
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err
