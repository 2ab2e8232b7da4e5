"""Relatives through a real poll: declarations in bodies and DOCX forms, the staff register."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import open_runtime
from intake.config.settings import Config
from tests import candidate_files, messages
from tests.configs import make_config
from tests.documents import docx_bytes
from tests.polling import flag_evidence, poll_applications

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
DD_IS = "Application – Deputy Director, Implementation Support – Anna DE VRIES"
REGISTER = "name,unit\nPieter de Vries,Procurement\nCarlos FERNÁNDEZ RUIZ,Finance\n"


def form_letter(answer: str) -> tuple[str, str, bytes]:
    """A motivation letter ending with the notice's declaration form as a Word table."""
    letter = docx_bytes(
        candidate_files.LETTER_PARAGRAPHS,
        table_rows=[
            ["Vacancy", "WCO/2025/DD-IS"],
            ["Family members in the Organization", answer],
        ],
    )
    return ("Motivation letter.docx", "application/octet-stream", letter)


def application(answer: str | None = None, body: str | None = None) -> bytes:
    cv = ("CV Anna de Vries.pdf", "application/pdf", candidate_files.cv_pdf())
    letter = form_letter(answer) if answer is not None else None
    return messages.application(
        sender="Anna de Vries <anna.devries@example.nl>",
        subject=DD_IS,
        body=body or "Dear Sir or Madam,\n\nPlease find my application attached.\n\nAnna",
        attachments=(cv, letter) if letter else (cv,),
    )


def poll_one(config: Config, sessions: sessionmaker[Session], raw: bytes) -> dict[str, Any]:
    (row,) = poll_applications(config, sessions, [(raw, RECEIVED)])
    return row


def test_a_declaration_in_a_word_form_table_is_stored_with_its_evidence(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    row = poll_one(config, sessions, application("Yes – my brother, Jan de Vries (Finance)"))
    assert row["relatives"] == "declared"
    assert row["relatives_relation"] == "brother"
    assert row["relatives_name"] == "Jan de Vries"
    assert "relative_declared" in row["flags"]
    assert "Motivation letter.docx" in (row["relatives_evidence"] or "")
    assert flag_evidence(sessions, row["id"], "relative_declared") == row["relatives_evidence"]


def test_a_no_in_the_form_table_is_a_denial_and_raises_no_flag(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    row = poll_one(config, sessions, application("No"))
    assert row["relatives"] == "denied"
    assert row["relatives_evidence"]
    assert "relative_declared" not in row["flags"]


def test_a_candidate_who_says_nothing_has_none(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    row = poll_one(config, sessions, application())
    assert (row["relatives"], row["relatives_evidence"]) == ("none", None)


def registered_config(tmp_path: Path, database_url: str) -> Config:
    register = tmp_path / "staff.csv"
    register.write_text(REGISTER, encoding="utf-8")
    organisation = {
        "name": "World Customs Organization",
        "timezone": "Europe/Brussels",
        "staff_register": str(register),
        "aliases": ["WCO", "OMD"],
    }
    return make_config(tmp_path, database_url, {"organisation": organisation})


def test_a_surname_in_the_staff_register_without_a_declaration_is_a_possible_relative(
    tmp_path: Path, database_url: str
) -> None:
    config = registered_config(tmp_path, database_url)
    with closing(open_runtime(config)) as runtime:
        row = poll_one(config, runtime.sessions, application())
        evidence = flag_evidence(runtime.sessions, row["id"], "possible_relative")
    assert "Pieter de Vries" in evidence
    assert "only a hint" in evidence


def test_a_denial_does_not_hide_a_surname_found_in_the_register(
    tmp_path: Path, database_url: str
) -> None:
    config = registered_config(tmp_path, database_url)
    with closing(open_runtime(config)) as runtime:
        row = poll_one(config, runtime.sessions, application("No"))
        evidence = flag_evidence(runtime.sessions, row["id"], "possible_relative")
    assert row["relatives"] == "denied"
    assert "states no relative" in evidence


def test_a_declared_relative_is_not_also_a_possible_one(tmp_path: Path, database_url: str) -> None:
    config = registered_config(tmp_path, database_url)
    body = (
        "Dear Sir or Madam,\n\nIn line with the vacancy notice, I declare that my father, "
        "Pieter de Vries, is a staff member of the WCO Secretariat.\n\nAnna"
    )
    with closing(open_runtime(config)) as runtime:
        row = poll_one(config, runtime.sessions, application(body=body))
    assert row["relatives"] == "declared"
    assert row["relatives_relation"] == "father"
    assert {"relative_declared"} <= set(row["flags"])
    assert "possible_relative" not in row["flags"]


def test_a_french_declaration_naming_the_configured_french_name_is_declared(
    tmp_path: Path, database_url: str
) -> None:
    organisation = {
        "name": "World Customs Organization",
        "timezone": "Europe/Brussels",
        "names": {"fr": "Organisation mondiale des douanes"},
        "aliases": ["WCO", "OMD"],
    }
    config = make_config(tmp_path, database_url, {"organisation": organisation})
    body = (
        "Madame, Monsieur,\n\nVeuillez trouver ci-joint ma candidature. Par souci de "
        "transparence, mon frère est employé par l'Organisation mondiale des douanes.\n\nAnna"
    )
    with closing(open_runtime(config)) as runtime:
        row = poll_one(config, runtime.sessions, application(body=body))
    assert (row["relatives"], row["relatives_relation"]) == ("declared", "brother")
    assert "relative_declared" in row["flags"]
    assert "Organisation mondiale des douanes" in (row["relatives_evidence"] or "")
