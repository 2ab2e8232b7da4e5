"""Candidates in a spreadsheet as HR reads them: headings in words, flags spelled out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

#: What each flag code means, in a few words for a spreadsheet cell.
FLAG_WORDS: dict[str, str] = {
    "subject_invalid": "subject line incomplete",
    "vacancy_unknown": "vacancy not recognised",
    "name_missing": "no name in the subject",
    "late": "late",
    "date_mismatch": "sender's date disagrees with receipt",
    "cv_missing": "no CV",
    "letter_missing": "no motivation letter",
    "letter_in_body": "letter written in the email",
    "relative_declared": "relative on the staff declared",
    "possible_relative": "surname in the staff register",
    "not_in_required_language": "document not in a required language",
    "unreadable_document": "document could not be read",
    "macro_document": "document with macros",
    "resubmission": "sent again",
    "oversized": "over a size limit",
    "documents_linked": "CV or letter sent as a link",
    "acknowledgement_unsafe": "acknowledgement not sent",
    "sender_mismatch": "written from several addresses",
}
STATUS_WORDS = {
    "new": "New",
    "shortlisted": "Shortlisted",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "hired": "Hired",
}


def headings(zone: ZoneInfo) -> tuple[str, ...]:
    """The column headings, the time one naming the organisation's city."""
    city = zone.key.rsplit("/", 1)[-1].replace("_", " ")
    return (
        "Candidate", "Vacancy", "Status", f"Received ({city} time)", "Emails", "Addresses",
        "CV", "Letter", "Complete", "Relatives declared", "Late", "Flags", "Number",
    )  # fmt: skip


def sheet_rows(candidates: Iterable[dict[str, Any]], zone: ZoneInfo) -> Iterator[dict[str, Any]]:
    """Each candidate (as ``candidate_dicts`` gives it) as a row keyed by ``headings``."""
    names = headings(zone)
    for item in candidates:
        values = (
            item["candidate_name"] or "(no name given)",
            item["vacancy"] or "(not recognised)",
            STATUS_WORDS.get(item["status"], item["status"]),
            _local(item["received_at"], zone),
            len(item["applications"]),
            ", ".join(item["senders"]),
            _yes(item["has_cv"]),
            _yes(item["has_letter"]),
            _yes(item["complete"]),
            {"declared": "yes", "denied": "no (said none)"}.get(item["relatives"], "no"),
            "unknown" if item["late"] is None else _yes(item["late"]),
            "; ".join(FLAG_WORDS.get(code, code) for code in item["flags"]),
            item["id"],
        )
        yield dict(zip(names, values, strict=True))


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _local(iso: str | None, zone: ZoneInfo) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
