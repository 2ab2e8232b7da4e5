"""The Secret wrapper: a value read from the environment that never prints itself.

A secret named by a ``*_env`` key is looked up when the config is read but only demanded
when a command first uses it: HR commands that never reach the mailbox run without the IMAP
password, while ``poll`` and ``run`` fail at once, naming the variable (``require_secrets``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from intake.errors import ConfigError


@dataclass(frozen=True)
class Secret:
    """A secret value that never shows itself in a repr or a printed config.

    ``given`` is None when the environment variable ``env`` was not set; reading ``value``
    then raises a ConfigError naming ``key`` (the config key that names the variable).
    """

    given: str | None = field(repr=False)
    env: str = ""
    key: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str], env: str, key: str) -> Secret:
        """The variable ``env`` of ``environ``, missing or not; ``key`` names it in the file."""
        return cls(environ.get(env), env=env, key=key)

    @property
    def present(self) -> bool:
        """Whether the variable was set."""
        return self.given is not None

    @property
    def value(self) -> str:
        """The secret; a ConfigError naming the key and the variable when it was not set."""
        if self.given is None:
            raise self.missing()
        return self.given

    def missing(self) -> ConfigError:
        """The error for a variable that was not set, naming the key and the variable."""
        return ConfigError(self.key, f"environment variable {self.env} is not set")

    def __str__(self) -> str:
        return "********" if self.present else f"(${self.env} not set)"


def require(secrets: Iterator[Secret | None]) -> None:
    """Raise the ConfigError of the first secret whose variable is not set."""
    for secret in secrets:
        if secret is not None and not secret.present:
            raise secret.missing()
