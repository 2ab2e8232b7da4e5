"""``intake --help`` imports only the argument declarations, and read commands leave Alembic,
Jinja, the document readers and the web stack alone (docs/benchmarks.md, "Start-up CPU").

Each case runs in a fresh interpreter and looks at ``sys.modules``: what was imported, not
how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from intake.cli import COMMANDS
from intake.config.runtime import open_runtime
from tests.cli_runs import READ_COMMANDS
from tests.configs import make_config, write_config_file

ROOT = Path(__file__).resolve().parents[2]
# Runs ``intake ARGS...`` for each JSON argument list given, then prints, as its last line,
# the modules of this project and of third parties that the runs imported.
PROBE = """
import json, sys
before = set(sys.modules)
from intake.cli import main
for argv in sys.argv[1:]:
    try:
        main(json.loads(argv))
    except SystemExit:
        pass
new = set(sys.modules) - before
print(json.dumps(sorted(m for m in new if m.split(".")[0] not in sys.stdlib_module_names)))
"""
#: All that building the parser may import beyond the standard library.
PARSER_MODULES = frozenset(
    {"intake", "intake.cli", "intake.commands", "intake.commands.arguments", "intake.errors"}
    | {"intake.hr", "intake.hr.choices", "intake.logs", "storage", "storage.errors"}
)
#: What no read command needs: migrations, charts, spreadsheets, document readers (OCR's
#: included), language and phone-number data, the web console, mail servers' clients, the scheduler.
NEVER_READ = (
    "alembic", "matplotlib", "openpyxl", "pdfminer", "docx", "odf", "fasttext", "phonenumbers",
    "starlette", "uvicorn", "argon2", "imapclient", "msal", "google", "requests", "apscheduler",
    "pebble", "intake.web", "intake.poll.cycle", "intake.reprocess", "migrations",
    "pytesseract", "PIL", "pypdfium2",
)  # fmt: skip


def imported_by(*argvs: list[str]) -> list[str]:
    """The non-standard-library modules a fresh interpreter imports running these command lines."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *(json.dumps(argv) for argv in argvs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])
    return modules


def test_help_version_and_every_commands_help_import_only_the_argument_declarations() -> None:
    argvs = [["--help"], ["--version"]] + [[command.name, "--help"] for command in COMMANDS]
    imported = imported_by(*argvs)
    beyond = [
        module
        for module in imported
        if module not in PARSER_MODULES and not module.startswith("intake.commands.arguments.")
    ]
    assert beyond == []


@pytest.mark.parametrize("argv", READ_COMMANDS, ids=lambda argv: " ".join(argv))
def test_read_command_imports_neither_alembic_nor_the_readers_nor_the_web_stack(
    argv: list[str], tmp_path: Path, sqlite_url: str
) -> None:
    open_runtime(make_config(tmp_path, sqlite_url)).close()  # the newest schema, empty
    config = write_config_file(tmp_path, sqlite_url)
    imported = imported_by(["--config", str(config), *argv])
    assert "sqlalchemy" in imported  # the probe saw the command open the database
    unwanted = [*NEVER_READ, "wcwidth"]  # wcwidth: only for text beyond ASCII, none here
    if argv[0] != "check-config":  # it renders the acknowledgement templates once
        unwanted.append("jinja2")
    found = [
        module
        for module in imported
        if any(module == name or module.startswith(f"{name}.") for name in unwanted)
    ]
    assert found == []


def test_poll_of_a_database_at_the_newest_revision_does_not_load_alembic(
    tmp_path: Path, sqlite_url: str
) -> None:
    open_runtime(make_config(tmp_path, sqlite_url)).close()  # the newest schema, empty
    config = write_config_file(tmp_path, sqlite_url)
    imported = imported_by(["--config", str(config), "poll"])
    assert "intake.poll.cycle" in imported  # the probe saw the poll run
    assert [module for module in imported if module.split(".")[0] == "alembic"] == []
