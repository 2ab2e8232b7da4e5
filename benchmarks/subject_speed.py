"""Subject lines read per second on one core, with 50 vacancies configured.

Run from the repository root:
    python3 -m benchmarks.subject_speed [--seconds 1.0] [--repeat 7]
The vacancies are the labelled ones in tests/data plus generated realistic ones; the subjects
are the labelled subject lines, read over and over, each time behind a name never seen before
(the reader remembers word look-ups, so repeating names would flatter it). Rates are per
second of CPU time of this process (one core; other load on the machine does not count),
with the wall-clock rate beside them.
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


def unseen_name(number: int) -> str:
    """A made-up two-word name, different for every ``number``."""
    syllables = ("ka", "mi", "ro", "zu", "te", "lo", "va", "ne", "shi", "do", "ra", "pe")
    letters = []
    while True:
        number, digit = divmod(number, len(syllables))
        letters.append(syllables[digit])
        if number == 0:
            break
    word = "".join(letters)
    return f"{word[:4].title()}{word[4:]} {word[::-1].title()}ski"


def rate(subjects: list[str], seconds: float, first_name: int) -> tuple[float, float, int]:
    """Subjects read per CPU second and per wall second by a fresh reader, and names used."""
    reader = SubjectReader(fifty_vacancies())
    batches = [
        [f"{unseen_name(first_name + n * len(subjects) + i)} – {s}" for i, s in enumerate(subjects)]
        for n in range(int(seconds * 20_000 / len(subjects)) + 1)
    ]
    done = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for batch in batches:
        for subject in batch:
            reader.read(subject)
        done += len(batch)
        if time.process_time() - cpu >= seconds:
            break
    return done / (time.process_time() - cpu), done / (time.perf_counter() - wall), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    subjects = [row.subject for row in load_subjects()]
    cpu_rates, wall_rates = [], []
    names_used = 0
    for _ in range(args.repeat):
        cpu_rate, wall_rate, done = rate(subjects, args.seconds, names_used)
        cpu_rates.append(cpu_rate)
        wall_rates.append(wall_rate)
        names_used += done
    print(f"vacancies: {VACANCY_COUNT}, distinct subjects: {len(subjects)}, repeats: {args.repeat}")
    print(
        f"subjects/s per CPU second (median): {statistics.median(cpu_rates):,.0f}"
        f"  (min {min(cpu_rates):,.0f}, max {max(cpu_rates):,.0f})"
    )
    print(f"subjects/s wall clock (median): {statistics.median(wall_rates):,.0f}")


if __name__ == "__main__":
    main()
