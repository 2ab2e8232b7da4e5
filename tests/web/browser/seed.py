"""Seeded data for the console: stored applications grouped into candidates, and users."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from intake.config.runtime import open_runtime
from tests.configs import make_config, write_config_file
from tests.hr_data import Doc, Stored, store_applications
from tests.processes import REPO

DIRECTOR = "WCO/2025/DD-IS"
HEAD_OF_UNIT = "WCO/2025/HU-NA"
HOSTILE = "<img src=x onerror=alert(1)>"
MARIA_CV = b"%PDF-1.4\n% Maria Fernandez, curriculum vitae\n%%EOF\n"
PASSWORD = "correct horse battery staple"
INTAKE = (sys.executable, "-m", "intake")


@dataclass(frozen=True)
class User:
    """A console user the seed creates: name, role and the vacancy of a panel."""

    name: str
    role: str
    vacancy: str | None = None


HR = User("hana.hr", "hr")
PANEL = User("pablo.panel", "panel", HEAD_OF_UNIT)


def applications() -> list[Stored]:
    """Maria (CV and letter), John (CV only) for the director; Amina and a hostile name for
    the head of unit."""
    return [
        Stored(documents=(Doc("CV.pdf", content=MARIA_CV), Doc("Letter.pdf", "motivation_letter"))),
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
            vacancy=HEAD_OF_UNIT,
        ),
        Stored(
            sender="mallory@example.net",
            sender_name=HOSTILE,
            candidate_name=HOSTILE,
            subject=f"Application – Head of Unit, Needs Assessment – {HOSTILE}",
            body=f"<script>alert(2)</script> {HOSTILE}",
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
    _intake(config, "reprocess", "--all")
    for user in (HR, PANEL):
        vacancy = ("--vacancy", user.vacancy) if user.vacancy else ()
        _intake(config, "users", "add", user.name, "--role", user.role, *vacancy,
                "--password-stdin", stdin=f"{PASSWORD}\n")  # fmt: skip
    return config


def _intake(config: Path, *args: str, stdin: str | None = None) -> None:
    """Run ``intake --config CONFIG ARGS``; an AssertionError with its stderr when it fails."""
    done = subprocess.run(
        [*INTAKE, "--config", str(config), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, (args, done.stderr)
