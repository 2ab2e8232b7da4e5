"""Whatever a subject holds, the reader answers: no exception, and a name safe to store."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.subject_data import load_vacancies
from parsers.subject import SubjectReader

READER = SubjectReader(load_vacancies())
REFERENCES = {vacancy.reference for vacancy in load_vacancies()}
# Every character, control and invisible ones included, with the words subjects are made of.
SUBJECT_PARTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["Re:", "Fwd:", "Application", "Legal Officer", "WCO/2025/LO-01", "–", "|", "Jane", "Doe"]
    ),
)
SUBJECTS = st.lists(SUBJECT_PARTS, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(SUBJECTS)
def test_any_subject_gives_a_reading_with_a_storable_name(subject: str) -> None:
    reading = READER.read(subject)
    assert reading.vacancy is None or reading.vacancy in REFERENCES
    assert set(reading.ambiguous) <= REFERENCES
    name = reading.candidate_name
    if name is not None:
        assert name == name.strip() and 0 < len(name) <= 100
        assert not any(unicodedata.category(char) == "Cc" for char in name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_letter_text_gives_one_known_vacancy_or_none(text: str) -> None:
    found = READER.vacancy_in_text(text)
    assert found is None or found in REFERENCES
