"""The Secret wrapper: a value read from the environment that never prints itself."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Secret:
    """A secret value that never shows itself in a repr or a printed config."""

    value: str = field(repr=False)

    def __str__(self) -> str:
        return "********"
