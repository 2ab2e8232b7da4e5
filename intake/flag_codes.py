"""The flag codes of the contract: the rules' in the order of ``intake.rules.table.RULES``, then the
outbox's (light to import)."""

from __future__ import annotations

#: Every code a rule can raise; a test checks that this agrees with ``intake.rules.table.RULES``.
RULE_FLAG_CODES: tuple[str, ...] = (
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
    "documents_linked",
)

#: Raised by the outbox when an acknowledgement, composed and parsed back, did not carry the
#: headers meant (intake.acks.header_check): it was not sent.
ACKNOWLEDGEMENT_UNSAFE = "acknowledgement_unsafe"
#: Raised on a candidate (never on one application) whose messages come from several addresses.
SENDER_MISMATCH = "sender_mismatch"
#: Every code an application can carry.
APPLICATION_FLAG_CODES: tuple[str, ...] = (*RULE_FLAG_CODES, ACKNOWLEDGEMENT_UNSAFE)
#: Every code of the contract: an application's, then the candidate's own.
FLAG_CODES: tuple[str, ...] = (*APPLICATION_FLAG_CODES, SENDER_MISMATCH)
