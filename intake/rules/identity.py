"""Who a candidate is, for recognising the same person applying again: address and name keys."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Protocol

from parsers.folding import fold
from storage.records import EarlierApplications

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
NAME_KEY_LIMIT = 255


class CandidateHistory(Protocol):
    """Answers what the same candidate sent before for the same vacancy."""

    def earlier_applications(
        self, vacancy: str, sender_key: str | None, name_key: str | None, received_at: datetime
    ) -> EarlierApplications | None:
        """The candidate's earlier applications to ``vacancy``, or None."""


class NoHistory:
    """A history that knows nothing: every application is the candidate's first."""

    def earlier_applications(
        self, vacancy: str, sender_key: str | None, name_key: str | None, received_at: datetime
    ) -> EarlierApplications | None:
        """Always None."""
        return None


def sender_key(address: str | None) -> str | None:
    """The address compared without case: ``Jean.Dupont@Mail.BE`` is ``jean.dupont@mail.be``."""
    if not address or "@" not in address:
        return None
    return address.strip().lower()


def name_key(name: str | None) -> str | None:
    """The name with case, accents and word order ignored; None for a single word.

    ``Jean DUPONT``, ``Dupont, Jean`` and ``jean dupont`` share one key. A single word
    (``Dupont``) is too weak to say two messages come from one person.
    """
    if not name:
        return None
    words = sorted(_WORD.findall(fold(name)))
    if len(words) < 2:
        return None
    return " ".join(words)[:NAME_KEY_LIMIT]
