"""Compares two configs by dotted key name, for the daemon's reload (values never shown)."""

from __future__ import annotations

import re
from dataclasses import replace

from intake.config.render import config_lines
from intake.config.settings import Config

__all__ = ["RESTART_SECTIONS", "changed_keys", "keep_restart_settings"]

#: Sections the running daemon cannot take over: its database engine is opened once at start,
#: the metrics endpoint listens on one address from start to stop.
RESTART_SECTIONS = ("database", "metrics")
_VACANCY = re.compile(r"(vacancies\[\d+\])\.")


def changed_keys(old: Config, new: Config) -> list[str]:
    """The dotted keys whose value differs, in file order; a vacancy added or removed is named
    once (``vacancies[2]``). Secrets are compared as rendered (masked), i.e. by their name."""
    before, after = _settings(old), _settings(new)
    keys = list(dict.fromkeys([*before, *after]))
    changed = [key for key in keys if before.get(key) != after.get(key)]
    whole = {_vacancy(key) for key in changed if (key in before) != (key in after)}
    named = [_vacancy(key) if _vacancy(key) in whole else key for key in changed]
    return list(dict.fromkeys(named))


def keep_restart_settings(old: Config, new: Config) -> tuple[Config, list[str]]:
    """``new`` with the running values of the sections that need a restart, and the keys of
    those sections that the new file changed."""
    kept = replace(new, **{name: getattr(old, name) for name in RESTART_SECTIONS})
    ignored = [key for key in changed_keys(old, new) if key.split(".")[0] in RESTART_SECTIONS]
    return kept, ignored


def _settings(config: Config) -> dict[str, str]:
    """``section.key`` → its rendered value (secrets masked), the source line left out."""
    lines = (line.partition(" = ") for line in config_lines(config) if not line.startswith("#"))
    return {key: value for key, _, value in lines}


def _vacancy(key: str) -> str:
    """``vacancies[2]`` for any of that vacancy's keys; other keys as they are."""
    match = _VACANCY.match(key)
    return match.group(1) if match else key
