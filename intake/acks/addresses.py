"""Addresses an acknowledgement may go to: one plain addr-spec, never an automated or own one."""

from __future__ import annotations

import re
from email import policy
from email.headerregistry import Address

from intake.config.settings import Config

# Local parts of mailboxes no person reads, or that answer by machine: replying to them is at
# best lost, at worst the start of a mail loop.
_AUTOMATED_LOCAL_PART = re.compile(
    r"""(?:^|[._+=-])(?:
        no[._-]?reply | do[._-]?not[._-]?reply | dont[._-]?reply | mailer[._-]?daemon
      | postmaster | bounces? | auto[._-]?reply | auto[._-]?responder | listserv | majordomo
    )(?:$|[._+=-])""",
    re.IGNORECASE | re.VERBOSE,
)
ADDRESS_LIMIT = 254


def one_address(text: str) -> Address | None:
    """The one address with a domain that ``text`` holds (a display name allowed), else None."""
    header = policy.SMTP.header_factory("To", text)
    addresses: tuple[Address, ...] = getattr(header, "addresses", ())
    if header.defects or len(addresses) != 1 or not addresses[0].domain:
        return None
    return addresses[0]


def plain_address(text: str | None) -> str | None:
    """``text`` as one bare addr-spec with a domain (lowercased), else None."""
    candidate = (text or "").strip()
    if not candidate or len(candidate) > ADDRESS_LIMIT or not candidate.isprintable():
        return None
    address = one_address(candidate)
    if address is None or address.addr_spec != candidate or not address.username:
        return None
    return candidate.lower() if "." in address.domain else None


def sender_address(sender: str) -> str | None:
    """The addr-spec inside a configured sender such as ``Recruitment <hr@example.org>``."""
    address = one_address(" ".join(sender.split()))
    return plain_address(address.addr_spec) if address is not None else None


def own_addresses(config: Config) -> frozenset[str]:
    """Our own addresses: the acknowledgements' sender, the mailbox and the SMTP logins."""
    candidates = (
        sender_address(config.acknowledgements.sender),
        plain_address(config.mailbox.username),
        plain_address(config.smtp.username),
    )
    return frozenset(address for address in candidates if address is not None)


def is_automated(address: str) -> bool:
    """Whether the address is a no-reply, mailer-daemon, postmaster or bounce mailbox."""
    local_part = address.rpartition("@")[0]
    return _AUTOMATED_LOCAL_PART.search(local_part) is not None
