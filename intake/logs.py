"""Logging setup: one line per event on stderr, quiet third-party chatter."""

from __future__ import annotations

import logging
import sys

from intake.errors import ConfigError

NOISY_LOGGERS = ("mailparser", "pdfminer", "apscheduler.executors", "imapclient", "alembic")


def configure_logging(level_name: str) -> None:
    """Log at ``level_name`` (DEBUG, INFO, WARNING, ERROR) to stderr."""
    level = logging.getLevelName(level_name.upper())
    if not isinstance(level, int):
        raise ConfigError("--log-level", f'"{level_name}" is not DEBUG, INFO, WARNING or ERROR')
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    logging.getLogger("mailparser").setLevel(logging.CRITICAL)
