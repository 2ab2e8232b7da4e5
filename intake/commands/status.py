"""``intake status [--format json]``: the service's health, part by part; exit 0/1/2."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from intake.config.runtime import open_runtime
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK
from intake.hr.views import iso_utc
from intake.poll.extraction import ocr_problem
from intake.poll.health import STARTING, Health, check_health, unreachable
from storage.errors import StorageError

EXIT_STARTING = 2


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the health; the exit code says healthy (0), unhealthy (1) or starting (2)."""
    health = read_health(config)
    if args.format == "json":
        json.dump(health_dict(health), sys.stdout, indent=2)
        print()
    else:
        for line in health_lines(health, config):
            print(line)
    if health.state == STARTING:
        return EXIT_STARTING
    return EXIT_OK if health.healthy else EXIT_FAILED


def read_health(config: Config) -> Health:
    """The health; a database that cannot be opened is a reason, not a crash."""
    try:
        runtime = open_runtime(config, schema="require")
    except StorageError as exc:
        return unreachable(str(exc), config)
    try:
        return check_health(runtime.sessions, config)
    except StorageError as exc:
        return unreachable(str(exc), config)
    finally:
        runtime.close()


def _when(value: datetime | None) -> str | None:
    return iso_utc(value) if value is not None else None


def health_dict(health: Health) -> dict[str, Any]:
    """The JSON document: state, reasons, then each part."""
    cycle, daemon, outbox = health.cycle, health.daemon, health.outbox
    oldest = outbox.oldest_due
    return {
        "healthy": health.healthy,
        "state": health.state,
        "reasons": list(health.reasons),
        "checked_at": _when(health.checked_at),
        "last_cycle": {
            "started": _when(cycle.started),
            "finished": _when(cycle.finished),
            "result": cycle.result,
            "duration_seconds": cycle.duration_seconds,
            "error": cycle.error,
            "last_success": _when(cycle.last_success),
            "running_since": _when(cycle.running_since),
        },
        "daemon": {
            "running": daemon.running,
            "started": _when(daemon.started),
            "heartbeat": _when(daemon.heartbeat),
        },
        "idle": {"live": daemon.idle_live, "since": _when(daemon.idle_since)},
        "outbox": {
            "pending": outbox.pending,
            "failed": outbox.failed,
            "overdue": outbox.overdue,
            "oldest_due": _when(oldest),
            "oldest_due_age_seconds": (
                int((health.checked_at - oldest).total_seconds()) if oldest else None
            ),
            "overdue_after_seconds": outbox.overdue_after_seconds,
        },
        "database": {
            "reachable": health.database_reachable,
            "writable": health.database_error is None,
            "error": health.database_error,
        },
        "disk": [
            {
                "holds": disk.holds,
                "path": str(disk.path),
                "free_bytes": disk.free_bytes,
                "writable": disk.writable,
                "error": disk.error,
            }
            for disk in health.disks
        ],
        "messages": health.messages,
    }


def health_lines(health: Health, config: Config) -> list[str]:
    """The same facts as readable lines, the verdict last."""
    data = health_dict(health)
    cycle, outbox = data["last_cycle"], data["outbox"]
    lines = [
        f"last poll: {cycle['result'] or 'none'} (started {cycle['started'] or 'never'}, "
        f"took {cycle['duration_seconds']} s)",
        f"last successful poll: {cycle['last_success'] or 'never'}",
        "daemon: " + _since("running", data["daemon"]["started"], health.daemon.running),
        "idle: " + _since("live", data["idle"]["since"], health.daemon.idle_live),
        f"acknowledgements pending: {outbox['pending']} (oldest due {outbox['oldest_due'] or '-'})",
        f"acknowledgements overdue: {outbox['overdue']} "
        f"(due longer than {outbox['overdue_after_seconds']} s)",
        f"acknowledgements failed: {outbox['failed']}",
        f"database: {'writable' if data['database']['writable'] else 'NOT writable'}",
    ]
    lines += [
        f"disk ({disk['holds']}) {disk['path']}: {disk['free_bytes']} bytes free, "
        f"{'writable' if disk['writable'] else 'NOT writable'}"
        for disk in data["disk"]
    ]
    lines.append(f"ocr: {ocr_state(config)}")
    lines += [f"messages {name}: {count}" for name, count in sorted(health.messages.items())]
    verdict = "unhealthy: " + "; ".join(health.reasons) if health.reasons else health.state
    return [*lines, verdict]


def _since(what: str, when: str | None, on: bool) -> str:
    return f"{what} since {when}" if on else f"not {what}"


def ocr_state(config: Config) -> str:
    """One line on OCR for the operator; it never makes the service unhealthy."""
    if not config.extraction.ocr:
        return "off (extraction.ocr = false)"
    problem = ocr_problem(config)
    languages = ", ".join(config.extraction.ocr_languages)
    return f"ready ({languages})" if problem is None else f"not working: {problem}"
