"""A typed reader over one TOML table: names the dotted key at fault, rejects unknown keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from intake.errors import ConfigError

_MISSING: Any = object()


def _type_name(value: object) -> str:
    names = {
        str: "a string",
        int: "an integer",
        bool: "true or false",
        float: "a number",
        list: "a list",
        dict: "a table",
        dt.date: "a date",
        dt.datetime: "a date-time",
    }
    return names.get(type(value), type(value).__name__)


class TableReader:
    """Reads keys of one table with type checks; ``finish()`` rejects keys nobody read."""

    def __init__(self, data: Mapping[str, Any], path: str, base_dir: Path) -> None:
        self._data = data
        self._path = path
        self._base_dir = base_dir
        self._read: set[str] = set()

    def key_path(self, key: str) -> str:
        """The dotted name of a key in this table, as error messages show it."""
        return f"{self._path}.{key}" if self._path else key

    def has(self, key: str) -> bool:
        """Whether the key is present in the file."""
        return key in self._data

    def _get(self, key: str, default: Any) -> Any:
        self._read.add(key)
        if key in self._data:
            return self._data[key]
        if default is _MISSING:
            raise ConfigError(self.key_path(key), "is required but missing")
        return default

    def _typed(self, key: str, default: Any, kinds: tuple[type, ...], what: str) -> Any:
        value = self._get(key, default)
        if value is default and default is not _MISSING:
            return value
        if isinstance(value, bool) and bool not in kinds:
            raise ConfigError(self.key_path(key), f"must be {what}, not {_type_name(value)}")
        if not isinstance(value, kinds):
            raise ConfigError(self.key_path(key), f"must be {what}, not {_type_name(value)}")
        return value

    def string(self, key: str, default: Any = _MISSING, choices: Sequence[str] = ()) -> Any:
        """A string (or the default); with ``choices``, one of them."""
        value = self._typed(key, default, (str,), "a string")
        if choices and value is not default and value not in choices:
            allowed = ", ".join(f'"{c}"' for c in choices)
            raise ConfigError(self.key_path(key), f'"{value}" is not one of {allowed}')
        if isinstance(value, str) and not value.strip() and value is not default:
            raise ConfigError(self.key_path(key), "must not be empty")
        return value

    def integer(
        self,
        key: str,
        default: Any = _MISSING,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> Any:
        """An integer within bounds (or the default)."""
        value = self._typed(key, default, (int,), "an integer")
        if isinstance(value, int) and value is not default:
            if minimum is not None and value < minimum:
                raise ConfigError(self.key_path(key), f"must be at least {minimum}, not {value}")
            if maximum is not None and value > maximum:
                raise ConfigError(self.key_path(key), f"must be at most {maximum}, not {value}")
        return value

    def boolean(self, key: str, default: Any = _MISSING) -> Any:
        """true or false (or the default)."""
        return self._typed(key, default, (bool,), "true or false")

    def string_list(self, key: str, default: Any = _MISSING) -> Any:
        """A list of non-empty strings (or the default), returned as a tuple."""
        value = self._typed(key, default, (list,), "a list of strings")
        if value is default:
            return value
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise ConfigError(f"{self.key_path(key)}[{index}]", "must be a non-empty string")
        return tuple(value)

    def path(self, key: str, default: Any = _MISSING) -> Any:
        """A filesystem path, relative paths taken from the config file's folder."""
        value = self.string(key, default)
        if value is default:
            return value
        return (self._base_dir / Path(value).expanduser()).resolve()

    def deadline(self, key: str) -> dt.date | dt.datetime:
        """A TOML date or date-time (a string in ISO form is accepted too)."""
        value = self._get(key, _MISSING)
        if isinstance(value, str):
            try:
                value = (
                    dt.datetime.fromisoformat(value)
                    if "T" in value or " " in value
                    else dt.date.fromisoformat(value)
                )
            except ValueError as exc:
                raise ConfigError(self.key_path(key), f"'{value}' is not a date") from exc
        if isinstance(value, dt.time) or not isinstance(value, dt.date):
            raise ConfigError(self.key_path(key), f"must be a date, not {_type_name(value)}")
        return value

    def table(self, key: str, required: bool = False) -> TableReader:
        """A sub-table (empty when absent and not required)."""
        value = self._typed(key, _MISSING if required else {}, (dict,), "a table")
        return TableReader(value, self.key_path(key), self._base_dir)

    def tables(self, key: str) -> Iterator[TableReader]:
        """An array of tables such as ``[[vacancies]]``."""
        value = self._typed(key, [], (list,), "an array of tables")
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise ConfigError(f"{self.key_path(key)}[{index}]", "must be a table")
            yield TableReader(item, f"{self.key_path(key)}[{index}]", self._base_dir)

    def finish(self) -> None:
        """Reject every key that no reader asked for."""
        for key in self._data:
            if key not in self._read:
                raise ConfigError(self.key_path(key), "unknown key")
