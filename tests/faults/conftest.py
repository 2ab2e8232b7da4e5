"""Fixtures of the fault suite: a rig of Dovecot, PostgreSQL and SMTP, and the figures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dovecot import DovecotServer
from tests.faults import figures
from tests.faults.mail_server import fault_smtp
from tests.faults.rig import Rig, config_path
from tests.smtp import SmtpServer

__all__ = ["fault_smtp"]

MakeRig = Callable[..., Rig]
Figures = Callable[..., None]


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """The figures of the fault scenarios that ran, under their own heading."""
    if config.stash.get(figures.FIGURES, {}):
        terminalreporter.section("fault figures")
        figures.write_summary(config, terminalreporter.write_line)


@pytest.fixture
def record_figures(request: pytest.FixtureRequest) -> Figures:
    """``record_figures(scenario, key=value, …)``: print one FAULTS line and keep it."""

    def record(scenario: str, **values: Any) -> None:
        figures.record(request.config, scenario, values)

    return record


@pytest.fixture
def make_rig(tmp_path: Path, dovecot: DovecotServer, fault_smtp: SmtpServer) -> Iterator[MakeRig]:
    """``make_rig(database_url, **ack_settings)``; every process it starts is killed after."""
    rigs: list[Rig] = []

    def make(url: str, **acks: Any) -> Rig:
        logs = tmp_path / "logs"
        logs.mkdir(exist_ok=True)
        config = config_path(tmp_path, url, dovecot, fault_smtp, **acks)
        rig = Rig(config, dovecot, fault_smtp, logs)
        rigs.append(rig)
        code, output = rig.run("db", "upgrade")  # the schema first, so SQL counts work at once
        assert code == 0, output
        return rig

    yield make
    for rig in rigs:
        rig.stop_all()
