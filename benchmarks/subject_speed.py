"""Subject lines read per second on one core, with 50 vacancies configured.

Run from the repository root:
    python3 -m benchmarks.subject_speed [--seconds 1.0] [--repeat 7]
The vacancies are the labelled ones in tests/data plus generated realistic ones; the subjects
are the labelled subject lines, read over and over. A fresh reader is built for each repeat.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from benchmarks.subject_data import load_subjects, load_vacancies
from parsers.subject import SubjectReader, VacancyTerms

VACANCY_COUNT = 50
_ROLES = (
    ("Senior Officer", "Administrateur principal"),
    ("Programme Manager", "Gestionnaire de programme"),
    ("Technical Attaché", "Attaché technique"),
    ("Head of Section", "Chef de section"),
    ("Policy Adviser", "Conseiller politique"),
    ("Project Coordinator", "Coordinateur de projet"),
)
_FIELDS = (
    ("Tariff and Trade Affairs", "Affaires tarifaires et commerciales"),
    ("Procurement", "Achats"),
    ("Human Resources", "Ressources humaines"),
    ("Information Technology", "Technologies de l'information"),
    ("Enforcement and Compliance", "Lutte contre la fraude et conformité"),
    ("Origin and Valuation", "Origine et valeur"),
    ("Communication", "Communication"),
    ("Security Programme", "Programme de sécurité"),
)


def fifty_vacancies() -> list[VacancyTerms]:
    """The labelled vacancies, then generated ones (role × field) up to fifty."""
    vacancies = load_vacancies()
    pairs = itertools.product(_ROLES, _FIELDS)
    for number, ((role, role_fr), (field, field_fr)) in enumerate(pairs, start=1):
        if len(vacancies) >= VACANCY_COUNT:
            break
        vacancies.append(
            VacancyTerms(
                reference=f"WCO/2025/G-{number:03d}",
                title=f"{role}, {field}",
                aliases=(f"{role_fr}, {field_fr}",),
            )
        )
    return vacancies


def rate(subjects: list[str], seconds: float) -> float:
    """Subjects read per second by a fresh reader, reading ``subjects`` for about ``seconds``."""
    reader = SubjectReader(fifty_vacancies())
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for subject in subjects:
            reader.read(subject)
        done += len(subjects)
    return done / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    subjects = [row.subject for row in load_subjects()]
    rates = [rate(subjects, args.seconds) for _ in range(args.repeat)]
    print(f"vacancies: {VACANCY_COUNT}, distinct subjects: {len(subjects)}, repeats: {args.repeat}")
    print(
        f"subjects/s (median): {statistics.median(rates):,.0f}"
        f"  (min {min(rates):,.0f}, max {max(rates):,.0f})"
    )


if __name__ == "__main__":
    main()
