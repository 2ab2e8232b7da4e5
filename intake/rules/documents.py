"""Rules about the attachments: CV and letter present, readable, safe, in an accepted language."""

from __future__ import annotations

from intake.config.settings import Config
from intake.rules.facts import Facts, ReadDocument
from storage.records import FlagRecord

# Statuses of a document whose text could not be had (``rejected`` is the oversized rule's).
UNREADABLE = frozenset({"failed", "encrypted", "no_text", "unsupported"})


def cv_missing(facts: Facts, config: Config) -> FlagRecord | None:
    """No CV, in this message or an earlier one for the same vacancy (not judged when the
    message was too big to read)."""
    if facts.truncated or facts.cv_so_far:
        return None
    return FlagRecord(
        "cv_missing", f"no attachment reads as a CV; {_attachments(facts)}{_earlier(facts)}"
    )


def letter_missing(facts: Facts, config: Config) -> FlagRecord | None:
    """No motivation letter (attached, or as the body), here or earlier for the same vacancy."""
    if facts.truncated or facts.letter_so_far:
        return None
    return FlagRecord(
        "letter_missing",
        f"no attachment reads as a motivation letter and the body is not one "
        f"({facts.body_letter.reason}); {_attachments(facts)}{_earlier(facts)}",
    )


def letter_in_body(facts: Facts, config: Config) -> FlagRecord | None:
    """The email body is the motivation letter, and no letter is attached."""
    if facts.has_letter_attached or not facts.body_letter.is_letter:
        return None
    return FlagRecord("letter_in_body", f"the email body is the letter: {facts.body_letter.reason}")


def not_in_required_language(facts: Facts, config: Config) -> FlagRecord | None:
    """A CV or letter is written in a language the vacancy does not accept."""
    accepted = _accepted_languages(facts, config)
    if not accepted:
        return None
    wrong = [
        f"{doc.record.filename} is {doc.record.language}"
        for doc in facts.documents
        if (doc.is_cv or doc.is_letter)
        and doc.record.language is not None
        and doc.record.language not in accepted
    ]
    body = facts.body_language
    if body is not None and body not in accepted and not facts.has_letter_attached:
        wrong.append(f"the letter in the body is {facts.body_language}")
    if not wrong:
        return None
    whose = facts.vacancy.reference if facts.vacancy else "any configured vacancy"
    return FlagRecord(
        "not_in_required_language",
        f"{'; '.join(wrong)}; {whose} accepts {', '.join(sorted(accepted))}",
    )


def unreadable_document(facts: Facts, config: Config) -> FlagRecord | None:
    """A CV or letter could not be read, or an unreadable file may be the missing one."""
    something_missing = not facts.cv_so_far or not facts.letter_so_far
    unreadable = [
        doc
        for doc in facts.documents
        if doc.record.status in UNREADABLE and (doc.is_cv or doc.is_letter or something_missing)
    ]
    if not unreadable:
        return None
    return FlagRecord("unreadable_document", "; ".join(_status_of(doc) for doc in unreadable))


def macro_document(facts: Facts, config: Config) -> FlagRecord | None:
    """An attachment carries macros (a .docm, or any vbaProject.bin): open it with care."""
    names = [doc.record.filename for doc in facts.documents if doc.has_macros]
    if not names:
        return None
    return FlagRecord("macro_document", f"contains macros: {', '.join(names)}")


def oversized(facts: Facts, config: Config) -> FlagRecord | None:
    """The message, or one of its attachments, crossed a configured size or count limit."""
    limits = config.limits
    if facts.truncated:
        return FlagRecord(
            "oversized",
            f"message is {facts.message_size} bytes, over max_message_bytes "
            f"({limits.max_message_bytes}); stored, attachments not extracted",
        )
    rejected = [doc.record for doc in facts.documents if doc.record.status == "rejected"]
    if rejected:
        reasons = "; ".join(f"{doc.filename}: {doc.error}" for doc in rejected)
        return FlagRecord("oversized", reasons)
    return None


def _accepted_languages(facts: Facts, config: Config) -> frozenset[str]:
    if facts.vacancy is not None:
        return frozenset(facts.vacancy.languages)
    return frozenset(code for vacancy in config.vacancies for code in vacancy.languages)


def _attachments(facts: Facts) -> str:
    if not facts.documents:
        return "the message has no attachments"
    listed = ", ".join(f"{doc.record.filename} ({doc.record.kind})" for doc in facts.documents)
    return f"attachments: {listed}"


def _earlier(facts: Facts) -> str:
    earlier = facts.earlier
    if earlier is None:
        return ""
    return f"; nor in the {earlier.count} earlier application(s) for this vacancy"


def _status_of(doc: ReadDocument) -> str:
    problem = f": {doc.record.error}" if doc.record.error else ""
    return f"{doc.record.filename} is {doc.record.status}{problem}"
