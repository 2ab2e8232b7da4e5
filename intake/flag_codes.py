"""The contract's flag codes, in the order of ``intake.rules.table.RULES`` (light to import)."""

from __future__ import annotations

#: Every code a rule can raise; a test checks that this agrees with ``intake.rules.table.RULES``.
FLAG_CODES: tuple[str, ...] = (
    "subject_invalid",
    "vacancy_unknown",
    "name_missing",
    "late",
    "date_mismatch",
    "cv_missing",
    "letter_missing",
    "letter_in_body",
    "relative_declared",
    "possible_relative",
    "not_in_required_language",
    "unreadable_document",
    "macro_document",
    "resubmission",
    "oversized",
)
