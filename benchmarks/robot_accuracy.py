"""How header-less robots and the people who look like them are read, and what a poll sends.

Run from the repository root:
    python3 -m benchmarks.robot_accuracy [--poll]
Prints, for the tuned set (tests/robot_messages.py, tests/robot_controls.py) and the two
held-out sets (benchmarks/robot_holdout*.py), how many robots were read as a person and which
people were read as something else; with ``--poll``, delivers the tuned set and its controls to
a Maildir, polls it with the file transport and counts the robots acknowledged (caps lifted,
then the default caps) and the applications lost. Exits 1 when more than two of the hundred
tuned robots are read as a person, or when any person of any set is misread.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks import robot_holdout, robot_holdout_late
from benchmarks.robot_holdout import Case, Person, build
from benchmarks.robot_polling import poll_figures
from parsers.disposition import classify_with_reason
from parsers.message import parse_message
from tests.robot_controls import CONTROLS
from tests.robot_messages import robots

PERSON = frozenset({"application", "enquiry"})
MAX_ROBOTS_READ_AS_PERSON = 2

Labelled = list[tuple[str, bytes]]


def read(raw: bytes) -> tuple[str, str]:
    disposition, reason = classify_with_reason(parse_message(raw))
    return str(disposition), reason


def report_robots(name: str, cases: Labelled) -> int:
    """Print how a robot set is read; how many were read as a person."""
    readings = [(label, *read(raw)) for label, raw in cases]
    missed = [label for label, disposition, _ in readings if disposition in PERSON]
    rules = Counter(reason for _, disposition, reason in readings if disposition not in PERSON)
    print(f"{name}: {len(missed)} of {len(cases)} robots read as a person")
    print("  decided by: " + ", ".join(f"{rule} {count}" for rule, count in rules.most_common()))
    for label in missed:
        print(f"  missed: {label}")
    return len(missed)


def report_people(name: str, cases: list[tuple[str, str, bytes]]) -> int:
    """Print which people were misread; how many."""
    wrong = [(label, want, read(raw)) for label, want, raw in cases if read(raw)[0] != want]
    print(f"{name}: {len(wrong)} of {len(cases)} people misread")
    for label, want, (got, reason) in wrong:
        print(f"  {label}: {want} read as {got} ({reason})")
    return len(wrong)


def held_out(
    cases: tuple[Case, ...], people: tuple[Person, ...]
) -> tuple[Labelled, list[tuple[str, str, bytes]]]:
    """A held-out set's robots and people built into messages, each labelled."""
    robots_built = [(f"{i:02d} {case[1][:50]!r}", build(*case)) for i, case in enumerate(cases)]
    people_built = [
        (f"{i:02d} {body[:50]!r}", want, build(subject, body, files, threaded))
        for i, (subject, body, files, threaded, want) in enumerate(people)
    ]
    return robots_built, people_built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--poll", action="store_true", help="also poll the tuned set")
    args = parser.parse_args(argv)
    missed = report_robots("tuned set", robots())
    misread = report_people("tuned controls", CONTROLS)
    for name, module in (
        ("held-out set", robot_holdout),
        ("late held-out set", robot_holdout_late),
    ):
        held_robots, held_people = held_out(module.ROBOTS, module.PEOPLE)
        report_robots(name, held_robots)
        misread += report_people(name, held_people)
    if args.poll:
        with tempfile.TemporaryDirectory() as folder:
            for line in poll_figures(Path(folder)):
                print(line)
    return 0 if missed <= MAX_ROBOTS_READ_AS_PERSON and misread == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
