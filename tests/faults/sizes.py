"""How big the fault suite runs, from environment variables (CI size by default)."""

from __future__ import annotations

import os


def _size(name: str, default: int) -> int:
    """The positive integer in ``$name``, else ``default``."""
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


#: kill -9 of a poll or a daemon at a random moment (the bar is set over 60; full size 150).
KILLS = _size("INTAKE_FAULT_KILLS", 24)
#: messages delivered to Dovecot during the kill storm.
MESSAGES = _size("INTAKE_FAULT_MESSAGES", 48)
#: header-less auto-replies delivered in the robots scenario (the bar is set over 100).
ROBOTS = _size("INTAKE_FAULT_ROBOTS", 100)
#: seconds a scenario waits for work held by a dead process (the bar is 90 s).
CLAIM_BAR_SECONDS = 90
CLAIM_WAIT = _size("INTAKE_FAULT_CLAIM_WAIT", CLAIM_BAR_SECONDS + 10)
