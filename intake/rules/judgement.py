"""A candidate judged over all their applications to one vacancy (pure, no I/O).

``complete`` counts every message received in time; the application flags are kept, except
those another message answers: ``cv_missing`` goes once any message in time brought a CV
(a CV sent the next day clears it), ``letter_missing`` likewise, ``late`` stays only when
every message came late, ``name_missing`` and ``vacancy_unknown`` only when no message gave
one. ``sender_mismatch`` is the candidate's own: messages from more than one address.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from intake.flag_codes import FLAG_CODES, SENDER_MISMATCH
from storage.records import FlagRecord

#: Application flags a candidate keeps only when every one of their applications carries it.
ALL_OR_NOTHING = frozenset({"late", "name_missing", "vacancy_unknown"})
#: Application flags that say one message superseded another: no news about the candidate.
PER_MESSAGE = frozenset({"resubmission"})


@dataclass(frozen=True)
class Member:
    """What one application of a candidate brings to the judgement."""

    application_id: int
    received_at: datetime
    sender: str | None
    candidate_name: str | None
    late: bool | None
    has_cv: bool
    has_letter: bool
    relatives: str
    flags: tuple[FlagRecord, ...] = ()


@dataclass(frozen=True)
class Judgement:
    """The candidate's columns and flags."""

    candidate_name: str | None
    complete: bool
    late: bool | None
    has_cv: bool
    has_letter: bool
    relatives: str
    flags: tuple[FlagRecord, ...]


def judge_candidate(members: Sequence[Member]) -> Judgement:
    """Judge the applications together (any order; they are sorted by receipt)."""
    ordered = sorted(members, key=lambda member: (member.received_at, member.application_id))
    in_time = [member for member in ordered if member.late is not True]
    cv = any(member.has_cv for member in in_time)
    letter = any(member.has_letter for member in in_time)
    names = [member.candidate_name for member in ordered if member.candidate_name]
    return Judgement(
        candidate_name=names[-1] if names else None,
        complete=cv and letter,
        late=_late(ordered),
        has_cv=any(member.has_cv for member in ordered),
        has_letter=any(member.has_letter for member in ordered),
        relatives=_relatives(ordered),
        flags=_flags(ordered, cv, letter),
    )


def _late(members: Sequence[Member]) -> bool | None:
    known = [member.late for member in members if member.late is not None]
    return all(known) if known else None


def _relatives(members: Sequence[Member]) -> str:
    said = {member.relatives for member in members}
    return next((value for value in ("declared", "denied") if value in said), "none")


def _flags(members: Sequence[Member], cv: bool, letter: bool) -> tuple[FlagRecord, ...]:
    latest: dict[str, FlagRecord] = {}
    counts: dict[str, int] = {}
    for member in members:
        for flag in member.flags:
            latest[flag.code] = flag
            counts[flag.code] = counts.get(flag.code, 0) + 1
    answered = {"cv_missing": cv, "letter_missing": letter} | {
        code: counts[code] < len(members) for code in ALL_OR_NOTHING & counts.keys()
    }
    kept = {code: flag for code, flag in latest.items() if not answered.get(code, False)}
    kept = {code: flag for code, flag in kept.items() if code not in PER_MESSAGE}
    for code, evidence in _missing_in_time(members, cv, letter).items():
        kept[code] = FlagRecord(code, evidence)
    senders = list(dict.fromkeys(member.sender.lower() for member in members if member.sender))
    if len(senders) > 1:
        kept[SENDER_MISMATCH] = FlagRecord(
            SENDER_MISMATCH, f"messages came from {len(senders)} addresses: {', '.join(senders)}"
        )
    return tuple(kept[code] for code in FLAG_CODES if code in kept)


def _missing_in_time(members: Sequence[Member], cv: bool, letter: bool) -> dict[str, str]:
    """A CV or letter that came, but only after the deadline: missing for the candidate."""
    missing: dict[str, str] = {}
    if not cv and any(member.has_cv for member in members):
        missing["cv_missing"] = "a CV came only after the deadline"
    if not letter and any(member.has_letter for member in members):
        missing["letter_missing"] = "a motivation letter came only after the deadline"
    return missing
