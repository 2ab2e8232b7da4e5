"""The typed, frozen configuration and its validation from a parsed TOML document."""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import URL
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from intake.config.oauth2 import (
    AUTH_CHOICES,
    OAuth2Config,
    awaited_refresh_tokens,
    check_plain_text,
    read_oauth2,
)
from intake.config.reader import TableReader
from intake.config.secret import Secret as Secret
from intake.config.web import WebConfig, join_host_port, split_host_port, web_config
from intake.errors import ConfigError

SECURITY_CHOICES = ("ssl", "starttls", "none")
SUBJECT_PARTS = ("name", "vacancy")
# What an acknowledgement may tell the candidate HR will miss, each raised by the flag it names.
ACK_NOTICES = ("cv_missing", "letter_missing", "unreadable_document", "subject_invalid", "late")
MAX_GRACE_MINUTES = 7 * 24 * 60
MAX_TIMEOUT = 3600
WEEK = 7 * 24 * 3600
# IDLE is re-issued every 25 minutes; RFC 2177 lets servers drop it after 29 (most do at 30).
IDLE_RENEW_SECONDS = 25 * 60
MAX_IDLE_RENEW = 29 * 60
# An IMAP keyword is an atom: no spaces, controls or list, quote and wildcard characters.
_IMAP_ATOM = re.compile(r'[^\x00-\x20\x7f(){%*"\\\]]+')
ISO_639_1 = re.compile(r"[a-z]{2}")
TESSERACT_LANGUAGE = re.compile(r"[a-z]{3}(_[a-z]+)?")


