"""What an acknowledgement says: the application's facts, the settings, the template variables."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from intake.config.settings import Config
from parsers.surnames import name_case

# The notices an acknowledgement can carry, in the order they appear in it.
NOTICES = ("late", "cv_missing", "letter_missing", "unreadable_document", "subject_invalid")
DEFAULT_NOTICES = frozenset(NOTICES)
# Notices about something the candidate may still send while the deadline has not passed.
MISSING_ITEM_NOTICES = frozenset({"cv_missing", "letter_missing", "unreadable_document"})
# Document statuses whose text was read; every other status means the file could not be read.
READABLE_STATUSES = frozenset({"ok", "ocr"})
# Untrusted text is cut to this many characters (it may go into a header).
TEXT_LIMIT = 300
# Characters untrusted text loses: controls (CR, LF, NEL...), line and paragraph separators,
# lone surrogates (undecodable bytes).
_BREAKING_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})


@dataclass(frozen=True)
class AckDocument:
    """One attachment as the acknowledgement lists it."""

    filename: str
    kind: str  # "cv" | "motivation_letter" | "other"
    status: str  # "ok" | "ocr" | "no_text" | "encrypted" | "unsupported" | "failed" | "rejected"


@dataclass(frozen=True)
class AckContent:
    """The facts of one application the acknowledgement confirms; strings marked untrusted
    come from the candidate's message."""

    recipient: str  # bare address the acknowledgement goes to
    recipient_name: str | None  # display name (untrusted)
    candidate_name: str | None  # from the subject (untrusted)
    original_subject: str | None  # untrusted
    original_message_id: str | None  # e.g. "<abc@host>" (untrusted)
    vacancy_reference: str | None
    vacancy_title: str | None
    deadline: datetime | None  # aware instant: the last moment of the vacancy's deadline
    received_at: datetime  # aware UTC receipt time
    documents: tuple[AckDocument, ...]
    flags: frozenset[str]  # flag codes of the application
    language: str  # ISO 639-1 wanted; "en" is used when it has no template
    outbound_message_id: str  # "<...@our-domain>", fixed with the outbox row
    vacancy_titles: tuple[tuple[str, str], ...] = ()  # (language, title) of other languages
    subject_requires: tuple[str, ...] = ("name", "vacancy")  # what the notice asks the subject

    def __post_init__(self) -> None:
        for name in ("deadline", "received_at"):
            moment = getattr(self, name)
            if moment is not None and moment.utcoffset() is None:
                raise ValueError(f"AckContent.{name} must be timezone-aware")


@dataclass(frozen=True)
class ComposeSettings:
    """The organisation's side of every acknowledgement."""

    sender: str  # e.g. "WCO Recruitment <recruitment@example.org>"
    organisation_name: str
    timezone: ZoneInfo  # receipt time and deadline are shown in it
    notices: frozenset[str] = DEFAULT_NOTICES  # which of NOTICES may appear
    templates_dir: Path | None = None  # operator overrides, same layout as the shipped templates
    organisation_names: tuple[tuple[str, str], ...] = ()  # (language, name) of other languages

    def __post_init__(self) -> None:
        unknown = sorted(self.notices - DEFAULT_NOTICES)
        if unknown:
            raise ValueError(f"unknown notices {unknown}; known: {', '.join(NOTICES)}")


def template_context(
    kind: str, content: AckContent, settings: ComposeSettings, now: datetime, language: str = "en"
) -> dict[str, object]:
    """The variables every template receives (operator overrides may use any of them).

    kind ("acknowledgement" | "enquiry" | "completed"), language (of the template),
    organisation and vacancy_title (in that language when the config names them in it),
    recipient, greeting_name (candidate or display name, or None), original_subject,
    vacancy_reference, vacancy_known, subject_requires (of "name", "vacancy"), received_at and
    deadline (datetimes in the organisation's timezone; deadline may be None), deadline_passed,
    timezone (its name), documents (each: filename, kind, status, readable), notices (codes of
    NOTICES to show, in order), missing (the shown "cv_missing" and "letter_missing"), complete
    (no document missing or unreadable, shown or not), invite (the deadline has not passed and
    something is missing). Candidate text arrives as one line; the filter ``utc_offset`` and
    the ``moment`` macro of ``<language>/dates.j2`` format datetimes, the filter ``plain`` lets
    HTML escape a macro's text.
    """
    zone = settings.timezone
    deadline = content.deadline.astimezone(zone) if content.deadline is not None else None
    deadline_passed = deadline is not None and now > deadline
    notices = _notices(content, settings)
    gaps = _notices(content, ComposeSettings(settings.sender, "", zone))
    name = _optional_line(content.candidate_name) or _optional_line(content.recipient_name)
    name = name_case(name) if name else None
    return {
        "kind": kind,
        "language": language,
        "organisation": dict(settings.organisation_names).get(language, settings.organisation_name),
        "recipient": content.recipient,
        "greeting_name": name,
        "original_subject": _optional_line(content.original_subject),
        "vacancy_reference": content.vacancy_reference,
        "vacancy_title": dict(content.vacancy_titles).get(language, content.vacancy_title),
        "subject_requires": list(content.subject_requires),
        "vacancy_known": bool(content.vacancy_reference or content.vacancy_title),
        "received_at": content.received_at.astimezone(zone),
        "deadline": deadline,
        "deadline_passed": deadline_passed,
        "timezone": zone.key,
        "documents": [_document(doc.filename, doc.kind, doc.status) for doc in content.documents],
        "notices": notices,
        "missing": [code for code in ("cv_missing", "letter_missing") if code in notices],
        "complete": not MISSING_ITEM_NOTICES.intersection(gaps),
        "invite": deadline is not None
        and not deadline_passed
        and bool(MISSING_ITEM_NOTICES.intersection(notices)),
    }


def _notices(content: AckContent, settings: ComposeSettings) -> list[str]:
    """The enabled notices the flags raise, in NOTICES order."""
    raised = set(content.flags & settings.notices)
    if "letter_in_body" in content.flags:
        raised.discard("letter_missing")
    return [code for code in NOTICES if code in raised]


def _optional_line(text: str | None) -> str | None:
    """Untrusted text as one line, None when nothing is left."""
    line = one_line(text or "", TEXT_LIMIT)
    return line or None


def _document(filename: str, kind: str, status: str) -> dict[str, object]:
    """One document as templates see it."""
    return {
        "filename": one_line(filename, TEXT_LIMIT),
        "kind": kind,
        "status": status,
        "readable": status in READABLE_STATUSES,
    }


def one_line(text: str, limit: int | None = None) -> str:
    """Untrusted text as one line: controls and line separators become spaces, runs of white
    space one space, and at most ``limit`` characters."""
    kept = "".join(" " if unicodedata.category(c) in _BREAKING_CATEGORIES else c for c in text)
    line = " ".join(kept.split())
    return line if limit is None or len(line) <= limit else line[: limit - 1].rstrip() + "…"


def compose_settings(config: Config) -> ComposeSettings:
    """The organisation's side of every acknowledgement, from the config."""
    acks = config.acknowledgements
    return ComposeSettings(
        sender=acks.sender,
        organisation_name=config.organisation.name,
        timezone=config.organisation.timezone,
        notices=frozenset(acks.notices),
        templates_dir=acks.templates,
        organisation_names=config.organisation.names,
    )
