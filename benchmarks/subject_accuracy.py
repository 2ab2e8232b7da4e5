"""Accuracy of the subject reader on the labelled subject lines in tests/data.

Run from the repository root:
    python3 -m benchmarks.subject_accuracy
Prints vacancy and name accuracy, every miss (expected against got) and the wrong vacancies
given for ambiguous subjects; exits 1 when below the thresholds below.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.subject_data import LabelledSubject, load_subjects, load_vacancies
from parsers.subject import SubjectReader, SubjectReading

MIN_VACANCY_ACCURACY = 0.98
MIN_NAME_ACCURACY = 0.97


@dataclass(frozen=True)
class Outcome:
    """One labelled subject and what the reader made of it."""

    row: LabelledSubject
    reading: SubjectReading

    @property
    def vacancy_right(self) -> bool:
        return self.reading.vacancy == self.row.vacancy

    @property
    def name_right(self) -> bool:
        return self.reading.candidate_name == self.row.name

    @property
    def wrong_on_ambiguous(self) -> bool:
        return "ambiguous" in self.row.tags and self.reading.vacancy is not None


@dataclass(frozen=True)
class Score:
    """The figures the thresholds are checked against."""

    vacancy_accuracy: float
    name_accuracy: float
    wrong_on_ambiguous: int

    @property
    def passed(self) -> bool:
        return (
            self.vacancy_accuracy >= MIN_VACANCY_ACCURACY
            and self.name_accuracy >= MIN_NAME_ACCURACY
            and self.wrong_on_ambiguous == 0
        )


def evaluate() -> list[Outcome]:
    """Read every labelled subject with a reader built on the labelled vacancies."""
    reader = SubjectReader(load_vacancies())
    return [Outcome(row, reader.read(row.subject)) for row in load_subjects()]


def score(outcomes: Sequence[Outcome]) -> Score:
    """Vacancy and name accuracy, and wrong vacancies given for ambiguous subjects."""
    total = len(outcomes)
    return Score(
        vacancy_accuracy=sum(outcome.vacancy_right for outcome in outcomes) / total,
        name_accuracy=sum(outcome.name_right for outcome in outcomes) / total,
        wrong_on_ambiguous=sum(outcome.wrong_on_ambiguous for outcome in outcomes),
    )


def report(outcomes: Sequence[Outcome], result: Score) -> None:
    """Print the misses, then the figures."""
    for outcome in outcomes:
        if outcome.vacancy_right and outcome.name_right:
            continue
        row, got = outcome.row, outcome.reading
        print(f"line {row.line} [{' '.join(sorted(row.tags))}] {row.subject!r}")
        if not outcome.vacancy_right:
            print(f"    vacancy: expected {row.vacancy} got {got.vacancy} {got.ambiguous or ''}")
        if not outcome.name_right:
            print(f"    name:    expected {row.name!r} got {got.candidate_name!r}")
    print(f"subjects: {len(outcomes)}")
    print(f"vacancy accuracy: {result.vacancy_accuracy:.1%} (at least {MIN_VACANCY_ACCURACY:.0%})")
    print(f"name accuracy:    {result.name_accuracy:.1%} (at least {MIN_NAME_ACCURACY:.0%})")
    print(f"wrong vacancy on ambiguous subjects: {result.wrong_on_ambiguous} (must be 0)")


def main() -> None:
    outcomes = evaluate()
    result = score(outcomes)
    report(outcomes, result)
    sys.exit(0 if result.passed else 1)


if __name__ == "__main__":
    main()
