"""Who a candidate is, for recognising the same person applying again: address and name keys."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from parsers.folding import fold
from parsers.identity.contacts import email_keys, phone_keys
from storage.records import EarlierApplications, NameProof

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
NAME_KEY_LIMIT = 255


class CandidateHistory(Protocol):
    """Answers what the same candidate sent before for the same vacancy."""

    def earlier_applications(
        self,
        vacancy: str,
        sender_key: str | None,
        name_key: str | None,
        received_at: datetime,
        proof: NameProof | None = None,
    ) -> EarlierApplications | None:
        """The candidate's earlier applications to ``vacancy``, or None (``proof``: what must
        back a match by name from another address)."""


class NoHistory:
    """A history that knows nothing: every application is the candidate's first."""

    def earlier_applications(
        self,
        vacancy: str,
        sender_key: str | None,
        name_key: str | None,
        received_at: datetime,
        proof: NameProof | None = None,
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


def name_proof(sender: str | None, texts: Sequence[str], hashes: Sequence[str]) -> NameProof:
    """What an earlier application of the same person would share with this one: a document
    (``hashes``), a phone number or an address written in ``texts``, or the sender's address
    written in its own CV. A namesake shares none of them."""
    phones = dict.fromkeys(phone for text in texts for phone in phone_keys(text))
    emails = dict.fromkeys(email for text in texts for email in email_keys(text))
    keys = [("phone", phone) for phone in phones]
    keys += [(kind, email) for email in emails for kind in ("address", "email")]
    if sender:
        keys.append(("email", sender))
    return NameProof(tuple(dict.fromkeys(hashes)), tuple(dict.fromkeys(keys)))
