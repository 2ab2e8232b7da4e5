"""SubjectReader scenarios: prefixes, ambiguity, typos, names in any script, letters and bodies."""

from __future__ import annotations

import pytest

from benchmarks.subject_data import load_vacancies
from parsers.subject import SubjectReader, SubjectReading

DD_IS = "WCO/2025/DD-IS"
DD_CF = "WCO/2025/DD-CF"
HU_NA = "WCO/2025/HU-NA"
PO_CB = "WCO/2025/PO-CB"
PO_TF = "WCO/2025/PO-TF"
LEGAL = "WCO/2025/LO-01"


@pytest.fixture(scope="module")
def reader() -> SubjectReader:
    return SubjectReader(load_vacancies())


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Jane Doe - Deputy Director, Implementation Support",
        "RE : Fwd: Jane Doe - Deputy Director, Implementation Support",
        "TR: AW: WG: RV: Jane Doe - Deputy Director, Implementation Support",
        "[EXT] FW: Re[3]: Jane Doe - Deputy Director, Implementation Support",
    ],
)
def test_reply_and_forward_prefixes_are_ignored(reader: SubjectReader, subject: str) -> None:
    assert reader.read(subject) == SubjectReading(vacancy=DD_IS, candidate_name="Jane Doe")


def test_programme_officer_alone_matches_neither_vacancy(reader: SubjectReader) -> None:
    reading = reader.read("Programme Officer – John Smith")
    assert reading.vacancy is None
    assert reading.ambiguous == (PO_CB, PO_TF)
    assert reading.candidate_name == "John Smith"


def test_a_reference_that_contradicts_the_title_names_no_vacancy(reader: SubjectReader) -> None:
    reading = reader.read("Programme Officer, Capacity Building – WCO/2025/PO-TF – Jin Park")
    assert reading.vacancy is None
    assert set(reading.ambiguous) == {PO_CB, PO_TF}


@pytest.mark.parametrize(
    "subject",
    [
        "WCO/2025/DD-IS",
        "WCO 2025 DD-IS",
        "WCO2025DDIS",
        "DD-IS",
        "wco-2025-dd-is",
        "Ref. 2025/DD-IS",
    ],
)
def test_reference_is_found_however_it_is_written(reader: SubjectReader, subject: str) -> None:
    assert reader.read(f"{subject} – Jane Doe").vacancy == DD_IS


@pytest.mark.parametrize(
    "subject",
    [
        "Head of Unti, Needs Assesment - Ahmed Khan",
        "Dep. Dir. Implementation Supp. - Ahmed Khan",
        "Chef d'unité, Évaluation des besoins - Ahmed Khan",
        "Needs Assessment – Ahmed Khan",
    ],
)
def test_typos_abbreviations_french_and_missing_words_still_match(
    reader: SubjectReader, subject: str
) -> None:
    reading = reader.read(subject)
    assert reading.vacancy is not None
    assert reading.candidate_name == "Ahmed Khan"


def test_word_order_and_case_do_not_matter(reader: SubjectReader) -> None:
    assert reader.read("FACILITATION AND COMPLIANCE, deputy director - Eva Lind").vacancy == DD_CF


@pytest.mark.parametrize(
    ("subject", "name"),
    [
        ("KIM Min-jun | Legal Officer", "KIM Min-jun"),
        ("DOE, Jane – Legal Officer", "DOE, Jane"),
        ("Pieter van der Berg - Legal Officer", "Pieter van der Berg"),
        ("Legal Officer – Seán O’Brien", "Seán O’Brien"),
        ("Anita D'Souza: Legal Officer", "Anita D'Souza"),
        ("Иван Петров – Legal Officer", "Иван Петров"),
        ("محمد الأحمد - Legal Officer", "محمد الأحمد"),
        ("山田 太郎 – Legal Officer", "山田 太郎"),
        ("Candidature de Jean de La Fontaine – Juriste", "Jean de La Fontaine"),
    ],
)
def test_names_are_kept_as_written(reader: SubjectReader, subject: str, name: str) -> None:
    assert reader.read(subject) == SubjectReading(vacancy=LEGAL, candidate_name=name)


