"""Seeded data for the console: stored applications grouped into candidates, and users."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from intake.config.runtime import open_runtime
from tests.candidate_messages import cv_file, letter_file
from tests.configs import make_config, write_config_file
from tests.hr_data import Doc, Stored, store_applications
from tests.processes import REPO
from tests.web_process import INTAKE

DIRECTOR = "WCO/2025/DD-IS"
HEAD_OF_UNIT = "WCO/2025/HU-NA"
HOSTILE = "<img src=x onerror=alert(1)>"
_CV_NAME, _CV_TYPE, MARIA_CV = cv_file("Maria Fernández")
_LETTER_NAME, _LETTER_TYPE, MARIA_LETTER = letter_file("Maria Fernández")
PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class User:
    """A console user the seed creates: name, role and the vacancy of a panel."""

    name: str
    role: str
    vacancy: str | None = None


HR = User("hana.hr", "hr")
PANEL = User("pablo.panel", "panel", HEAD_OF_UNIT)


def applications() -> list[Stored]:
    """Maria (a real CV and letter), John (CV only) for the director; Amina and a
    hostile name for the head of unit, on different days."""
    return [
        Stored(
            documents=(
                Doc(_CV_NAME, content=MARIA_CV, content_type=_CV_TYPE),
                Doc(_LETTER_NAME, "motivation_letter", MARIA_LETTER, content_type=_LETTER_TYPE),
            )
        ),
        Stored(
            sender="john.smith@example.com",
            sender_name="John Smith",
            candidate_name="John SMITH",
            subject="Application – Deputy Director, Implementation Support – John SMITH",
            documents=(Doc("John_Smith_CV.pdf"),),
            flags=(("letter_missing", None),),
        ),
        Stored(
            sender="amina.diallo@example.com",
            sender_name="Amina Diallo",
            candidate_name="Amina DIALLO",
            subject="Application – Head of Unit, Needs Assessment – Amina DIALLO",
            received_at=datetime(2025, 11, 3, 16, 40, tzinfo=UTC),
            vacancy=HEAD_OF_UNIT,
        ),
        Stored(
            sender="mallory@example.net",
            sender_name=HOSTILE,
            candidate_name=HOSTILE,
            subject=f"Application – Head of Unit, Needs Assessment – {HOSTILE}",
            body=f"<script>alert(2)</script> {HOSTILE}",
            received_at=datetime(2025, 11, 12, 23, 55, tzinfo=UTC),
            vacancy=HEAD_OF_UNIT,
        ),
    ]


def seed_console(directory: Path, database_url: str) -> Path:
    """Store the applications, group them into candidates, add the users; the config file."""
    runtime = open_runtime(make_config(directory, database_url))
    try:
        store_applications(runtime.sessions, applications())
    finally:
        runtime.close()
    config = write_config_file(directory, database_url)
    run_intake_checked(config, "reprocess", "--all")
    for user in (HR, PANEL):
        vacancy = ("--vacancy", user.vacancy) if user.vacancy else ()
        run_intake_checked(config, "users", "add", user.name, "--role", user.role, *vacancy,
                           "--password-stdin", stdin=f"{PASSWORD}\n")  # fmt: skip
    return config


def run_intake_checked(config: Path, *args: str, stdin: str | None = None) -> None:
    """Run ``intake --config CONFIG ARGS``; an AssertionError with its stderr when it fails."""
    done = subprocess.run(
        [*INTAKE, "--config", str(config), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, (args, done.stderr)
