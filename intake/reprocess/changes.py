"""Says in HR's terms what reading an application again changed, without personal data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from storage.reprocessing import DOCUMENT_FIELDS, StoredFacts

# Columns worth naming with their old and new value (none of them is personal data).
_SHOWN: dict[str, tuple[str, Callable[[Any], str]]] = {
    "vacancy": ("vacancy", lambda value: value or "unknown"),
    "late": ("late", lambda value: "unknown" if value is None else ("yes" if value else "no")),
    "relatives": ("relatives", str),
    "subject_valid": ("subject valid", lambda value: "yes" if value else "no"),
    "has_cv": ("CV", lambda value: "yes" if value else "no"),
    "has_letter": ("letter", lambda value: "yes" if value else "no"),
    "previous_application_id": ("earlier application", lambda value: value or "none"),
}
# Document facts named with their values; the others (name, text, error) only as re-read.
_DOCUMENT_SHOWN = ("kind", "status", "language", "pages")


def describe_changes(before: StoredFacts, after: StoredFacts) -> list[str]:
    """One phrase per change: flags added and removed, shown columns old → new, the rest named."""
    return [
        *_flag_changes(before.flags, after.flags),
        *_column_changes(before.columns, after.columns),
        *_document_changes(before.documents, after.documents),
        *(["message headers re-read"] if before.message != after.message else []),
    ]


def _flag_changes(
    before: tuple[tuple[str, str | None], ...], after: tuple[tuple[str, str | None], ...]
) -> list[str]:
    old, new = dict(before), dict(after)
    added = [code for code in new if code not in old]
    removed = [code for code in old if code not in new]
    evidence = [code for code in new if code in old and old[code] != new[code]]
    return [
        f"{label}: {', '.join(codes)}"
        for label, codes in (
            ("flags added", added),
            ("flags removed", removed),
            ("evidence changed", evidence),
        )
        if codes
    ]


def _column_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    changed = [name for name in after if before.get(name) != after[name]]
    phrases = []
    for name in changed:
        if name in _SHOWN:
            label, shown = _SHOWN[name]
            phrases.append(f"{label}: {shown(before.get(name))} → {shown(after[name])}")
    others = [name for name in changed if name not in _SHOWN]
    if others:
        phrases.append("re-read: " + ", ".join(name.replace("_", " ") for name in others))
    return phrases


def _document_changes(
    before: tuple[tuple[Any, ...], ...], after: tuple[tuple[Any, ...], ...]
) -> list[str]:
    phrases = [f"documents: {len(before)} → {len(after)}"] if len(before) != len(after) else []
    for number, (old, new) in enumerate(zip(before, after, strict=False), start=1):
        if old != new:
            phrases.append(f"document {number}: {_document_change(old, new)}")
    return phrases


def _document_change(old: tuple[Any, ...], new: tuple[Any, ...]) -> str:
    was, now = (
        dict(zip(DOCUMENT_FIELDS, old, strict=True)),
        dict(zip(DOCUMENT_FIELDS, new, strict=True)),
    )
    shown = [
        f"{name} {was[name] or 'none'} → {now[name] or 'none'}"
        for name in _DOCUMENT_SHOWN
        if was[name] != now[name]
    ]
    others = [
        name for name in DOCUMENT_FIELDS if name not in _DOCUMENT_SHOWN and was[name] != now[name]
    ]
    if others:
        shown.append("re-read " + ", ".join(name.replace("_", " ") for name in others))
    return ", ".join(shown)
