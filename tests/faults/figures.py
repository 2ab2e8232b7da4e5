"""Collects the one-line figures each fault scenario measures, for the terminal and a JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

FIGURES = pytest.StashKey[dict[str, dict[str, Any]]]()
REPORT_ENV = "INTAKE_FAULT_REPORT"


def figure_line(scenario: str, values: dict[str, Any]) -> str:
    """``FAULTS scenario key=value …``: the line a scenario prints and the summary repeats."""
    return " ".join(["FAULTS", scenario, *(f"{key}={value}" for key, value in values.items())])


def record(config: pytest.Config, scenario: str, values: dict[str, Any]) -> None:
    """Keep a scenario's figures (a later record of the same scenario adds to it) and print."""
    config.stash.setdefault(FIGURES, {}).setdefault(scenario, {}).update(values)
    print(figure_line(scenario, values))


def report_path(config: pytest.Config) -> Path:
    """Where the JSON report goes: ``$INTAKE_FAULT_REPORT``, else var/faults.json."""
    given = os.environ.get(REPORT_ENV)
    return Path(given) if given else config.rootpath / "var" / "faults.json"


def write_summary(config: pytest.Config, write_line: Any) -> None:
    """The figures of every scenario that ran, as lines and as a JSON file."""
    figures = config.stash.get(FIGURES, {})
    if not figures:
        return
    for scenario, values in figures.items():
        write_line(figure_line(scenario, values))
    path = report_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    write_line(f"fault figures written to {path}")
