"""The labelled subject lines and their vacancies (tests/data), loaded for benchmarks and tests."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from parsers.subject import VacancyTerms

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
VACANCIES_FILE = DATA / "subject_vacancies.toml"
SUBJECTS_FILE = DATA / "subjects.tsv"
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))")
_NAMED_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


@dataclass(frozen=True)
class LabelledSubject:
    """A subject line and what it says: vacancy reference and name (None when absent)."""

    subject: str
    vacancy: str | None
    name: str | None
    tags: frozenset[str]
    line: int


def load_vacancies(path: Path = VACANCIES_FILE) -> list[VacancyTerms]:
    """The ``[[vacancies]]`` of a TOML file as VacancyTerms."""
    with path.open("rb") as file:
        entries = tomllib.load(file)["vacancies"]
    return [
        VacancyTerms(entry["reference"], entry["title"], tuple(entry.get("aliases", ())))
        for entry in entries
    ]


def load_subjects(path: Path = SUBJECTS_FILE) -> list[LabelledSubject]:
    """The labelled rows of the TSV; ``#`` lines and the header row are skipped."""
    rows: list[LabelledSubject] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.startswith("#") or line.startswith("subject\t") or not line.strip():
            continue
        subject, vacancy, name, tags = line.split("\t")
        rows.append(
            LabelledSubject(
                subject=decode_escapes(subject),
                vacancy=vacancy or None,
                name=name or None,
                tags=frozenset(tags.split()),
                line=number,
            )
        )
    return rows


def decode_escapes(text: str) -> str:
    """The escapes ``\\t \\n \\r \\xHH \\uHHHH \\\\`` as the characters they name."""
    return _ESCAPE.sub(_decode_one, text)


def _decode_one(match: re.Match[str]) -> str:
    hex_code = match.group(1) or match.group(2)
    if hex_code:
        return chr(int(hex_code, 16))
    return _NAMED_ESCAPES.get(match.group(3), match.group())
