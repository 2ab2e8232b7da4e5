"""Runs the ``intake`` command in a separate process, as an operator or a service manager would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def start_intake(
    *args: str, env: Mapping[str, str] | None = None, secrets: bool = True
) -> subprocess.Popen[str]:
    """``python -m intake ARGS`` from the repository root, ``env`` added to ours, output piped;
    without ``secrets`` no ``INTAKE_*`` variable of ours is passed on."""
    inherited = {k: v for k, v in os.environ.items() if secrets or not k.startswith("INTAKE_")}
    return subprocess.Popen(
        [sys.executable, "-m", "intake", *args],
        cwd=REPO,
        env={**inherited, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_intake(
    *args: str, env: Mapping[str, str] | None = None, secrets: bool = True
) -> subprocess.CompletedProcess[str]:
    """``start_intake`` run to its end."""
    process = start_intake(*args, env=env, secrets=secrets)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)
