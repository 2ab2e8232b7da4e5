"""Judgement on harder real shapes: every labelled message polled, scored per class.

Run from the repository root:
    python3 -m benchmarks.judgement_v2
Builds the labelled messages of ``benchmarks.judgement_robots`` and
``benchmarks.judgement_applications``, polls them once from a FakeMailbox into SQLite with the
file transport (organisation names and aliases configured), and compares what was stored
with the labels: disposition and acknowledgement, flags wanted and not wanted, the relatives
outcome (with its evidence), the vacancy, document statuses, and namesakes kept apart. Prints
the accuracy per class, every miss, and the overall figure.
"""

from __future__ import annotations

import email
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks.judgement_applications import application_cases
from benchmarks.judgement_robots import robot_cases
from intake.config.runtime import open_runtime
from intake.hr.candidates.listing import candidate_dicts
from intake.hr.views import application_dicts
from intake.mailbox.fake import FakeMailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from storage.models import Message
from tests.configs import make_config
from tests.judged_messages import DATE, Case

ORGANISATION = {
    "name": "World Customs Organization",
    "timezone": "Europe/Brussels",
    "names": {"fr": "Organisation mondiale des douanes"},
    "aliases": ["WCO", "OMD"],
}
# The vacancies with their title in the notice's other language: as an alias, and as a title.
VACANCIES: list[dict[str, Any]] = [
    {
        "reference": "WCO/2025/DD-IS",
        "title": "Deputy Director, Implementation Support",
        "aliases": ["Directeur adjoint, Appui à la mise en œuvre"],
        "deadline": "2025-10-26",
        "languages": ["en", "fr"],
    },
    {
        "reference": "WCO/2025/HU-NA",
        "title": "Head of Unit, Needs Assessment",
        "titles": {"fr": "Chef d'unité, Évaluation des besoins"},
        "deadline": "2025-11-30",
        "languages": ["en", "fr"],
        "subject_requires": ["vacancy"],
    },
]
ACKNOWLEDGED = frozenset({"pending", "sent"})


def poll_all(cases: list[Case], root: Path) -> tuple[dict[str, str], dict[str, Any], list[Any]]:
    """Dispositions by Message-ID, applications by Message-ID, and the candidates."""
    url = f"sqlite:///{root / 'intake.db'}"
    config = make_config(root, url, {"organisation": ORGANISATION}, vacancies=VACANCIES)
    mailbox = FakeMailbox()
    for case in cases:
        mailbox.append(case.raw, DATE)
    runtime = open_runtime(config)
    try:
        report = poll_once(config, runtime.sessions, mailbox, progress=Progress(live=False))
        if not report.ok:
            raise SystemExit(f"the poll failed: {report.error}")
        with runtime.sessions() as session:
            rows = session.execute(select(Message.message_id, Message.disposition)).all()
            applications = {a["message_id"]: a for a in application_dicts(session, evidence=True)}
            candidates = list(candidate_dicts(session))
    finally:
        runtime.close()
    return {str(mid): str(disposition) for mid, disposition in rows}, applications, candidates


def problems(case: Case, disposition: str | None, app: dict[str, Any] | None,
             candidates: list[Any]) -> list[str]:  # fmt: skip
    """What the stored record gets wrong against the label (empty: right)."""
    want = case.want
    if not want.application:
        return [] if disposition != "application" else ["read as an application"]
    if app is None:
        return [f"not an application ({disposition})"]
    found = []
    if app["acknowledgement"] not in ACKNOWLEDGED:
        found.append(f"acknowledgement {app['acknowledgement']}")
    flags = set(app["flags"])
    found += [f"flag {code} missing" for code in want.flags if code not in flags]
    found += [f"flag {code} raised" for code in want.not_flags if code in flags]
    if want.relatives is not None and app["relatives"] != want.relatives:
        found.append(f"relatives {app['relatives']} ({app['relatives_evidence']})")
    if want.relatives == "declared" and not app["relatives_evidence"]:
        found.append("declared without evidence")
    if want.vacancy is not None and app["vacancy"] != want.vacancy:
        found.append(f"vacancy {app['vacancy']}")
    statuses = {doc["filename"]: doc["status"] for doc in app["documents"]}
    found += [
        f"{name} is {statuses.get(name)}, not {status}"
        for name, status in want.statuses
        if statuses.get(name) != status
    ]
    if want.namesakes is not None:
        same = [c for c in candidates if c["candidate_name"] == app["candidate_name"]]
        if len(same) != 2:
            found.append(f"{len(same)} candidate(s) named {app['candidate_name']!r}, not 2")
    return found


def main() -> int:
    cases = robot_cases() + application_cases()
    with tempfile.TemporaryDirectory() as folder:
        dispositions, applications, candidates = poll_all(cases, Path(folder))
    per_class: dict[str, list[bool]] = defaultdict(list)
    for case in cases:
        message_id = str(email.message_from_bytes(case.raw)["Message-ID"])
        wrong = problems(case, dispositions.get(message_id), applications.get(message_id),
                         candidates)  # fmt: skip
        per_class[case.cls].append(not wrong)
        if wrong:
            print(f"miss [{case.cls}] {case.label}: {'; '.join(wrong)}")
    print(f"messages: {len(cases)}")
    for cls, results in per_class.items():
        print(f"  {cls:22} {sum(results):3}/{len(results):<3} ({sum(results) / len(results):.0%})")
    right = sum(sum(results) for results in per_class.values())
    print(f"overall: {right}/{len(cases)} ({right / len(cases):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
