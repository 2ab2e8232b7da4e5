"""Renders a validated Config as dotted key lines, secrets masked."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url

from intake.config.oidc import OidcProviderConfig
from intake.config.settings import Config, DatabaseConfig, MetricsConfig, Secret
from intake.config.web import WebConfig


def config_lines(config: Config) -> Iterator[str]:
    """``section.key = value`` for every setting, in declaration order."""
    for field in dataclasses.fields(config):
        value = getattr(config, field.name)
        if field.name == "source":
            yield f"# {value}"
        elif field.name == "vacancies":
            for index, vacancy in enumerate(value):
                yield from _section(f"vacancies[{index}]", vacancy)
        else:
            yield from _section(field.name, value)


def _section(prefix: str, section: Any) -> Iterator[str]:
    if isinstance(section, MetricsConfig):  # the file's one key, not the parsed host and port
        yield f"{prefix}.listen = {_show(section.listen)}"
        return
    if isinstance(section, WebConfig):  # the file's keys: the variable's name, not its value
        yield f"{prefix}.listen = {_show(section.listen)}"
        yield f"{prefix}.secret_key_env = {_show(section.secret_key.env)}"
        yield f"{prefix}.secure_cookies = {_show(section.secure_cookies)}"
        yield f"{prefix}.session_minutes = {section.session_minutes}"
        for index, provider in enumerate(section.oidc):
            yield from _oidc(f"{prefix}.oidc[{index}]", provider)
        return
    for field in dataclasses.fields(section):
        value = getattr(section, field.name)
        if isinstance(section, DatabaseConfig) and field.name == "url":
            value = make_url(value).render_as_string(hide_password=True)
        if dataclasses.is_dataclass(value) and not isinstance(value, Secret):
            yield from _section(f"{prefix}.{field.name}", value)  # mailbox.oauth2.client_id …
            continue
        yield f"{prefix}.{field.name} = {_show(value)}"


def _oidc(prefix: str, provider: OidcProviderConfig) -> Iterator[str]:
    """A provider as the file writes it: the client secret's variable, not its value."""
    yield f"{prefix}.name = {_show(provider.name)}"
    yield f"{prefix}.issuer = {_show(provider.issuer)}"
    yield f"{prefix}.identity = {_show(provider.identity)}"
    yield f"{prefix}.client_id = {_show(provider.client_id)}"
    yield f"{prefix}.client_secret_env = {_show(provider.client_secret.env)}"
    yield f"{prefix}.scopes = {_show(provider.scopes)}"
    yield f"{prefix}.allowed_domains = {_show(provider.allowed_domains)}"


def _show(value: Any) -> str:
    if isinstance(value, Secret):
        return '"********"'
    if isinstance(value, ZoneInfo):
        return f'"{value.key}"'
    if isinstance(value, str | Path):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    if isinstance(value, date):
        return value.isoformat()
    return "(not set)" if value is None else str(value)
