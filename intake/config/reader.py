"""A typed reader over one TOML table: names the dotted key at fault, rejects unknown keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from intake.errors import ConfigError

_REQUIRED: Any = object()
_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    float: "a number",
    list: "a list",
    dict: "a table",
    dt.date: "a date",
    dt.datetime: "a date-time",
}


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class TableReader:
    """Reads keys of one table with type checks; ``finish()`` rejects keys nobody read.

    Every accessor returns its default when the key is absent (or fails when no default is
    given) and validates the value fully when it is present.
    """

    def __init__(self, data: Mapping[str, Any], path: str, base_dir: Path) -> None:
        self._data = data
        self._path = path
        self._base_dir = base_dir
        self._read: set[str] = set()

    def key_path(self, key: str) -> str:
        """The dotted name of a key in this table, as error messages show it."""
        return f"{self._path}.{key}" if self._path else key

    def _present(self, key: str, default: Any) -> bool:
        """Mark the key read; whether the file gives it (raise if required and absent)."""
        self._read.add(key)
        if key in self._data:
            return True
        if default is _REQUIRED:
            raise ConfigError(self.key_path(key), "is required but missing")
        return False

    def _value(self, key: str, kinds: tuple[type, ...], what: str) -> Any:
        value = self._data[key]
        wrong_bool = isinstance(value, bool) and bool not in kinds
        if wrong_bool or not isinstance(value, kinds):
            raise ConfigError(self.key_path(key), f"must be {what}, not {_type_name(value)}")
        return value

    def string(
        self,
        key: str,
        default: Any = _REQUIRED,
        choices: Sequence[str] = (),
        allow_empty: bool = False,
    ) -> Any:
        """A string (or the default); with ``choices``, one of them."""
        if not self._present(key, default):
            return default
        value = self._value(key, (str,), "a string")
        if choices and value not in choices:
            allowed = ", ".join(f'"{c}"' for c in choices)
            raise ConfigError(self.key_path(key), f'"{value}" is not one of {allowed}')
        if not allow_empty and not value.strip():
            raise ConfigError(self.key_path(key), "must not be empty")
        return value

    def integer(
        self,
        key: str,
        default: Any = _REQUIRED,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> Any:
        """An integer within bounds (or the default)."""
        if not self._present(key, default):
            return default
        value = self._value(key, (int,), "an integer")
        if minimum is not None and value < minimum:
            raise ConfigError(self.key_path(key), f"must be at least {minimum}, not {value}")
        if maximum is not None and value > maximum:
            raise ConfigError(self.key_path(key), f"must be at most {maximum}, not {value}")
        return value

    def boolean(self, key: str, default: Any = _REQUIRED) -> Any:
        """true or false (or the default)."""
        if not self._present(key, default):
            return default
        return self._value(key, (bool,), "true or false")

    def string_list(self, key: str, default: Any = _REQUIRED) -> Any:
        """A list of non-empty strings (or the default), returned as a tuple."""
        if not self._present(key, default):
            return default
        value = self._value(key, (list,), "a list of strings")
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise ConfigError(f"{self.key_path(key)}[{index}]", "must be a non-empty string")
        return tuple(value)

    def string_table(self, key: str) -> dict[str, str]:
        """A table of non-empty strings such as ``{ fr = "…" }`` (empty when absent)."""
        if not self._present(key, None):
            return {}
        value = self._value(key, (dict,), "a table of strings")
        for name, item in value.items():
            if not isinstance(item, str) or not item.strip():
                raise ConfigError(f"{self.key_path(key)}.{name}", "must be a non-empty string")
        return dict(value)

    def path(self, key: str, default: Any = _REQUIRED) -> Any:
        """A filesystem path, relative paths taken from the config file's folder."""
        if not self._present(key, default):
            return default
        value = self.string(key)
        return (self._base_dir / Path(value).expanduser()).resolve()

    def deadline(self, key: str) -> dt.date | dt.datetime:
        """A TOML date or date-time (a string in ISO form is accepted too)."""
        self._present(key, _REQUIRED)
        value = self._data[key]
        if isinstance(value, str):
            value = self._iso_date(key, value)
        if isinstance(value, dt.time) or not isinstance(value, dt.date):
            raise ConfigError(self.key_path(key), f"must be a date, not {_type_name(value)}")
        return value

    def _iso_date(self, key: str, text: str) -> dt.date | dt.datetime:
        try:
            if "T" in text or " " in text:
                return dt.datetime.fromisoformat(text)
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ConfigError(self.key_path(key), f"'{text}' is not a date") from exc

    def table(self, key: str, required: bool = False) -> TableReader:
        """A sub-table (empty when absent and not required)."""
        data = {}
        if self._present(key, _REQUIRED if required else None):
            data = self._value(key, (dict,), "a table")
        return TableReader(data, self.key_path(key), self._base_dir)

    def tables(self, key: str) -> Iterator[TableReader]:
        """An array of tables such as ``[[vacancies]]``."""
        if not self._present(key, None):
            return
        for index, item in enumerate(self._value(key, (list,), "an array of tables")):
            if not isinstance(item, dict):
                raise ConfigError(f"{self.key_path(key)}[{index}]", "must be a table")
            yield TableReader(item, f"{self.key_path(key)}[{index}]", self._base_dir)

    def finish(self) -> None:
        """Reject every key that no reader asked for."""
        for key in self._data:
            if key not in self._read:
                raise ConfigError(self.key_path(key), "unknown key")
