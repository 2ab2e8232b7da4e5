"""HR commands run with only the database: no ``INTAKE_*`` secret set, while ``poll`` names the
variable it misses in one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from intake.config.runtime import open_runtime
from tests.configs import make_config, write_config_file
from tests.hr_data import Stored, store_applications
from tests.processes import run_intake

VACANCY = "WCO/2025/DD-IS"
PASSWORD_MAILBOX = {
    "kind": "imap",
    "host": "imap.example.org",
    "username": "recruitment@example.org",
    "password_env": "INTAKE_IMAP_PASSWORD",
}
OAUTH2_MAILBOX = {
    "kind": "imap",
    "host": "imap.example.org",
    "username": "recruitment@example.org",
    "auth": "oauth2",
    "oauth2_provider": "microsoft",
    "oauth2_tenant": "contoso.onmicrosoft.com",
    "oauth2_client_id": "client",
    "oauth2_client_secret_env": "INTAKE_OAUTH2_SECRET",
}
SMTP = {"host": "smtp.example.org", "username": "hr", "password_env": "INTAKE_SMTP_PASSWORD"}


def hr_commands(tmp_path: Path) -> list[tuple[str, ...]]:
    """Every command HR runs that never needs the mailbox or SMTP."""
    return [
        ("applications",),
        ("applications", "--format", "json"),
        ("applications", "--format", "csv"),
        ("applications", "--format", "xlsx", "--output", str(tmp_path / "list.xlsx")),
        (
            "applications",
            "--format",
            "csv",
            "--output",
            str(tmp_path / "l.csv"),
            "--with-documents",
            str(tmp_path / "with"),
        ),
        ("messages",),
        ("enquiries",),
        ("show", "1"),
        ("show", "1", "--format", "json"),
        ("summary",),
        ("summary", "--format", "json"),
        ("documents", "export", "--vacancy", VACANCY, "--to", str(tmp_path / "docs")),
        ("quarantine", "list"),
        ("acks",),
        ("acks", "--format", "json"),
        ("acks", "preview", "1"),
        ("audit",),
        ("purge", "--vacancy", VACANCY, "--older-than", "1"),
        ("erase", "--email", "maria.fernandez@example.com"),
        ("reprocess", "--all"),  # groups the applications stored here into candidates
        ("candidates",),
        ("candidates", "--format", "json"),
        ("candidates", "--format", "xlsx", "--output", str(tmp_path / "candidates.xlsx")),
        ("candidate", "1"),
        ("decide", "1", "shortlisted", "--by", "HR officer"),
        ("erase", "--email", "maria.fernandez@example.com", "--yes"),
        ("db", "current"),
    ]


@pytest.fixture(params=["password", "oauth2"])
def config_path(request: pytest.FixtureRequest, tmp_path: Path, sqlite_url: str) -> Path:
    """A config naming secret variables for the mailbox and SMTP, on a database with two
    stored applications."""
    mailbox = PASSWORD_MAILBOX if request.param == "password" else OAUTH2_MAILBOX
    overrides: dict[str, dict[str, Any]] = {
        "mailbox": mailbox,
        "smtp": SMTP,
        "acknowledgements": {"transport": "smtp", "sender": "hr@example.org", "max_age_days": 0},
    }
    runtime = open_runtime(make_config(tmp_path, sqlite_url))
    try:
        store_applications(runtime.sessions, [Stored(), Stored(sender="li.wei@example.com")])
    finally:
        runtime.close()
    return write_config_file(tmp_path, sqlite_url, overrides)


def test_hr_commands_run_with_no_intake_secret_set(tmp_path: Path, config_path: Path) -> None:
    for command in hr_commands(tmp_path):
        done = run_intake("--config", str(config_path), *command, secrets=False)
        assert done.returncode == 0, (command, done.stderr)
        assert "Traceback" not in done.stderr and "not set" not in done.stderr, command
        assert done.stdout.strip(), command
    listed = run_intake("--config", str(config_path), "applications", "--format", "json")
    assert [row["sender"] for row in json.loads(listed.stdout)] == ["li.wei@example.com"]


def test_status_reads_the_database_with_no_intake_secret_set(config_path: Path) -> None:
    done = run_intake("--config", str(config_path), "status", "--format", "json", secrets=False)
    assert "not set" not in done.stderr
    assert json.loads(done.stdout)["reasons"] == ["no poll has finished yet"]


def test_poll_without_its_secret_fails_in_one_line_naming_the_variable(
    config_path: Path,
) -> None:
    done = run_intake("--config", str(config_path), "poll", secrets=False)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "is not set" in line
    assert ("INTAKE_IMAP_PASSWORD" in line) or ("INTAKE_OAUTH2_SECRET" in line)
