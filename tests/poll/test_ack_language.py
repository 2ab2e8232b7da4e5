"""The language an acknowledgement is written in: the candidate's, else the vacancy's first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.mailbox.base import RawMessage
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from tests import candidate_files, messages
from tests.configs import VACANCIES, make_config

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
CV = ("CV.pdf", "application/pdf", candidate_files.cv_pdf())
FRENCH_BODY = (
    "Madame, Monsieur,\n\nJe vous adresse ma candidature au poste de directeur adjoint. "
    "Vous trouverez mon curriculum vitae en pièce jointe.\n\nJean Dupont"
)
Language = Callable[[list[str], bytes], str]


@pytest.fixture
def ack_language(tmp_path: Path) -> Iterator[Language]:
    """The acknowledgement language of one message, the first vacancy listing ``languages``."""
    extractors: list[InlineExtractor] = []

    def run(languages: list[str], data: bytes) -> str:
        vacancies = [{**VACANCIES[0], "languages": languages}, VACANCIES[1]]
        config = make_config(tmp_path, "sqlite:///:memory:", vacancies=vacancies)
        extractors.append(InlineExtractor(extraction_limits(config)))
        record = Analyser(config, extractors[-1]).analyse(
            RawMessage("test", "INBOX", 1, "1", RECEIVED, data)
        )
        assert record.application is not None, record.error
        return record.application.acknowledgement.language or ""

    yield run
    for extractor in extractors:
        extractor.close()


def _short(**changes: object) -> bytes:
    """An application whose own words are too few to tell a language: a CV, two words."""
    fields: dict[str, object] = {
        "subject": "Jean Dupont - WCO/2025/DD-IS",
        "body": "CV attached",
        "attachments": (CV,),
        **changes,
    }
    return messages.application(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("languages", "expected"), [(["fr", "en"], "fr"), (["en", "fr"], "en")])
def test_without_a_language_of_its_own_the_vacancy_first_language_is_used(
    ack_language: Language, languages: list[str], expected: str
) -> None:
    assert ack_language(languages, _short()) == expected


def test_the_candidate_language_wins_over_the_vacancy_order(ack_language: Language) -> None:
    assert ack_language(["en", "fr"], _short(body=FRENCH_BODY)) == "fr"


def test_a_language_without_templates_falls_back_to_the_vacancy_first(
    ack_language: Language,
) -> None:
    german = (
        "Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich um die Stelle. Meinen "
        "Lebenslauf finden Sie im Anhang.\n\nMit freundlichen Grüßen\nJan Schmidt"
    )
    assert ack_language(["fr", "en"], _short(body=german)) == "fr"
