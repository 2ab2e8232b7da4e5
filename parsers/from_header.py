"""The shape of the From header as the ``email`` package reads it: its mailboxes, and groups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from email import policy

from parsers.charsets import LINE_BREAK

# The email package's address parser is slow on long hostile values: it sees a capped copy.
_MAX_FROM_CHARS = 8 * 1024
# Encoded words belong in display names only; the package would decode them, and refuses a
# name that decodes to CR or LF: each is read as one plain word instead.
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")


@dataclass(frozen=True)
class FromShape:
    """Every addr-spec the From headers name (lowercased, in order), and whether one is a
    group (``undisclosed:;``, ``team: a@x, b@y;``)."""

    addresses: tuple[str, ...]
    group: bool


def from_shape(values: Iterable[str]) -> FromShape:
    """The shape of the From header values given (a message should have exactly one).

    The addr-spec is what counts: ``"ceo@victim.example" <attacker@evil.example>`` names
    ``attacker@evil.example``; an encoded display name holding commas or a line break stays
    one name. A value the package cannot read gives no address at all.
    """
    addresses: list[str] = []
    group = False
    for value in values:
        try:
            text = _ENCODED_WORD.sub("word", LINE_BREAK.sub("", value)[:_MAX_FROM_CHARS])
            header = policy.default.header_factory("From", text)
            groups = header.groups
        except Exception:  # the stdlib parser's failures have no common type: unreadable
            return FromShape((), False)
        group = group or any(one.display_name is not None for one in groups)
        addresses.extend(address.addr_spec.lower() for one in groups for address in one.addresses)
    return FromShape(tuple(addresses), group)
