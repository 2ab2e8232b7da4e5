"""Which address a verified ID token vouches for, by the provider's rule (``identity``).

``email``: the ``email`` claim, only when ``email_verified`` is true (Google; any provider
that verifies addresses). ``entra``: Entra ID's ``email`` claim is whatever a user or an
administrator typed, verified by nobody, so it is never used; ``upn`` (else
``preferred_username``) is the sign-in name the tenant itself assigns, trusted only when the
token's ``tid`` is the configured tenant. ``allowed_domains``, when given, must hold the
address's domain.
"""

from __future__ import annotations

from typing import Any

from intake.config.oidc import OidcProviderConfig
from intake.errors import SignInRefused
from intake.hr.users import comparable_email, is_email_address


def vouched_address(config: OidcProviderConfig, claims: dict[str, Any]) -> str:
    """The lower-case address ``claims`` vouch for; SignInRefused when they vouch for none."""
    address = _entra(config, claims) if config.identity == "entra" else _verified_email(claims)
    domain = address.rpartition("@")[2]
    if config.allowed_domains and domain not in config.allowed_domains:
        raise SignInRefused(
            "domain_not_allowed",
            "This provider's accounts of that domain may not sign in to this console.",
        )
    return address


def claimed_address(claims: dict[str, Any]) -> str:
    """What the token says the address is, checked or not (for the audit of a refusal)."""
    for name in ("email", "upn", "preferred_username"):
        value = claims.get(name)
        if isinstance(value, str) and value:
            return value
    return ""


def _verified_email(claims: dict[str, Any]) -> str:
    if claims.get("email_verified") is not True:
        raise SignInRefused(
            "email_unverified", "The sign-in provider has not verified this account's address."
        )
    return _address(claims.get("email"))


def _entra(config: OidcProviderConfig, claims: dict[str, Any]) -> str:
    if str(claims.get("tid", "")).lower() != config.tenant.lower():
        raise SignInRefused(
            "tenant_mismatch", "This account belongs to another organisation's directory."
        )
    name = claims.get("upn") or claims.get("preferred_username")
    return _address(name)


def _address(value: Any) -> str:
    text = comparable_email(value) if isinstance(value, str) else ""
    if not is_email_address(text):
        raise SignInRefused("no_address", "The sign-in provider gave no usable email address.")
    return text
