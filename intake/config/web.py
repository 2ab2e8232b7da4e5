"""``[web]``: where ``intake web`` listens, its session key's variable, cookies, sessions and
the OpenID Connect providers offered beside passwords (``[[web.oidc]]``, config/oidc.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from intake.config.oidc import OidcProviderConfig, read_oidc_providers
from intake.config.reader import TableReader
from intake.config.secret import Secret
from intake.errors import ConfigError

#: The variable that holds the session-signing key when ``secret_key_env`` is not given.
DEFAULT_SECRET_ENV = "INTAKE_WEB_SECRET_KEY"
SECURE_COOKIES = ("auto", "true", "false")
#: A key shorter than this is refused when ``intake web`` starts.
MIN_SECRET_LENGTH = 32
KEY = "web.secret_key_env"


@dataclass(frozen=True)
class WebConfig:
    """The web console's settings; the secret key is demanded only by ``intake web``."""

    host: str = "127.0.0.1"
    port: int = 8080
    secret_key: Secret = field(default_factory=lambda: Secret.from_env({}, DEFAULT_SECRET_ENV, KEY))
    # auto: Secure cookies when the request came over https (directly or through the proxy).
    secure_cookies: str = "auto"
    session_minutes: int = 480
    oidc: tuple[OidcProviderConfig, ...] = ()

    @property
    def listen(self) -> str:
        """The address as the file writes it (``[::1]:8080`` for IPv6)."""
        return join_host_port(self.host, self.port)


def web_config(table: TableReader, environ: Mapping[str, str]) -> WebConfig:
    """``[web]``: every key optional."""
    listen = table.string("listen", "127.0.0.1:8080")
    env = table.string("secret_key_env", DEFAULT_SECRET_ENV)
    secure = table.string("secure_cookies", "auto", choices=SECURE_COOKIES)
    minutes = table.integer("session_minutes", 480, minimum=5, maximum=60 * 24 * 30)
    providers = read_oidc_providers(table, environ)
    table.finish()
    host, port = split_host_port(listen, table.key_path("listen"))
    secret = Secret.from_env(environ, env, table.key_path("secret_key_env"))
    return WebConfig(host, port, secret, secure, minutes, providers)


def split_host_port(listen: str, key_path: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:port`` for IPv6) as host and port; a ConfigError naming the key."""
    host, _, port = listen.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(key_path, f'"{listen}" is not host:port such as "127.0.0.1:8080"')
    return host, int(port)


def join_host_port(host: str, port: int) -> str:
    """The address as a file writes it, IPv6 hosts in brackets."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def require_web_secret(config: WebConfig) -> str:
    """The session key; a ConfigError naming the key when it or a provider's client secret is
    unset, or when the key is too short."""
    for provider in config.oidc:
        provider.client_secret.value  # noqa: B018 -- raises the ConfigError naming the key
    value = config.secret_key.value
    if len(value) < MIN_SECRET_LENGTH:
        raise ConfigError(
            config.secret_key.key,
            f"the key in {config.secret_key.env} must be at least {MIN_SECRET_LENGTH} characters",
        )
    return value
