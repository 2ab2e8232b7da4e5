"""What the relatives checks cost one application: the staff register and the declarations.

Run from the repository root:
    python3 -m benchmarks.candidate_checks_speed [--staff 5000] [--repeat 5]
Builds a register of generated staff names (given name + surname, in the forms registers use:
``Jan de VRIES``, ``Park, Ji-hoon``, compound Iberian surnames), looks up one candidate's
subject name and display name per application, and reads the declaration of a realistic
application (a body, a two-page letter and a long CV). Times are CPU seconds of this process,
median of ``--repeat`` runs, so other load on the machine does not count.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Callable

from parsers.declarations import DeclarationReader, SourceText
from parsers.staff_match import StaffDirectory, StaffEntry
from tests import candidate_files

GIVEN = ("Anna", "Jan", "Maria", "Kwame", "Élodie", "Ji-hoon", "Priya", "Lukas", "Fatou", "Omar")
SURNAMES = (
    "de Vries", "FERNÁNDEZ RUIZ", "Park", "Martin", "Dupont-Moretti", "O'Brien", "Müller",
    "van der Berg", "Al-Mansouri", "Okonkwo", "Kowalska", "Nguyen", "Rossi", "Dlamini",
)  # fmt: skip
#: One page of a long CV that mentions the organisation without declaring anyone.
CV_PAGE = (
    "PROFESSIONAL EXPERIENCE\nHead of Risk Management, National Customs, 2018 - present\n"
    "• Trained staff of the Organization and partner administrations in data analytics\n"
    "• Worked with WCO experts on the SAFE Framework in Africa and Asia\n"
    "EDUCATION\nMaster of Laws, Université libre de Bruxelles, 2008\n"
)
LAST_PAGE = "PERSONAL DETAILS\nRelatives employed by the WCO: my brother, Jean Dupont\n"
BODY = "Dear Sir or Madam,\n\nPlease find attached my CV and my motivation letter.\n\nAnna"


def staff_names(count: int) -> list[str]:
    """``count`` distinct-looking staff names, in the forms registers are written in."""
    forms = itertools.cycle(("{g} {s}", "{S}, {g}", "{g} {S}"))
    names = []
    for number, form in zip(range(count), forms, strict=False):
        given, surname = GIVEN[number % len(GIVEN)], SURNAMES[number % len(SURNAMES)]
        surname = f"{surname}{number // len(SURNAMES)}" if number >= len(SURNAMES) else surname
        names.append(form.format(g=given, s=surname, S=surname.upper()))
    return names


def median_cpu_seconds(work: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``work`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    names = staff_names(args.staff)
    started = time.process_time()
    directory = StaffDirectory(StaffEntry(name, row) for row, name in enumerate(names, 1))
    print(f"register of {len(directory)} staff indexed in {time.process_time() - started:.3f} s")
    candidates = [(f"Anna {surname}", f"{surname.upper()} Anna") for surname in SURNAMES] * 100
    lookups = median_cpu_seconds(lambda: [directory.matches(pair) for pair in candidates], 5)
    print(f"register lookup: {lookups / len(candidates) * 1e6:.0f} µs per application")
    reader = DeclarationReader(("World Customs Organization", "WCO", "OMD"))
    texts = [
        SourceText("the email body", BODY),
        SourceText("letter", candidate_files.letter_text()),
        SourceText("CV", candidate_files.CV_TEXT * 150),
    ]
    size = sum(len(text.text) for text in texts)
    reading = median_cpu_seconds(lambda: reader.read(texts), args.repeat)
    print(f"declaration read: {reading * 1000:.1f} ms per application ({size // 1000} kB of text)")
    long_cv = [SourceText("CV cv.pdf", CV_PAGE * 600 + LAST_PAGE)]
    reading = median_cpu_seconds(lambda: reader.read(long_cv), args.repeat)
    print(
        f"declaration on the last of 600 CV pages ({len(long_cv[0].text) // 1000} kB): "
        f"{reading * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
