"""``intake web``: the console served by uvicorn in the foreground until SIGTERM or Ctrl-C."""

from __future__ import annotations

import signal
from types import FrameType

from intake.config.runtime import open_runtime
from intake.config.settings import Config
from intake.config.web import require_web_secret, split_host_port
from intake.web.app import build_app


def serve(config: Config, listen: str | None) -> None:
    """Serve on ``listen`` (``HOST:PORT``) or ``[web] listen``; the schema must be current."""
    secret = require_web_secret(config.web)
    host, port = (
        split_host_port(listen, "--listen") if listen else (config.web.host, config.web.port)
    )
    runtime = open_runtime(config, schema="require")
    # uvicorn stops gracefully on SIGTERM, then raises the signal again under the handler it
    # found: this one, so that a stop asked for is exit code 0, not death by signal.
    previous = signal.signal(signal.SIGTERM, _stopped)
    try:
        import uvicorn

        app = build_app(config, runtime.sessions, secret)
        warm_up()
        # proxy_headers: X-Forwarded-For/-Proto are believed only from forwarded_allow_ips
        # (uvicorn's default: 127.0.0.1, or $FORWARDED_ALLOW_IPS), i.e. a reverse proxy here.
        uvicorn.run(
            app, host=host, port=port, proxy_headers=True, server_header=False, log_config=None
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
        runtime.close()


def warm_up() -> None:
    """Draw an empty chart once: matplotlib's import (a second or more) is paid at start, not
    by the first person who opens the vacancies page."""
    from intake.hr.summary.chart import chart_png

    chart_png([], "UTC")


def _stopped(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)
