"""The process the document workers are forked from, and starting it before it is needed."""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import ForkServerContext
from multiprocessing.forkserver import ensure_running

#: The document readers, the heaviest of what the fork server imports.
READERS = "parsers.documents.extract"
#: What the fork server imports once, so that every worker forked from it starts at once and
#: shares these modules' memory: the readers, the worker's own module and pebble's worker loop.
PRELOAD = (READERS, "intake.poll.worker_process", "pebble.pool.process")


def fork_server_context() -> ForkServerContext:
    """The context the worker pool starts its processes in: forked from a clean process (not
    a copy of a threaded daemon) that has imported the readers."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))
    return context


def start_fork_server() -> None:
    """Start the fork server now and return at once: it imports the readers (about 0.3 s of
    CPU) while this process imports the rest, instead of the first document waiting for it."""
    fork_server_context()
    ensure_running()
