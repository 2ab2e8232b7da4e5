"""Flags HR must check, as small named rules in one ordered table (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Iterable

from intake.config.settings import Config
from intake.rules.candidate import possible_relative, relative_declared, resubmission
from intake.rules.documents import (
    cv_missing,
    letter_in_body,
    letter_missing,
    macro_document,
    not_in_required_language,
    oversized,
    unreadable_document,
)
from intake.rules.facts import Facts
from intake.rules.links import documents_linked
from intake.rules.subject import Rule, name_missing, subject_invalid, vacancy_unknown
from intake.rules.time import date_mismatch, late
from storage.records import FlagRecord

RULES: tuple[tuple[str, Rule], ...] = (
    ("subject_invalid", subject_invalid),
    ("vacancy_unknown", vacancy_unknown),
    ("name_missing", name_missing),
    ("late", late),
    ("date_mismatch", date_mismatch),
    ("cv_missing", cv_missing),
    ("letter_missing", letter_missing),
    ("letter_in_body", letter_in_body),
    ("relative_declared", relative_declared),
    ("possible_relative", possible_relative),
    ("not_in_required_language", not_in_required_language),
    ("unreadable_document", unreadable_document),
    ("macro_document", macro_document),
    ("resubmission", resubmission),
    ("oversized", oversized),
    ("documents_linked", documents_linked),
)


def judge(
    facts: Facts, config: Config, rules: Iterable[tuple[str, Rule]] = RULES
) -> tuple[FlagRecord, ...]:
    """Run every rule in order and collect the flags they raise."""
    flags = (rule(facts, config) for _name, rule in rules)
    return tuple(flag for flag in flags if flag is not None)
