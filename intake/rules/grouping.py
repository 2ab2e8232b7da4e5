"""Which candidate an application belongs to: the facts compared, and the choice (pure).

An application joins an earlier candidate of the same vacancy when they share the sender
address, a thread (it replies to one of the candidate's messages or to our acknowledgement of
one), an email address written in a CV or letter (or the sender address written in the other's
CV), or a phone number written in either. An address written in a CV may be a referee's, so it
joins only when the names do not differ; a phone number may be the organisation's own, copied
from the notice, so it joins only when both names are known and agree. A name alone never joins
two applications: two people may share a common name.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.identity.names import same_name

#: Matches that join only when the names do not differ / only when both are known and agree.
NAMES_NOT_DIFFERENT = frozenset({"cv_email"})
NAMES_AGREE = frozenset({"phone"})
#: The kinds of matches in the order they are trusted, with how HR reads them.
MATCH_KINDS: dict[str, str] = {
    "address": "the same sender address {value}",
    "thread": "a reply to the candidate's message or its acknowledgement {value}",
    "cv_email": "the address {value} written in a CV or letter",
    "phone": "the phone number {value} written in a CV, letter or email",
}


@dataclass(frozen=True)
class IdentityFacts:
    """What says who sent one application."""

    sender_key: str | None
    name: str | None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    message_id: str | None = None
    replies_to: tuple[str, ...] = ()
    # Our acknowledgement's Message-ID: a reply to the acknowledgement is in the thread too.
    acknowledgement_id: str | None = None

    def stored_keys(self) -> tuple[tuple[str, str], ...]:
        """(kind, value) rows to store, for later applications to find this one by."""
        rows = [("address", self.sender_key)] if self.sender_key else []
        rows += [("phone", phone) for phone in self.phones]
        rows += [("email", email) for email in self.emails]
        rows += [("message_id", own) for own in (self.message_id, self.acknowledgement_id) if own]
        return tuple(dict.fromkeys(rows))

    def sought_keys(self) -> tuple[tuple[str, str], ...]:
        """(kind, value) rows of earlier applications that would tie them to this one."""
        # An address written in a CV meets a sender address, never another written address:
        # many letters quote the organisation's own mailbox.
        rows = [("address", self.sender_key), ("email", self.sender_key)] if self.sender_key else []
        rows += [("phone", phone) for phone in self.phones]
        rows += [("address", email) for email in self.emails]
        rows += [("message_id", reply) for reply in self.replies_to]
        return tuple(dict.fromkeys(rows))


@dataclass(frozen=True)
class KeyMatch:
    """An earlier application of a candidate that shares a fact with the new one."""

    candidate_id: int
    kind: str
    value: str
    name: str | None


@dataclass(frozen=True)
class Join:
    """The candidate an application joins, and why."""

    candidate_id: int
    matched_on: str
    reason: str


def choose(facts: IdentityFacts, matches: list[KeyMatch]) -> Join | None:
    """The most trusted match (see NAMES_AGREE and NAMES_NOT_DIFFERENT); None: the
    application starts a new candidate."""
    found: list[tuple[int, KeyMatch, str]] = []
    for match in matches:
        kind = _match_kind(facts, match)
        agree = same_name(facts.name, match.name)
        if (kind in NAMES_NOT_DIFFERENT and agree is False) or (kind in NAMES_AGREE and not agree):
            continue
        found.append((list(MATCH_KINDS).index(kind), match, kind))
    if not found:
        return None
    _rank, match, kind = min(found, key=lambda item: (item[0], item[1].candidate_id))
    return Join(match.candidate_id, kind, MATCH_KINDS[kind].format(value=match.value))


def _match_kind(facts: IdentityFacts, match: KeyMatch) -> str:
    if match.kind == "address" and match.value == facts.sender_key:
        return "address"
    if match.kind == "message_id":
        return "thread"
    if match.kind == "phone":
        return "phone"
    return "cv_email"
