"""Builds real, validated configs for tests from plain dictionaries."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli_w

from intake.config.settings import Config, validate_config

VACANCIES: list[dict[str, Any]] = [
    {
        "reference": "WCO/2025/DD-IS",
        "title": "Deputy Director, Implementation Support",
        "aliases": ["Directeur adjoint, Appui à la mise en œuvre"],
        "deadline": "2025-10-26",
        "languages": ["en", "fr"],
    },
    {
        "reference": "WCO/2025/HU-NA",
        "title": "Head of Unit, Needs Assessment",
        "deadline": "2025-11-30",
        "subject_requires": ["vacancy"],
    },
]


def config_document(tmp_path: Path, database_url: str) -> dict[str, Any]:
    """A complete config document with a Maildir mailbox and file acknowledgements."""
    return {
        "organisation": {"name": "World Customs Organization", "timezone": "Europe/Brussels"},
        "mailbox": {"kind": "maildir", "path": str(tmp_path / "Maildir")},
        "database": {"url": database_url},
        "acknowledgements": {
            "transport": "file",
            "sender": "Recruitment <recruitment@example.org>",
            "directory": str(tmp_path / "outbox"),
            "max_age_days": 0,  # the test mail is from 2025
        },
        "vacancies": VACANCIES,
    }


def make_config(
    tmp_path: Path,
    database_url: str,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    environ: Mapping[str, str] | None = None,
    vacancies: list[dict[str, Any]] | None = None,
) -> Config:
    """A validated Config; ``overrides`` replace whole sections, ``vacancies`` the list."""
    document = config_document(tmp_path, database_url)
    document.update({name: dict(section) for name, section in (overrides or {}).items()})
    if vacancies is not None:
        document["vacancies"] = vacancies
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    return validate_config(document, tmp_path / "config.toml", environ or {})


def write_config_file(
    tmp_path: Path, database_url: str, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> Path:
    """A config.toml on disk for tests that run ``intake`` in a separate process."""
    document = config_document(tmp_path, database_url)
    document.update({name: dict(section) for name, section in (overrides or {}).items()})
    path = tmp_path / "config.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return path
