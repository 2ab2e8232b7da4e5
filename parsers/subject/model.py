"""The frozen values the subject reader takes (vacancy terms) and gives (a reading)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VacancyTerms:
    """What a vacancy is called: its reference, its title and other titles (e.g. French)."""

    reference: str
    title: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubjectReading:
    """What a subject line says: the vacancy's reference and the candidate's name.

    ``vacancy`` is None when no vacancy is named or when several fit equally well; the
    latter are listed, by reference, in ``ambiguous``.
    """

    vacancy: str | None
    candidate_name: str | None
    ambiguous: tuple[str, ...] = ()
