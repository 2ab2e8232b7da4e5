"""OAuth2 settings of ``[mailbox]`` and ``[smtp]``, and the loopback-only rule for plain text.

Secrets (client secret, refresh token) come from environment variables named in the file;
key files (an Entra certificate, a Google service account) are paths, kept readable by the
service's user only.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from intake.config.reader import TableReader
from intake.config.secret import Secret
from intake.errors import ConfigError

AUTH_CHOICES = ("password", "oauth2")
PROVIDERS = ("microsoft", "google", "generic")


@dataclass(frozen=True)
class OAuth2Config:
    """Where access tokens for XOAUTH2 come from; ``user`` is the mailbox acted as."""

    provider: str
    client_id: str
    user: str
    tenant: str = ""
    client_secret: Secret | None = None
    refresh_token: Secret | None = None
    token_url: str = ""
    device_url: str = ""
    refresh_token_env: str = ""
    scopes: tuple[str, ...] = ()
    certificate_file: Path | None = None
    certificate_thumbprint: str = ""
    service_account_file: Path | None = None


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (localhost, 127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_plain_text(table: TableReader, host: str, security: str) -> None:
    """Refuse ``security = "none"`` towards any host but this machine: passwords and tokens
    would cross the network in clear."""
    if security == "none" and not is_loopback(host):
        raise ConfigError(
            table.key_path("security"),
            f'"none" (plain text) is accepted only for a loopback host, not {host!r}',
        )


def read_oauth2(table: TableReader, user: str, environ: Mapping[str, str]) -> OAuth2Config:
    """The ``oauth2_*`` keys of ``table``, checked for the provider they name."""
    provider = table.string("oauth2_provider", choices=PROVIDERS)
    config = OAuth2Config(
        provider=provider,
        user=user,
        client_id=table.string("oauth2_client_id", ""),
        tenant=table.string("oauth2_tenant", "") if provider == "microsoft" else "",
        client_secret=_env_secret(table, "oauth2_client_secret_env", environ),
        refresh_token=_env_secret(table, "oauth2_refresh_token_env", environ),
        token_url=_endpoint(table, "oauth2_token_url") if provider == "generic" else "",
        device_url=_endpoint(table, "oauth2_device_url", required=False)
        if provider == "generic"
        else "",
        refresh_token_env=table.string("oauth2_refresh_token_env", ""),
        scopes=table.string_list("oauth2_scopes", ()),
        certificate_file=table.path("oauth2_certificate_file", None),
        certificate_thumbprint=table.string("oauth2_certificate_thumbprint", ""),
        service_account_file=table.path("oauth2_service_account_file", None),
    )
    _check_provider(table, config)
    return config


#: Stands in for a refresh token ``intake oauth2 login`` is about to get; never sent anywhere.
AWAITED_REFRESH_TOKEN = "awaiting intake oauth2 login"


def awaited_refresh_tokens(
    document: Mapping[str, Any], environ: Mapping[str, str]
) -> dict[str, str]:
    """``environ`` plus a stand-in for each unset variable an ``oauth2_refresh_token_env``
    of ``[mailbox]`` or ``[smtp]`` names (the file is validated as usual afterwards)."""
    awaited = dict(environ)
    for section in ("mailbox", "smtp"):
        table = document.get(section)
        name = table.get("oauth2_refresh_token_env") if isinstance(table, Mapping) else None
        if isinstance(name, str) and name not in awaited:
            awaited[name] = AWAITED_REFRESH_TOKEN
    return awaited


def _env_secret(table: TableReader, key: str, environ: Mapping[str, str]) -> Secret | None:
    name = table.string(key, None)
    if name is None:
        return None
    return Secret.from_env(environ, name, table.key_path(key))


def _endpoint(table: TableReader, key: str, *, required: bool = True) -> str:
    """An endpoint URL: https://, or http:// to this machine only (tokens cross it)."""
    url: str = table.string(key) if required else table.string(key, "")
    parts = urlsplit(url)
    if not url or (parts.scheme == "https" and parts.hostname):
        return url
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return url
    raise ConfigError(
        table.key_path(key), "must be an https:// URL (http:// only for a loopback host)"
    )


def _check_provider(table: TableReader, config: OAuth2Config) -> None:
    """Each provider needs enough to get a token: say which key is missing."""
    needs_client = not (config.provider == "google" and config.service_account_file)
    if needs_client and not config.client_id:
        raise ConfigError(table.key_path("oauth2_client_id"), "is required but missing")
    if config.provider == "microsoft":
        if not config.tenant:
            raise ConfigError(table.key_path("oauth2_tenant"), "is required but missing")
        if config.certificate_file and not config.certificate_thumbprint:
            raise ConfigError(
                table.key_path("oauth2_certificate_thumbprint"),
                "is required with oauth2_certificate_file",
            )
        enough = config.client_secret or config.certificate_file or config.refresh_token
        hint = "oauth2_client_secret_env, oauth2_certificate_file or oauth2_refresh_token_env"
    elif config.provider == "google":
        enough = config.service_account_file or (config.refresh_token and config.client_secret)
        hint = "oauth2_service_account_file, or oauth2_refresh_token_env with a client secret"
    else:
        enough = config.refresh_token or config.client_secret
        hint = "oauth2_refresh_token_env or oauth2_client_secret_env"
    if not enough:
        raise ConfigError(table.key_path("oauth2_provider"), f"{config.provider} needs {hint}")