@dataclass(frozen=True)
class OrganisationConfig:
    """Who we are and which clock deadlines follow."""

    name: str
    timezone: ZoneInfo
    staff_register: Path | None = None
    # Other names and acronyms, English and French ("WCO", "OMD"): a relative must work here.
    aliases: tuple[str, ...] = ()
    # Minutes after a deadline still accepted, unless the vacancy sets its own.
    grace_minutes: int = 0
    # The name in other languages, (language code, name): ("fr", "Organisation mondiale…").
    names: tuple[tuple[str, str], ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """Every way a candidate may name the organisation: name, names, aliases."""
        return tuple(dict.fromkeys((self.name, *(name for _, name in self.names), *self.aliases)))


@dataclass(frozen=True)
class MailboxConfig:
    """Where applications arrive: an IMAP folder or a local Maildir."""

    kind: str
    folder: str = "INBOX"
    path: Path | None = None
    host: str = ""
    port: int = 993
    security: str = "ssl"
    username: str = ""
    password_env: str = ""
    password: Secret | None = None
    verify_certificates: bool = True
    ca_file: Path | None = None
    done_keyword: str = "$IntakeDone"
    processed_folder: str | None = None
    batch_size: int = 50
    timeout_seconds: int = 60
    reconnect_attempts: int = 5
    auth: str = "password"
    oauth2: OAuth2Config | None = None
    # Wait with IMAP IDLE between polls when the server offers it; re-issued this often.
    idle: bool = True
    idle_renew_seconds: int = IDLE_RENEW_SECONDS


@dataclass(frozen=True)
class DatabaseConfig:
    """The SQLAlchemy URL of the store; its password may come from the environment."""

    url: str
    password_env: str | None = None
    password: Secret | None = None

    def connect_url(self) -> URL:
        """The URL to connect with, the password from the environment filled in."""
        url = make_url(self.url)
        return url.set(password=self.password.value) if self.password else url


@dataclass(frozen=True)
class AcknowledgementsConfig:
    """How receipts are confirmed to candidates, and the limits that keep it from spamming."""

    transport: str = "off"
    sender: str = ""
    directory: Path | None = None
    templates: Path | None = None
    notices: tuple[str, ...] = ACK_NOTICES
    # An application received longer ago than this is not confirmed any more (0: no limit):
    # pointing the service at a mailbox with a year of mail must not write to every sender.
    max_age_days: int = 7
    max_per_recipient: int = 3
    # Per address and vacancy in the same window: a robot or a resend is confirmed once.
    max_per_recipient_vacancy: int = 1
    recipient_window_hours: int = 24
    max_per_minute: int = 30
    max_attempts: int = 8
    retry_after_seconds: int = 60
    send_interval: int = 60
    # "" sends MAIL FROM:<> (RFC 3834); "sender" the address of ``sender`` (M365, Gmail).
    envelope_from: str = ""


@dataclass(frozen=True)
class SmtpConfig:
    """The outbound mail server for acknowledgements."""

    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str | None = None
    password_env: str | None = None
    password: Secret | None = None
    timeout_seconds: int = 30
    verify_certificates: bool = True
    ca_file: Path | None = None
    auth: str = "password"
    oauth2: OAuth2Config | None = None


@dataclass(frozen=True)
class ScheduleConfig:
    """How often the daemon polls, and when a missed poll makes the health check fail."""

    poll_interval: int = 300
    overdue_after: int | None = None
    # A claimed acknowledgement or a running poll without a heartbeat for this long belongs to
    # a process that died: the claim is taken over, the poll counts as failed.
    claim_seconds: int = 60

    @property
    def heartbeat_seconds(self) -> float:
        """How often a live process renews its claims and its poll's heartbeat."""
        return self.claim_seconds / 4

    @property
    def overdue_seconds(self) -> int:
        """A poll older than this makes ``intake status`` unhealthy (default: 3 intervals)."""
        return self.overdue_after or 3 * self.poll_interval + 60


@dataclass(frozen=True)
class LimitsConfig:
    """Caps on what one message may cost; crossing one flags, never crashes."""

    max_message_bytes: int = 64 * 1024 * 1024
    max_attachments: int = 50
    max_attachment_bytes: int = 25 * 1024 * 1024
    max_pages: int = 50
    extraction_seconds: int = 30
    extraction_memory_mib: int = 512


@dataclass(frozen=True)
class ExtractionConfig:
    """How attachments are read: worker processes and OCR."""

    workers: int = 0
    ocr: bool = True
    ocr_languages: tuple[str, ...] = ("eng", "fra")

    @property
    def worker_count(self) -> int:
        """The number of worker processes; 0 in the file means one per core."""
        return self.workers or os.cpu_count() or 1


@dataclass(frozen=True)
class MetricsConfig:
    """``[metrics] listen``: where the daemon serves Prometheus metrics; None: not at all."""

    host: str | None = None
    port: int = 9464

    @property
    def listen(self) -> str | None:
        """The address as the file writes it (``[::1]:9464`` for IPv6), None when off."""
        if self.host is None:
            return None
        return join_host_port(self.host, self.port)


@dataclass(frozen=True)
class VacancyConfig:
    """One published vacancy notice."""

    reference: str
    title: str
    deadline: dt.date | dt.datetime
    aliases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    subject_requires: tuple[str, ...] = SUBJECT_PARTS
    # None: the organisation's grace_minutes applies.
    grace_minutes: int | None = None
    # The title in the notice's other languages: (ISO 639-1 code, title).
    titles: tuple[tuple[str, str], ...] = ()

    @property
    def other_titles(self) -> tuple[str, ...]:
        """Every other way a subject may name the vacancy: its aliases and its titles in the
        notice's other languages."""
        return tuple(dict.fromkeys((*self.aliases, *(title for _, title in self.titles))))


@dataclass(frozen=True)
class Config:
    """The whole validated configuration."""

    source: Path
    organisation: OrganisationConfig
    mailbox: MailboxConfig
    database: DatabaseConfig
    acknowledgements: AcknowledgementsConfig
    smtp: SmtpConfig
    schedule: ScheduleConfig
    limits: LimitsConfig
    vacancies: tuple[VacancyConfig, ...]
    extraction: ExtractionConfig = ExtractionConfig()
    metrics: MetricsConfig = MetricsConfig()
    web: WebConfig = field(default_factory=WebConfig)


def config_path(option: str | None, environ: Mapping[str, str]) -> Path:
    """The config file: ``--config``, else ``$INTAKE_CONFIG``, else ``./config.toml``."""
    return Path(option or environ.get("INTAKE_CONFIG") or "config.toml")


def load_config(
    path: Path, environ: Mapping[str, str], *, awaiting_refresh_token: bool = False
) -> Config:
    """Read and validate a config file; every failure is a ConfigError naming the key.

    ``awaiting_refresh_token``: for ``intake oauth2 login``, which gets the refresh token the
    file's ``oauth2_refresh_token_env`` names, so that variable need not be set yet.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError("", f"config file {path} not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("", f"cannot read config file {path}: {exc}") from exc
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", f"{path} is not valid TOML: {exc}") from exc
    if awaiting_refresh_token:
        environ = awaited_refresh_tokens(document, environ)
    return validate_config(document, path.resolve(), environ)


def validate_config(
    document: Mapping[str, Any], source: Path, environ: Mapping[str, str]
) -> Config:
    """Turn a parsed TOML document into a Config; relative paths are from ``source``'s folder."""
    root = TableReader(document, "", source.parent)
    config = Config(
        source=source,
        organisation=_organisation(root.table("organisation", required=True)),
        mailbox=(mailbox := _mailbox(root.table("mailbox", required=True), environ)),
        database=_database(root.table("database", required=True), source.parent, environ),
        acknowledgements=_acknowledgements(root.table("acknowledgements")),
        smtp=_smtp(root.table("smtp"), environ, mailbox),
        schedule=_schedule(root.table("schedule")),
        limits=_limits(root.table("limits")),
        extraction=_extraction(root.table("extraction")),
        metrics=_metrics(root.table("metrics")),
        web=web_config(root.table("web"), environ),
        vacancies=tuple(_vacancy(table) for table in root.tables("vacancies")),
    )
    root.finish()
    _check_unique_references(config.vacancies)
    if config.acknowledgements.transport == "smtp" and not config.smtp.host:
        raise ConfigError("smtp.host", 'is required when acknowledgements.transport = "smtp"')
    return config


def _organisation(table: TableReader) -> OrganisationConfig:
    zone_name = table.string("timezone")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(table.key_path("timezone"), f'unknown timezone "{zone_name}"') from exc
    config = OrganisationConfig(
        name=table.string("name"),
        timezone=zone,
        staff_register=table.path("staff_register", None),
        aliases=table.string_list("aliases", ()),
        grace_minutes=table.integer("grace_minutes", 0, minimum=0, maximum=MAX_GRACE_MINUTES),
        names=_names(table, "names"),
    )
    table.finish()
    return config


def _names(table: TableReader, key: str) -> tuple[tuple[str, str], ...]:
    """``names = { fr = "…" }`` (or ``titles``): a name per ISO 639-1 language code."""
    names = table.string_table(key)
    for code in names:
        _check_language(f"{table.key_path(key)}.{code}", code)
    return tuple((code, name.strip()) for code, name in names.items())


def _secret(table: TableReader, env_name: str | None, environ: Mapping[str, str]) -> Secret | None:
    """The environment variable a ``password_env`` key names; demanded only when used."""
    if not env_name:
        return None
    return Secret.from_env(environ, env_name, table.key_path("password_env"))


def _mailbox(table: TableReader, environ: Mapping[str, str]) -> MailboxConfig:
    kind = table.string("kind", choices=("imap", "maildir"))
    if kind == "maildir":
        config = MailboxConfig(
            kind=kind, path=table.path("path"), folder=table.string("folder", "", allow_empty=True)
        )
        table.finish()
        return config
    security = table.string("security", "ssl", choices=SECURITY_CHOICES)
    host, username = table.string("host"), table.string("username")
    check_plain_text(table, host, security)
    auth = table.string("auth", "password", choices=AUTH_CHOICES)
    password_env = _password_env(table, auth, required=True)
    config = MailboxConfig(
        kind=kind,
        host=host,
        port=table.integer("port", 993 if security == "ssl" else 143, minimum=1, maximum=65535),
        security=security,
        username=username,
        password_env=password_env or "",
        password=_secret(table, password_env, environ),
        auth=auth,
        oauth2=read_oauth2(table, username, environ) if auth == "oauth2" else None,
        folder=table.string("folder", "INBOX"),
        verify_certificates=table.boolean("verify_certificates", True),
        ca_file=table.path("ca_file", None),
        done_keyword=_keyword(table),
        processed_folder=table.string("processed_folder", None),
        batch_size=table.integer("batch_size", 50, minimum=1, maximum=1000),
        timeout_seconds=table.integer("timeout_seconds", 60, minimum=1, maximum=MAX_TIMEOUT),
        reconnect_attempts=table.integer("reconnect_attempts", 5, minimum=0, maximum=20),
        idle=table.boolean("idle", True),
        idle_renew_seconds=table.integer(
            "idle_renew_seconds", IDLE_RENEW_SECONDS, minimum=10, maximum=MAX_IDLE_RENEW
        ),
    )
    table.finish()
    return config


def _password_env(table: TableReader, auth: str, *, required: bool) -> str | None:
    """``password_env`` for password logins; with OAuth2 there is no password to name."""
    if auth == "password":
        name: str | None = (
            table.string("password_env") if required else table.string("password_env", None)
        )
        return name
    if table.string("password_env", None) is not None:
        raise ConfigError(table.key_path("password_env"), 'is not used with auth = "oauth2"')
    return None


def _keyword(table: TableReader) -> str:
    keyword: str = table.string("done_keyword", "$IntakeDone", allow_empty=True)
    if keyword and not _IMAP_ATOM.fullmatch(keyword):
        raise ConfigError(
            table.key_path("done_keyword"), f'"{keyword}" is not an IMAP keyword (no spaces)'
        )
    return keyword


def _database(table: TableReader, base_dir: Path, environ: Mapping[str, str]) -> DatabaseConfig:
    url = table.string("url")
    password_env = table.string("password_env", None)
    password = _secret(table, password_env, environ)
    table.finish()
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        url = prefix + str((base_dir / url[len(prefix) :]).resolve())
    try:
        backend = make_url(url).get_backend_name()
    except (ArgumentError, ValueError) as exc:
        raise ConfigError("database.url", f"is not a database URL: {exc}") from exc
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError("database.url", "must be a sqlite:/// or postgresql+psycopg:// URL")
    return DatabaseConfig(url=url, password_env=password_env, password=password)


def _acknowledgements(table: TableReader) -> AcknowledgementsConfig:
    transport = table.string("transport", "off", choices=("smtp", "file", "off"))
    sending = transport != "off"
    config = AcknowledgementsConfig(
        transport=transport,
        sender=table.string("sender") if sending else table.string("sender", ""),
        directory=table.path("directory") if transport == "file" else table.path("directory", None),
        templates=table.path("templates", None),
        notices=_choices(table, "notices", ACK_NOTICES),
        max_age_days=table.integer("max_age_days", 7, minimum=0, maximum=3650),
        max_per_recipient=table.integer("max_per_recipient", 3, minimum=1, maximum=1000),
        max_per_recipient_vacancy=table.integer(
            "max_per_recipient_vacancy", 1, minimum=1, maximum=1000
        ),
        recipient_window_hours=table.integer("recipient_window_hours", 24, minimum=1, maximum=720),
        max_per_minute=table.integer("max_per_minute", 30, minimum=1, maximum=10_000),
        max_attempts=table.integer("max_attempts", 8, minimum=1, maximum=100),
        retry_after_seconds=table.integer("retry_after_seconds", 60, minimum=1, maximum=WEEK),
        send_interval=table.integer("send_interval", 60, minimum=5, maximum=WEEK),
        envelope_from=table.string("envelope_from", "", choices=("", "sender"), allow_empty=True),
    )
    table.finish()
    return config


def _smtp(table: TableReader, environ: Mapping[str, str], mailbox: MailboxConfig) -> SmtpConfig:
    security = table.string("security", "starttls", choices=SECURITY_CHOICES)
    host = table.string("host", "")
    if host:
        check_plain_text(table, host, security)
    auth = table.string("auth", "password", choices=AUTH_CHOICES)
    password_env = _password_env(table, auth, required=False)
    username = table.string("username", None)
    if auth == "oauth2":
        username = username or mailbox.username
    config = SmtpConfig(
        host=host,
        port=table.integer("port", 465 if security == "ssl" else 587, minimum=1, maximum=65535),
        security=security,
        username=username,
        password_env=password_env,
        password=_secret(table, password_env, environ),
        auth=auth,
        oauth2=_smtp_oauth2(table, username or "", environ, mailbox) if auth == "oauth2" else None,
        timeout_seconds=table.integer("timeout_seconds", 30, minimum=1, maximum=MAX_TIMEOUT),
        verify_certificates=table.boolean("verify_certificates", True),
        ca_file=table.path("ca_file", None),
    )
    table.finish()
    return config


def _smtp_oauth2(
    table: TableReader, username: str, environ: Mapping[str, str], mailbox: MailboxConfig
) -> OAuth2Config:
    """The section's own ``oauth2_*`` keys, else the mailbox's OAuth2 settings."""
    if table.string("oauth2_provider", None) is not None:
        return read_oauth2(table, username, environ)
    if mailbox.oauth2 is None:
        raise ConfigError(
            table.key_path("oauth2_provider"),
            'is required when [mailbox] does not use auth = "oauth2"',
        )
    return replace(mailbox.oauth2, user=username)


def _schedule(table: TableReader) -> ScheduleConfig:
    config = ScheduleConfig(
        poll_interval=table.integer("poll_interval", 300, minimum=5, maximum=WEEK),
        overdue_after=table.integer("overdue_after", None, minimum=1, maximum=4 * WEEK),
        claim_seconds=table.integer("claim_seconds", 60, minimum=2, maximum=3600),
    )
    table.finish()
    return config


def _limits(table: TableReader) -> LimitsConfig:
    config = LimitsConfig(
        max_message_bytes=table.integer("max_message_bytes", 64 * 1024 * 1024, minimum=1024),
        max_attachments=table.integer("max_attachments", 50, minimum=1),
        max_attachment_bytes=table.integer("max_attachment_bytes", 25 * 1024 * 1024, minimum=1),
        max_pages=table.integer("max_pages", 50, minimum=1, maximum=10_000),
        extraction_seconds=table.integer("extraction_seconds", 30, minimum=1, maximum=3600),
        extraction_memory_mib=table.integer(
            "extraction_memory_mib", 512, minimum=128, maximum=64 * 1024
        ),
    )
    table.finish()
    return config


def _extraction(table: TableReader) -> ExtractionConfig:
    languages = table.string_list("ocr_languages", ("eng", "fra"))
    for index, language in enumerate(languages):
        if not TESSERACT_LANGUAGE.fullmatch(language):
            raise ConfigError(
                f"{table.key_path('ocr_languages')}[{index}]",
                f'"{language}" is not a Tesseract language name such as "eng" or "fra"',
            )
    config = ExtractionConfig(
        workers=table.integer("workers", 0, minimum=0, maximum=256),
        ocr=table.boolean("ocr", True),
        ocr_languages=languages,
    )
    table.finish()
    return config


def _metrics(table: TableReader) -> MetricsConfig:
    """``listen = "host:port"`` (``[::1]:9464`` for IPv6); absent: no metrics."""
    listen = table.string("listen", None)
    table.finish()
    if listen is None:
        return MetricsConfig()
    host, port = split_host_port(listen, table.key_path("listen"))
    return MetricsConfig(host=host, port=port)


def _choices(table: TableReader, key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """A list whose every item must be one of ``allowed`` (the default is all of them)."""
    values: tuple[str, ...] = table.string_list(key, allowed)
    for index, value in enumerate(values):
        if value not in allowed:
            choices = ", ".join(f'"{choice}"' for choice in allowed)
            raise ConfigError(
                f"{table.key_path(key)}[{index}]", f'"{value}" is not one of {choices}'
            )
    return values


def _vacancy(table: TableReader) -> VacancyConfig:
    requires = _choices(table, "subject_requires", SUBJECT_PARTS)
    config = VacancyConfig(
        reference=table.string("reference"),
        title=table.string("title"),
        aliases=table.string_list("aliases", ()),
        deadline=table.deadline("deadline"),
        languages=_languages(table),
        subject_requires=requires,
        grace_minutes=table.integer("grace_minutes", None, minimum=0, maximum=MAX_GRACE_MINUTES),
    )
    config = replace(config, titles=_titles(table, config.languages))
    table.finish()
    return config


def _titles(table: TableReader, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``titles = { fr = "…" }``: the title in the notice's other languages, each one of them."""
    titles = _names(table, "titles")
    for code, _ in titles:
        if code not in languages:
            key = f"{table.key_path('titles')}.{code}"
            raise ConfigError(key, f"{code} is not one of the vacancy's languages")
    return titles


def _languages(table: TableReader) -> tuple[str, ...]:
    codes = tuple(code.lower() for code in table.string_list("languages", ("en",)))
    for index, code in enumerate(codes):
        _check_language(f"{table.key_path('languages')}[{index}]", code)
    return codes


def _check_language(key_path: str, code: str) -> None:
    if not ISO_639_1.fullmatch(code):
        raise ConfigError(
            key_path, f'"{code}" is not a two-letter ISO 639-1 language code such as "en" or "fr"'
        )


def _check_unique_references(vacancies: tuple[VacancyConfig, ...]) -> None:
    seen: set[str] = set()
    for index, vacancy in enumerate(vacancies):
        if vacancy.reference in seen:
            raise ConfigError(
                f"vacancies[{index}].reference", f'"{vacancy.reference}" is configured twice'
            )
        seen.add(vacancy.reference)
