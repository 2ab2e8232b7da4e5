"""Running several commands at once and sampling their process trees together."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.process_tree import run_sampled, run_together

PAUSE = "import time; time.sleep(0.5)"


def test_commands_run_together_keep_their_own_output_and_exit_codes() -> None:
    run = run_together(
        [
            [sys.executable, "-c", f"{PAUSE}; print('first')"],
            [sys.executable, "-c", f"{PAUSE}; print('second'); raise SystemExit(3)"],
        ]
    )
    assert [text.strip() for text in run.outputs] == ["first", "second"]
    assert run.returncodes == (0, 3)
    assert run.returncode == 3


def test_trees_run_together_are_sampled_as_one() -> None:
    run = run_together([[sys.executable, "-c", PAUSE]] * 2)
    assert run.peak.processes == 2
    assert run.peak.pss_kib > 0


BURN_THEN_SLEEP = """
import time
start = time.process_time()
while time.process_time() - start < 1.0:
    pass
print("burnt", flush=True)
time.sleep(30)
"""


def test_a_process_beside_the_commands_counts_apart_and_only_from_the_start() -> None:
    command = [sys.executable, "-c", BURN_THEN_SLEEP]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as beside:
        try:
            assert beside.stdout is not None and beside.stdout.readline() == "burnt\n"
            run = run_together([[sys.executable, "-c", PAUSE]], beside=[beside.pid])
        finally:
            beside.kill()
    assert run.peak.processes == 1
    assert run.beside_peak.processes == 1
    assert run.beside_cpu_seconds < 0.5  # its second of CPU before the start is not counted


def test_one_command_sampled_alone_gives_its_output() -> None:
    run = run_sampled([sys.executable, "-c", "print('alone')"])
    assert run.returncode == 0
    assert run.output.strip() == "alone"


BURN_HALF_A_SECOND = """
import time
start = time.process_time()
while time.process_time() - start < 0.5:
    pass
time.sleep(0.3)
"""


def test_cpu_is_told_apart_for_the_command_and_the_process_it_starts() -> None:
    start_child = f"subprocess.run([sys.executable, '-c', {BURN_HALF_A_SECOND!r}])"
    script = f"import subprocess, sys\n{BURN_HALF_A_SECOND}\n{start_child}"
    run = run_sampled([sys.executable, "-c", script])
    by_kind = dict(run.cpu_by_kind)
    assert set(by_kind) == {"command", "worker"}
    # Each burnt half a second; the last sample of each may come up to 50 ms early.
    assert by_kind["command"] >= 0.4 and by_kind["worker"] >= 0.4
    assert run.cpu_line().startswith(("command", "worker"))