@pytest.mark.parametrize(
    "subject",
    [
        "Application for the post of Deputy Director, Implementation Support",
        "Motivation letter and CV – WCO/2025/DD-IS",
        "Application – 14/10/2025 – Deputy Director, Implementation Support",
        "Re: Application",
        "",
    ],
)
def test_subject_without_a_name_gives_no_name(reader: SubjectReader, subject: str) -> None:
    assert reader.read(subject).candidate_name is None


def test_a_surname_that_is_a_title_word_stays_in_the_name(reader: SubjectReader) -> None:
    assert reader.read("Jane Head – Legal Officer").candidate_name == "Jane Head"


def test_control_characters_never_reach_the_name(reader: SubjectReader) -> None:
    subject = "Legal Officer\r\n\t– Omar\x00\x07 Far\u200bouk\x1b"
    name = reader.read(subject).candidate_name
    assert name == "Omar Farouk"


def test_vacancy_found_in_letter_sentence(reader: SubjectReader) -> None:
    letter = (
        "Dear Sir or Madam,\n\nI am writing to apply for the position of Programme Officer,\n"
        "Trade Facilitation, advertised on your website. I have worked for ten years...\n"
    )
    assert reader.vacancy_in_text(letter) == PO_TF


@pytest.mark.parametrize(
    "sentence",
    [
        "I wish to apply for the post of Head of Unit, Needs Assessment.",
        "Je vous adresse ma candidature au poste de Chef d'unité, Évaluation des besoins.",
        "Je souhaite postuler au poste de chef d'unite, evaluation des besoins.",
        "Please find my CV for vacancy WCO/2025/HU-NA attached.",
    ],
)
def test_vacancy_found_in_english_and_french_letters(reader: SubjectReader, sentence: str) -> None:
    assert reader.vacancy_in_text(f"Madame, Monsieur,\n\n{sentence}\n\nBest regards") == HU_NA


def test_vacancy_in_text_returns_none_when_two_vacancies_are_named(reader: SubjectReader) -> None:
    text = "I apply for Deputy Director, Implementation Support and also for WCO/2025/PO-CB."
    assert reader.vacancy_in_text(text) is None


def test_vacancy_in_text_returns_none_for_an_ambiguous_sentence(reader: SubjectReader) -> None:
    assert reader.vacancy_in_text("I am applying for the Programme Officer post.") is None


def test_vacancy_in_text_finds_a_whole_title_anywhere(reader: SubjectReader) -> None:
    text = "Dear HR,\n\nattached are my documents.\n\nRe: Legal Officer\n\nKind regards"
    assert reader.vacancy_in_text(text) == LEGAL


def test_vacancy_in_text_reads_a_twenty_page_text(reader: SubjectReader) -> None:
    page = "I led customs reform projects and trained officers in risk management. " * 60
    text = page * 20 + "I wish to apply for the post of Legal Officer."
    assert reader.vacancy_in_text(text) == LEGAL


def test_a_short_code_with_digits_names_its_vacancy(reader: SubjectReader) -> None:
    reading = reader.read("LO-01 – Jane Doe")
    assert reading == SubjectReading(vacancy=LEGAL, candidate_name="Jane Doe")


def test_lower_case_words_are_no_name_when_the_subject_capitalises_others(
    reader: SubjectReader,
) -> None:
    subject = "Application for Legal Officer position, please confirm receipt"
    assert reader.read(subject).candidate_name is None


def test_name_in_lower_case_is_kept_when_the_whole_subject_is_lower_case(
    reader: SubjectReader,
) -> None:
    assert reader.read("application legal officer - jane doe").candidate_name == "jane doe"


def test_past_job_title_deep_in_a_letter_is_not_the_vacancy_applied_for(
    reader: SubjectReader,
) -> None:
    opening = "\n".join(f"Address line {n}" for n in range(12))
    letter = (
        f"{opening}\n\nDear Sir or Madam,\n\nPlease consider my candidature.\n\n"
        "From 2015 to 2020 I worked as Legal Officer at the Ministry of Finance.\n\nJane Doe"
    )
    assert reader.vacancy_in_text(letter) is None


def test_bare_title_in_a_letter_heading_names_the_vacancy(reader: SubjectReader) -> None:
    letter = "Jane Doe\nBrussels\n\nSubject: Legal Officer\n\nDear Sir or Madam,\n\nJane Doe"
    assert reader.vacancy_in_text(letter) == "WCO/2025/LO-01"
