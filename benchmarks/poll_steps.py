"""Where the polling process's CPU goes in one ``intake poll`` of a backlog, step by step.

Run from the repository root:
    python3 -m benchmarks.poll_steps [--messages 60] [--workers 2] [--profile FILE] [--statements]

The throughput benchmark's backlog (``benchmarks.throughput_backlog``) is polled once, in this
process, through the real command line (``intake --config … poll``); each step of the
polling process is wrapped to add up the CPU time of its thread (``time.thread_time``), so
the workers' reading is not counted. Steps nest: ``store`` includes ``grouping``,
``analysis start`` includes ``parse`` and ``has copy``, ``acknowledgements`` includes the
``compose`` of the ones it sends (the template check composes the samples). Steps run by the
thread that drains the outbox while the poll stores are listed apart, after the rest: their
CPU is not the polling thread's.

``--profile FILE`` also profiles the polling thread with cProfile, timed by the thread's CPU
(so waiting for workers, locks and the disk counts nothing), writes the profile to FILE and
prints the functions that spent most. A deterministic profiler slows Python code about
threefold and C code hardly at all: read the shares, not the seconds.

``--statements`` also counts the SQL statements the poll sent, in the polling thread and in
the others, by verb and table (``benchmarks.sql_statements``).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.sql_statements import StatementCounter

Spent = dict[str, list[float]]
#: Added to the label of a step run by another thread than the polling one.
ELSEWHERE = " (outbox thread)"
ORDER = (
    "imports",
    "template check",
    "claim",
    "analysis start",
    "  parse",
    "  has copy",
    "analysis finish",
    "  candidate history",
    "  build (rules, documents)",
    "store",
    "  grouping",
    "mark recorded",
    "acknowledgements",
    "  compose (samples and acks)",
)


def timed(owner: Any, name: str, label: str, spent: Spent) -> None:
    """Replace ``owner.name`` with a wrapper adding its thread CPU time to ``spent[label]``."""
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            # The outbox is also drained by a thread of its own while the poll stores.
            on_main = threading.current_thread() is threading.main_thread()
            entry = spent.setdefault(label if on_main else f"{label}{ELSEWHERE}", [0.0, 0])
            entry[0] += time.thread_time() - start
            entry[1] += 1

    setattr(owner, name, wrapper)


def instrument(spent: Spent) -> None:
    """Wrap the steps of a poll (imported here, after the import time is measured)."""
    import intake.acks.compose as compose
    import intake.cli as cli
    import intake.poll.analysis as analysis
    import intake.poll.application as application
    import intake.poll.claims as claims
    import intake.poll.cycle as cycle
    import intake.poll.pipeline as pipeline
    from intake.mailbox.ledger import DatabaseLedger
    from storage import marks

    timed(cli, "_check_templates", "template check", spent)
    timed(claims.MessageClaims, "_take", "claim", spent)
    timed(analysis.Analyser, "start", "analysis start", spent)
    timed(analysis.Analyser, "_parse", "  parse", spent)
    timed(DatabaseLedger, "has_copy", "  has copy", spent)
    timed(analysis.Analyser, "finish", "analysis finish", spent)
    timed(application.ApplicationBuilder, "build", "  build (rules, documents)", spent)
    timed(DatabaseLedger, "earlier_applications", "  candidate history", spent)
    timed(pipeline, "_store", "store", spent)
    timed(pipeline, "_group", "  grouping", spent)
    timed(marks, "record_marked", "mark recorded", spent)
    timed(cycle, "send_acknowledgements", "acknowledgements", spent)
    timed(compose, "_compose", "  compose (samples and acks)", spent)


_PREPARE = """
import sys
from pathlib import Path
from benchmarks.bytecode import compile_checkout
from benchmarks.throughput import prepare
from benchmarks.throughput_backlog import fresh_copy
compile_checkout()
work = Path(sys.argv[1])
config_file = prepare(work, int(sys.argv[2]), int(sys.argv[3]))
fresh_copy(work / "backlog", work / "Maildir")
print(config_file)
"""


def _prepared(work: Path, messages: int, workers: int) -> Path:
    """The backlog, its config and the checkout's bytecode, written by another process: this
    one imports nothing yet."""
    command = [sys.executable, "-c", _PREPARE, str(work), str(messages), str(workers)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return Path(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", type=Path, help="write a CPU profile of the polling thread")
    parser.add_argument("--statements", action="store_true", help="count the SQL statements")
    args = parser.parse_args()
    spent: Spent = {}
    profile = cProfile.Profile(time.thread_time)
    with tempfile.TemporaryDirectory() as temporary:
        config_file = _prepared(Path(temporary), args.messages, args.workers)
        if args.profile:
            profile.enable()
        wall, cpu = time.perf_counter(), time.thread_time()
        import intake.cli  # the imports of the command are part of its cost
        import intake.commands.poll  # noqa: F401

        spent["imports"] = [time.thread_time() - cpu, 1]
        instrument(spent)
        counter = _statement_counter() if args.statements else None
        from intake.cli import main as intake_main

        code = intake_main(["--log-level", "ERROR", "--config", str(config_file), "poll"])
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        profile.disable()
    if code != 0:
        raise SystemExit(f"FAILED: intake poll exited {code}")
    print(f"polling thread: {cpu:.2f} s CPU in {wall:.2f} s ({args.messages} messages)")
    for label in ORDER:
        seconds, calls = spent.get(label, (0.0, 0))
        print(f"{label:30s} {seconds:6.3f} s  {int(calls):5d} calls")
    counted = sum(
        seconds
        for label, (seconds, _) in spent.items()
        if not label.startswith(" ") and not label.endswith(ELSEWHERE)
    )
    print(f"{'rest (config, database, mailbox)':30s} {cpu - counted:6.3f} s")
    for label in ORDER:
        seconds, calls = spent.get(f"{label}{ELSEWHERE}", (0.0, 0))
        if calls:
            print(f"{label.strip() + ELSEWHERE:30s} {seconds:6.3f} s  {int(calls):5d} calls")
    if counter is not None:
        print("\n" + "\n".join(counter.report(args.messages)))
    if args.profile:
        print_profile(profile, args.profile)
    sys.stdout.flush()


def _statement_counter() -> StatementCounter:
    """A counter listening to every engine (imported after the command's imports are timed)."""
    from benchmarks.sql_statements import StatementCounter

    counter = StatementCounter()
    counter.install()
    return counter


def print_profile(profile: cProfile.Profile, path: Path) -> None:
    """Write the profile to ``path``; print the functions by their own CPU, then by their
    CPU with what they called."""
    profile.dump_stats(path)
    print(f"\nprofile of the polling thread written to {path}")
    stats = pstats.Stats(str(path), stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(r"intake|parsers|storage", 40)


if __name__ == "__main__":
    main()
