"""``intake audit``: the log of purges and erasures (it holds no personal data)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.orm import Session

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK
from intake.hr.views import iso_utc
from intake.output import write_rows
from storage.audit import audit_records

COLUMNS = (
    "id", "occurred_at", "action", "scope", "messages", "applications", "documents",
    "acknowledgements", "files",
)  # fmt: skip


def run(args: argparse.Namespace, config: Config) -> int:
    """Print the audit log."""
    with runtime_for(config) as runtime, runtime.sessions() as session:
        write_rows(audit_rows(session), COLUMNS, args.format, sys.stdout)
    return EXIT_OK


def audit_rows(session: Session) -> list[dict[str, Any]]:
    """The audit log as plain rows, oldest first."""
    return [
        {
            "id": record.id,
            "occurred_at": iso_utc(record.occurred_at),
            "action": record.action,
            "scope": record.scope,
            "messages": record.counts.messages,
            "applications": record.counts.applications,
            "documents": record.counts.documents,
            "acknowledgements": record.counts.acknowledgements,
            "files": record.counts.files,
        }
        for record in audit_records(session)
    ]
