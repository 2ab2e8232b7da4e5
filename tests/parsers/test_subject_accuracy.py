"""The subject reader on the labelled subject lines meets the accuracy the benchmark demands."""

from __future__ import annotations

import pytest

from benchmarks.subject_accuracy import (
    MIN_NAME_ACCURACY,
    MIN_VACANCY_ACCURACY,
    Outcome,
    evaluate,
    score,
)
from benchmarks.subject_data import load_subjects


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return evaluate()


def test_the_labelled_data_is_large_and_varied_enough() -> None:
    rows = load_subjects()
    assert len(rows) >= 160
    assert sum("ambiguous" in row.tags for row in rows) >= 10
    assert all(row.vacancy is None for row in rows if "ambiguous" in row.tags)


def test_vacancy_accuracy_meets_the_threshold(outcomes: list[Outcome]) -> None:
    misses = [
        (o.row.subject, o.row.vacancy, o.reading.vacancy) for o in outcomes if not o.vacancy_right
    ]
    assert score(outcomes).vacancy_accuracy >= MIN_VACANCY_ACCURACY, misses


def test_name_accuracy_meets_the_threshold(outcomes: list[Outcome]) -> None:
    misses = [
        (o.row.subject, o.row.name, o.reading.candidate_name) for o in outcomes if not o.name_right
    ]
    assert score(outcomes).name_accuracy >= MIN_NAME_ACCURACY, misses


def test_no_ambiguous_subject_gets_a_vacancy(outcomes: list[Outcome]) -> None:
    wrong = [(o.row.subject, o.reading.vacancy) for o in outcomes if o.wrong_on_ambiguous]
    assert wrong == []
