"""One application laid out for a terminal by ``intake show``: sections, wrapped text, excerpts.

It lays out the safe object of ``intake.hr.application.detail``; only here do lines break.
"""

from __future__ import annotations

from typing import Any

from intake.config.settings import Config
from intake.hr.application.detail import detail_dict
from intake.terminal_text import wrapped
from storage.application_detail import ApplicationDetail

EXCERPT_LINES = 6
INDENT = "    "
LABEL_WIDTH = 15
VALUE_INDENT = " " * (LABEL_WIDTH + 3)


def detail_lines(detail: ApplicationDetail, config: Config) -> list[str]:
    """The application laid out for a terminal, section by section."""
    shown = detail_dict(detail, config)
    return [
        *_overview(shown),
        "",
        *_headers(shown["headers"]),
        "",
        *_documents(shown["documents"]),
        "",
        *_flags(shown["flags"]),
        "",
        *_acknowledgement(shown["acknowledgement"]),
        "",
        *_submissions("Earlier submissions", shown["earlier_submissions"]),
        *_submissions("Later submissions", shown["later_submissions"]),
    ]


def _field(label: str, value: object) -> list[str]:
    """``label`` and its value, continuation lines aligned under the value."""
    text = value if isinstance(value, str) else _word(value)
    lines = wrapped(text or "-", VALUE_INDENT) or [VALUE_INDENT + "-"]
    return [f"  {label:<{LABEL_WIDTH}} {lines[0][len(VALUE_INDENT) :]}", *lines[1:]]


def _word(value: object) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _overview(shown: dict[str, Any]) -> list[str]:
    vacancy = shown["vacancy"]
    relatives = shown["relatives"]
    lines = [
        f"Application {shown['id']}",
        *_field("received", f"{shown['received_at']} (UTC), {shown['received_local']}"),
        *_field("sender", _sender(shown)),
        *_field("candidate", shown["candidate_name"] or "not found in the subject"),
        *_field("subject", shown["subject"] or "(none)"),
        *_field("subject valid", shown["subject_valid"]),
        *_field("vacancy", _vacancy_text(vacancy)),
        *_field("late", shown["late"]),
        *_field("relatives", _relatives_text(relatives)),
    ]
    if relatives["evidence"]:
        lines.extend(wrapped(relatives["evidence"], VALUE_INDENT))
    return lines


def _sender(shown: dict[str, Any]) -> str:
    name, address = shown["sender_name"], shown["sender"] or "unknown"
    return f"{name} <{address}>" if name else address


def _vacancy_text(vacancy: dict[str, Any] | None) -> str:
    if vacancy is None:
        return "not recognised"
    if vacancy["title"] is None:
        return f"{vacancy['reference']} (no longer configured)"
    return f"{vacancy['reference']}: {vacancy['title']}; deadline {vacancy['deadline_local']}"


def _relatives_text(relatives: dict[str, Any]) -> str:
    details = [part for part in (relatives["relation"], relatives["name"]) if part]
    outcome = str(relatives["outcome"])
    return f"{outcome}: {', '.join(details)}" if details else outcome


def _headers(headers: list[dict[str, str]]) -> list[str]:
    lines = ["Headers (as the sender wrote them; Date is the sender's claim)"]
    for header in headers:
        lines.extend(_field(header["name"], header["value"]))
    return lines if headers else [*lines, "  (none readable)"]


def _documents(documents: list[dict[str, Any]]) -> list[str]:
    lines = [f"Documents ({len(documents)})"]
    for number, doc in enumerate(documents, start=1):
        lines.append(f"  {number}. {doc['filename'] or '(no name)'}")
        lines.extend(wrapped(_document_facts(doc), INDENT))
        if doc["error"]:
            lines.extend(wrapped(f"error: {doc['error']}", INDENT))
        lines.extend(_excerpt(doc))
    return lines


def _document_facts(doc: dict[str, Any]) -> str:
    pages = doc["pages"]
    facts = [
        doc["kind"],
        doc["status"] or "not read",
        doc["language"] or "language unknown",
        f"{pages} page{'s' if pages != 1 else ''}" if pages is not None else None,
        _size(doc["size"]),
        doc["content_type"],
    ]
    return " · ".join(str(fact) for fact in facts if fact)


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size / (1024 * 1024):.1f} MB"


def _excerpt(doc: dict[str, Any]) -> list[str]:
    if not doc["excerpt"]:
        return [f"{INDENT}(no text)"]
    lines = wrapped(doc["excerpt"], INDENT + "| ")
    cut = len(lines) > EXCERPT_LINES or (doc["text_length"] or 0) > len(doc["excerpt"])
    shown = lines[:EXCERPT_LINES]
    if cut:
        shown.append(f"{INDENT}| … ({doc['text_length']:,} characters of text in all)")
    return shown


def _flags(flags: list[dict[str, Any]]) -> list[str]:
    lines = [f"Flags ({len(flags)})"]
    for flag in flags:
        lines.append(f"  {flag['code']}")
        lines.extend(wrapped(flag["evidence"] or "(no evidence recorded)", INDENT))
    return lines


def _acknowledgement(ack: dict[str, Any] | None) -> list[str]:
    if ack is None:
        return ["Acknowledgement", "  none (acknowledgements were off)"]
    lines = ["Acknowledgement", *_field("status", ack["status"])]
    for label, key in (
        ("recipient", "recipient"), ("reason", "reason"), ("language", "language"),
        ("attempts", "attempts"), ("last error", "last_error"), ("sent at", "sent_at"),
        ("message id", "outbound_message_id"),
    ):  # fmt: skip
        if ack[key] is not None:
            lines.extend(_field(label, ack[key]))
    return lines


def _submissions(title: str, submissions: list[dict[str, Any]]) -> list[str]:
    lines = [f"{title} of the same candidate ({len(submissions)})"]
    for one in submissions:
        vacancy = one["vacancy"] or "vacancy not recognised"
        lines.append(f"  application {one['id']}, received {one['received_at']}, {vacancy}")
        lines.extend(wrapped(f"flags: {', '.join(one['flags']) or 'none'}", INDENT))
    return lines
