"""``[[web.oidc]]``: the OpenID Connect providers (Entra ID, Google) offered beside passwords.

Which claim names the person depends on the provider (``identity``): ``"email"`` takes the
``email`` claim only when ``email_verified`` is true (Google, most providers); ``"entra"``
takes ``upn`` (else ``preferred_username``) and demands the token's ``tid`` be the tenant of
the issuer, because Entra's ``email`` claim is not verified by anyone (docs/web.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from intake.config.oauth2 import is_loopback
from intake.config.reader import TableReader
from intake.config.secret import Secret
from intake.errors import ConfigError

IDENTITIES = ("email", "entra")
DEFAULT_SCOPES = ("openid", "email", "profile")
ENTRA_HOST = "login.microsoftonline.com"
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


@dataclass(frozen=True)
class OidcProviderConfig:
    """One provider: its button's label, its issuer, this console's client at it."""

    name: str
    issuer: str
    client_id: str
    client_secret: Secret
    identity: str = "email"
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    allowed_domains: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The provider's part of its URLs (``/login/oidc/<slug>/callback``)."""
        return slug_of(self.name)

    @property
    def tenant(self) -> str:
        """Entra only: the tenant id, the issuer's first path segment."""
        return urlsplit(self.issuer).path.strip("/").split("/")[0]


def read_oidc_providers(
    table: TableReader, environ: Mapping[str, str]
) -> tuple[OidcProviderConfig, ...]:
    """Every ``[[web.oidc]]`` table, checked; two providers may not share a name."""
    providers: list[OidcProviderConfig] = []
    for provider_table in table.tables("oidc"):
        provider = _provider(provider_table, environ)
        if any(known.slug == provider.slug for known in providers):
            raise ConfigError(provider_table.key_path("name"), "another provider has this name")
        providers.append(provider)
    return tuple(providers)


def _provider(table: TableReader, environ: Mapping[str, str]) -> OidcProviderConfig:
    name = table.string("name")
    if not slug_of(name) or len(name) > 40 or not name.isprintable():
        raise ConfigError(table.key_path("name"), "must be a short label with letters or digits")
    issuer = _issuer(table)
    default_identity = "entra" if urlsplit(issuer).hostname == ENTRA_HOST else "email"
    identity = table.string("identity", default_identity, choices=IDENTITIES)
    client_id = table.string("client_id")
    secret_env = table.string("client_secret_env")
    scopes = table.string_list("scopes", DEFAULT_SCOPES)
    domains = tuple(domain.lower() for domain in table.string_list("allowed_domains", ()))
    table.finish()
    if "openid" not in scopes:
        raise ConfigError(table.key_path("scopes"), 'must include "openid"')
    for index, domain in enumerate(domains):
        if not _DOMAIN.match(domain):
            raise ConfigError(f"{table.key_path('allowed_domains')}[{index}]", "is not a domain")
    secret = Secret.from_env(environ, secret_env, table.key_path("client_secret_env"))
    provider = OidcProviderConfig(name, issuer, client_id, secret, identity, scopes, domains)
    if identity == "entra" and not _GUID.match(provider.tenant.lower()):
        raise ConfigError(
            table.key_path("issuer"),
            "an Entra issuer names its tenant by id: "
            "https://login.microsoftonline.com/<tenant id>/v2.0 (not common or organizations)",
        )
    return provider


def _issuer(table: TableReader) -> str:
    """An https:// URL (http:// only on this machine, for tests) without a trailing slash."""
    issuer: str = table.string("issuer").rstrip("/")
    parts = urlsplit(issuer)
    loopback = parts.scheme == "http" and bool(parts.hostname) and is_loopback(parts.hostname or "")
    if not (parts.scheme == "https" and parts.hostname) and not loopback:
        raise ConfigError(
            table.key_path("issuer"), "must be an https:// URL (http:// only for a loopback host)"
        )
    if parts.query or parts.fragment:
        raise ConfigError(table.key_path("issuer"), "must not carry a query or a fragment")
    return issuer


def slug_of(name: str) -> str:
    """``Microsoft Entra`` → ``microsoft-entra``: lower-case letters and digits, dashes between."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))
