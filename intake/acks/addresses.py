"""Addresses an acknowledgement may go to: one plain addr-spec, never a role, automated or own
one, nor one of the organisation's own domains."""

from __future__ import annotations

import re
from email import policy
from email.headerregistry import Address
from functools import lru_cache

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
# Role mailboxes (RFC 2142 and list software): the whole local part, or a list's -request,
# -owner and owner- forms.
_ROLE_LOCAL_PART = re.compile(
    r"""(?:abuse | hostmaster | webmaster | noc | security | root | mailman | sympa
      | list[._-]?master | mail[._-]?daemon | daemon | nobody | notifications?
      | owner-.+ | .+-(?:request|owner|bounces?))""",
    re.IGNORECASE | re.VERBOSE,
)
# Webmail providers: an organisation writing from one of these owns its address, not the
# domain, so their other users are not "our own domain".
_SHARED_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.net",
    "gmx.de", "web.de", "yandex.ru", "mail.ru", "qq.com", "163.com", "orange.fr", "free.fr",
    "laposte.net",
})  # fmt: skip
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
    return _own_addresses(
        config.acknowledgements.sender, config.mailbox.username, config.smtp.username
    )


# Asked for every application stored, of a config that seldom changes; parsing an address with
# the standard header parser costs about half a millisecond.
@lru_cache(maxsize=8)
def _own_addresses(sender: str, mailbox_login: str, smtp_login: str | None) -> frozenset[str]:
    candidates = (sender_address(sender), plain_address(mailbox_login), plain_address(smtp_login))
    return frozenset(address for address in candidates if address is not None)


def ascii_domain(domain: str) -> str:
    """An internationalised domain in its ASCII (IDNA) form; UnicodeError when it has none."""
    return domain.encode("idna").decode("ascii")


def envelope_address(address: str) -> str:
    """The addr-spec as SMTP's RCPT TO carries it: the same as the To header, domain in ASCII."""
    local_part, _, domain = address.rpartition("@")
    try:
        return f"{local_part}@{ascii_domain(domain)}"
    except UnicodeError:
        return address


def own_domains(addresses: frozenset[str]) -> frozenset[str]:
    """The domains of our own addresses, webmail providers' left out."""
    domains = {address.rpartition("@")[2] for address in addresses}
    return frozenset(domains - _SHARED_DOMAINS)


def own_domain_of(address: str, domains: frozenset[str]) -> str | None:
    """The own domain the address lies in (the domain itself or a subdomain of it), or None."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    for own in sorted(domains):
        if domain == own or domain.endswith(f".{own}"):
            return own
    return None


def is_automated(address: str) -> bool:
    """Whether the address is a no-reply, mailer-daemon, postmaster, bounce or role mailbox."""
    local_part = address.rpartition("@")[0].strip('"')
    return (
        _AUTOMATED_LOCAL_PART.search(local_part) is not None
        or _ROLE_LOCAL_PART.fullmatch(local_part) is not None
    )
