"""Staff members whose surname a candidate shares: an index from surname key to register entries.

A match is a hint for HR, never a verdict: each says which surname is shared, whether only one
part of a multi-part surname matched (``partial``), and how many staff members carry that
surname (``shared_by``: a common surname says little). Names are read by ``parsers.surnames``;
a candidate's key meeting a staff key is a whole match only when both are whole surnames, so
``María FERNÁNDEZ RUIZ`` and ``Ana Fernández`` match in part, either way round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from parsers.surnames import SurnameKey, display_surname, keys_of_surname, surname_keys


@dataclass(frozen=True)
class StaffEntry:
    """One person of the staff register."""

    name: str  # as in the register
    row: int  # 1-based data row number in the CSV (for HR)
    details: tuple[tuple[str, str], ...] = ()  # the other columns: (("unit", "Finance"),)
    surname: str | None = None  # given by the register itself; else read from ``name``

    def surname_keys(self) -> tuple[SurnameKey, ...]:
        """The keys this entry is filed under."""
        if self.surname and self.surname.strip():
            return keys_of_surname(self.surname)
        return surname_keys(self.name)


@dataclass(frozen=True)
class StaffMatch:
    """A staff member who shares a surname with the candidate."""

    entry: StaffEntry
    surname: str  # the shared surname as written in the register (capitals in name case)
    shared_by: int  # how many staff entries carry this surname
    partial: bool  # only one part of a multi-part surname matched

    def evidence(self) -> str:
        """One line for HR: the shared surname, the staff entry and how common the surname is."""
        what = " (partial: one part of a multi-part surname)" if self.partial else ""
        details = ", ".join(f"{column}: {value}" for column, value in self.entry.details)
        who = f"{self.entry.name} ({details})" if details else self.entry.name
        many = (
            "1 staff member has" if self.shared_by == 1 else f"{self.shared_by} staff members have"
        )
        return (
            f'surname "{self.surname}"{what} matches staff register row {self.entry.row}: {who}; '
            f"{many} this surname"
        )


class _Filed(NamedTuple):
    """An entry under one key, as a whole match and as a partial one."""

    position: int  # the entry's place in the register
    whole: bool  # the key is the entry's whole surname
    as_whole: StaffMatch
    as_partial: StaffMatch


class StaffDirectory:
    """The staff register indexed by surname key, for one lookup per application."""

    def __init__(self, entries: Iterable[StaffEntry]) -> None:
        self._entries = tuple(entries)
        filed: dict[str, list[tuple[int, SurnameKey]]] = {}
        for position, entry in enumerate(self._entries):
            for key in entry.surname_keys():
                filed.setdefault(key.key, []).append((position, key))
        self._index = {
            key: [self._filed(*hit, len(hits)) for hit in hits] for key, hits in filed.items()
        }

    def __len__(self) -> int:
        return len(self._entries)

    def matches(self, names: Sequence[str | None]) -> tuple[StaffMatch, ...]:
        """Staff sharing a surname with any of ``names``: whole matches, rarer surnames first."""
        best: dict[int, StaffMatch] = {}
        for name in dict.fromkeys(name for name in names if name):
            for key in surname_keys(name):
                for filed in self._index.get(key.key, ()):
                    found = filed.as_whole if key.whole and filed.whole else filed.as_partial
                    known = best.get(filed.position)
                    if known is None or _rank(found) < _rank(known):
                        best[filed.position] = found
        return tuple(sorted(best.values(), key=_rank))

    def _filed(self, position: int, key: SurnameKey, shared_by: int) -> _Filed:
        entry = self._entries[position]
        written = display_surname(key.written)
        return _Filed(
            position,
            key.whole,
            StaffMatch(entry, written, shared_by, partial=False),
            StaffMatch(entry, written, shared_by, partial=True),
        )


def _rank(match: StaffMatch) -> tuple[bool, int, int]:
    return match.partial, match.shared_by, match.entry.row
