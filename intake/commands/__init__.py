"""The commands wing: HR's and the operator's commands beyond polling, one module each.

Each module is thin: it parses its arguments, calls a wing, prints. It may import every wing
(hr, reprocess, poll and those below them) and the root; no wing imports it back.

Every module here has ``SUMMARY`` (one line for ``intake --help``), ``add_arguments(parser)``
and ``run(args, config) -> exit code``. Modules stay light to import: heavy libraries (the
document readers, openpyxl, matplotlib) are imported inside the functions that use them.
"""

from __future__ import annotations

import argparse
from typing import Protocol

from intake.commands import (
    applications,
    audit,
    candidate,
    candidates,
    decide,
    documents,
    enquiries,
    erase,
    oauth2,
    purge,
    quarantine,
    reprocess,
    show,
    summary,
    users,
)
from intake.config.settings import Config


class CommandModule(Protocol):
    """What cli.py needs of a command module."""

    SUMMARY: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, config: Config) -> int: ...


#: (command name, module), in the order ``intake --help`` lists them.
COMMANDS: tuple[tuple[str, CommandModule], ...] = (
    ("applications", applications),
    ("show", show),
    ("candidates", candidates),
    ("candidate", candidate),
    ("decide", decide),
    ("summary", summary),
    ("enquiries", enquiries),
    ("documents", documents),
    ("reprocess", reprocess),
    ("quarantine", quarantine),
    ("purge", purge),
    ("erase", erase),
    ("audit", audit),
    ("oauth2", oauth2),
    ("users", users),
)
