"""Rules about the subject line: does it carry the name and the vacancy the notice asks for."""

from __future__ import annotations

from collections.abc import Callable

from intake.config.settings import SUBJECT_PARTS, Config
from intake.rules.facts import Facts
from storage.records import FlagRecord

Rule = Callable[[Facts, Config], FlagRecord | None]


def subject_invalid(facts: Facts, config: Config) -> FlagRecord | None:
    """The subject lacks what the vacancy's notice asks for (by default the name and vacancy)."""
    requires = facts.vacancy.subject_requires if facts.vacancy else SUBJECT_PARTS
    missing = []
    if "vacancy" in requires and facts.subject.vacancy is None:
        missing.append(_vacancy_problem(facts))
    if "name" in requires and facts.subject.candidate_name is None:
        missing.append("carries no candidate name")
    if not missing:
        return None
    evidence = f"subject {' and '.join(missing)}: {_quoted(facts)}"
    if facts.vacancy is not None and facts.vacancy_source != "subject":
        evidence += f"; the {facts.vacancy_source} names {facts.vacancy.reference}"
    return FlagRecord("subject_invalid", evidence)


def vacancy_unknown(facts: Facts, config: Config) -> FlagRecord | None:
    """No configured vacancy is named clearly in the subject, the body or a letter."""
    if facts.vacancy is not None:
        return None
    return FlagRecord(
        "vacancy_unknown",
        f"subject {_vacancy_problem(facts)}, and neither the body nor a letter names exactly "
        f"one vacancy: {_quoted(facts)}",
    )


def name_missing(facts: Facts, config: Config) -> FlagRecord | None:
    """The subject carries no candidate name (the sender's display name is not taken for it)."""
    if facts.subject.candidate_name is not None:
        return None
    sender = facts.message.sender_name
    shown = f"; the sender's display name is {sender!r}" if sender else ""
    return FlagRecord("name_missing", f"no candidate name in the subject {_quoted(facts)}{shown}")


def _vacancy_problem(facts: Facts) -> str:
    if facts.subject.ambiguous:
        return f"fits several vacancies equally ({', '.join(facts.subject.ambiguous)})"
    return "names no configured vacancy"


def _quoted(facts: Facts) -> str:
    return repr(facts.message.subject)
