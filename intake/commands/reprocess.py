"""``intake reprocess``: read and judge stored messages again after a config or rule change."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_FAILED, EXIT_OK, UsageError
from intake.poll.analysis import Analyser
from intake.poll.workers import pooled_extractor
from intake.reprocess.applications import Outcome, Result, reprocess

EXIT_INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C


def run(args: argparse.Namespace, config: Config) -> int:
    """Reprocess the chosen applications; one line per changed or kept one, then a summary.

    Exit 1 when any application was kept because its new reading failed; 130 after Ctrl-C.
    """
    vacancy = _vacancy(args, config)

    def show(outcome: Outcome) -> None:
        if outcome.result in (Result.CHANGED, Result.WOULD_CHANGE, Result.KEPT):
            print(outcome.line(), flush=True)

    stop = threading.Event()
    with runtime_for(config) as runtime, ctrl_c_sets(stop):
        extractor = pooled_extractor(config)
        try:
            report = reprocess(
                Analyser(config, extractor),
                runtime.sessions,
                vacancy,
                stop.is_set,
                show,
                dry_run=args.dry_run,
            )
        finally:
            extractor.close()
    print(f"reprocess {'stopped' if report.stopped_early else 'finished'}: {report.summary()}")
    if report.stopped_early:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if report.results[Result.KEPT] else EXIT_OK


def _vacancy(args: argparse.Namespace, config: Config) -> str | None:
    """The vacancy asked for (None for ``--all``); it must be one the config knows."""
    if args.all:
        return None
    known = [vacancy.reference for vacancy in config.vacancies]
    if args.vacancy not in known:
        raise UsageError(
            f"--vacancy: {args.vacancy!r} is not a vacancy of the config "
            f"(known: {', '.join(known) or 'none'}); use --all to read every application again"
        )
    reference: str = args.vacancy
    return reference


@contextmanager
def ctrl_c_sets(stop: threading.Event) -> Iterator[None]:
    """The first Ctrl-C asks to stop after the current application; a second stops at once."""

    def on_interrupt(_signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print("stopping after the current application (Ctrl-C again to stop now)", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
