"""``intake status --format json`` and the metrics of a real daemon: healthy after a good cycle,
unhealthy with reasons when the mailbox (a real Dovecot) is down, starting during the first
cycle, overdue acknowledgements named."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import update

from intake.config.runtime import Runtime
from intake.poll.health import check_health
from storage.database import write_transaction
from storage.models import Acknowledgement, utcnow
from tests.configs import write_config_file
from tests.daemon_process import RunningDaemon
from tests.dovecot import DovecotServer
from tests.hr_data import Stored, store_applications
from tests.poll.test_daemon import fill_maildir
from tests.poll.test_idle import daemon_for
from tests.processes import run_intake

__all__ = ["daemon_for"]

FAST = {"poll_interval": 5, "claim_seconds": 4}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def status(config: Path) -> tuple[int, dict[str, Any]]:
    """``intake status --format json``: its exit code and document."""
    done = run_intake("--config", str(config), "status", "--format", "json")
    return done.returncode, json.loads(done.stdout)


def wait_for_status(config: Path, wanted: Callable[[int, dict[str, Any]], bool]) -> dict[str, Any]:
    """Ask ``status`` until ``wanted`` holds (bounded: 90 s); its last document."""
    deadline = time.monotonic() + 90
    while True:
        code, document = status(config)
        if wanted(code, document):
            return document
        assert time.monotonic() < deadline, document
        time.sleep(0.5)


def metrics(port: int) -> dict[str, float]:
    """The daemon's /metrics as name{labels} -> value."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    pairs = (line.rsplit(" ", 1) for line in text.splitlines() if line.startswith("intake_"))
    return {name: float(value) for name, value in pairs}


def test_status_is_healthy_after_a_good_cycle_and_unhealthy_with_reasons_when_dovecot_stops(
    tmp_path: Path,
    sqlite_url: str,
    dovecot: DovecotServer,
    daemon_for: Callable[[Path], RunningDaemon],
) -> None:
    port = free_port()
    mailbox = dovecot.mailbox_section(reconnect_attempts=0, timeout_seconds=5)
    overrides = {"mailbox": mailbox, "schedule": FAST, "metrics": {"listen": f"127.0.0.1:{port}"}}
    config = write_config_file(tmp_path, sqlite_url, overrides)
    daemon = daemon_for(config)
    daemon.wait_for("poll finished")
    good = wait_for_status(config, lambda code, doc: code == 0 and doc["idle"]["live"])
    assert (good["healthy"], good["state"], good["reasons"]) == (True, "healthy", [])
    assert good["last_cycle"]["result"] == "ok"
    assert good["database"] == {"reachable": True, "writable": True, "error": None}
    assert [disk["holds"] for disk in good["disk"]] == ["database", "outbox"]
    assert all(disk["free_bytes"] > 0 and disk["writable"] for disk in good["disk"])
    scraped = metrics(port)
    assert (scraped["intake_healthy"], scraped["intake_idle_live"]) == (1.0, 1.0)
    assert scraped["intake_last_cycle_success"] == 1.0
    assert scraped["intake_outbox_pending"] == 0.0
    assert "intake_messages_stored_total" in scraped
    dovecot.stop()
    down = wait_for_status(config, lambda code, _doc: code == 1)
    assert down["healthy"] is False and down["state"] == "unhealthy"
    assert down["reasons"][0].startswith("the last poll failed: ")
    assert down["last_cycle"]["result"] == "failed" and down["last_cycle"]["error"]
    assert down["idle"]["live"] is False
    assert metrics(port)["intake_healthy"] == 0.0
    assert daemon.stop() == 0


def test_status_says_starting_during_the_first_cycle_then_healthy(
    tmp_path: Path, sqlite_url: str, daemon_for: Callable[[Path], RunningDaemon]
) -> None:
    config = write_config_file(tmp_path, sqlite_url, {"schedule": FAST})
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    fill_maildir(tmp_path / "Maildir", 300)
    daemon = daemon_for(config)
    daemon.wait_for("daemon started")
    starting = wait_for_status(config, lambda code, _doc: code == 2)
    assert (starting["healthy"], starting["state"], starting["reasons"]) == (False, "starting", [])
    assert starting["daemon"]["running"] is True
    healthy = wait_for_status(config, lambda code, _doc: code == 0)
    assert healthy["messages"]["application"] > 0
    assert daemon.stop() == 0


def test_an_acknowledgement_due_longer_than_the_limit_makes_status_unhealthy(
    runtime: Runtime,
) -> None:
    from intake.poll.daemon import Daemon

    Daemon(runtime).poll()
    store_applications(runtime.sessions, [Stored(acknowledgement="pending")])
    due = utcnow() - timedelta(minutes=20)
    with write_transaction(runtime.sessions) as session:
        session.execute(update(Acknowledgement).values(next_attempt_at=due))
    health = check_health(runtime.sessions, runtime.config)
    assert health.state == "unhealthy"
    assert health.outbox.pending == health.outbox.overdue == 1
    assert health.outbox.overdue_after_seconds == 900
    assert health.reasons[0].startswith("1 acknowledgement(s) overdue: the oldest was due 1200")
