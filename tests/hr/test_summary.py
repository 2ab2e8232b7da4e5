"""``intake summary``: counts per vacancy against the stored rows, arrivals per day in Brussels
time (midnight, the DST change, after the deadline), every group, the PNG and HTML charts."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from intake.hr.summary.counts import arrivals_per_day
from storage.models import Application
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.hr_data import Stored, store_applications

DD_IS = "WCO/2025/DD-IS"
HU_NA = "WCO/2025/HU-NA"
RETIRED = "WCO/2024/OLD"
BRUSSELS = ZoneInfo("Europe/Brussels")


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# WCO/2025/DD-IS closes 2025-10-26 23:59:59 CET; Brussels leaves summer time that night at 03:00.
ON_TIME = [
    Stored(received_at=utc(2025, 10, 22, 10, 0), flags=(("cv_missing", "no CV"),)),
    Stored(received_at=utc(2025, 10, 25, 21, 59), acknowledgement="sent"),  # 23:59 CEST, 25th
    Stored(  # 00:00 CEST: the 26th already
        received_at=utc(2025, 10, 25, 22, 0),
        flags=(("subject_invalid", "no name"), ("letter_missing", "no letter")),
        acknowledgement="failed",
    ),
    Stored(  # 02:30 CEST, the first time that night
        received_at=utc(2025, 10, 26, 0, 30),
        relatives="declared",
        flags=(("relative_declared", "my brother works there"),),
    ),
    Stored(  # 02:30 CET, the second time
        received_at=utc(2025, 10, 26, 1, 30), flags=(("possible_relative", "a surname"),)
    ),
    Stored(received_at=utc(2025, 10, 26, 22, 59, 59), acknowledgement="sent"),  # 23:59:59 CET
]
LATE = [
    Stored(received_at=utc(2025, 10, 26, 23, 0), late=True, flags=(("late", "1 s"),)),  # 00:00
    Stored(received_at=utc(2025, 11, 2, 9, 0), late=True, flags=(("late", "a week"),)),
]
ELSEWHERE = [
    Stored(vacancy=RETIRED, received_at=utc(2024, 5, 1, 8, 0), sender="a@example.com"),
    Stored(vacancy=RETIRED, received_at=utc(2024, 5, 3, 8, 0), sender="b@example.com"),
    Stored(vacancy=None, late=None, sender="c@example.com", flags=(("vacancy_unknown", "?"),)),
]


def store_mix(sessions: sessionmaker[Session]) -> list[int]:
    """The known mix; the first on-time application is then resubmitted by the fifth."""
    ids = store_applications(sessions, [*ON_TIME, *LATE, *ELSEWHERE])
    resubmission = Stored(
        received_at=utc(2025, 10, 26, 1, 45), previous_application_id=ids[0], sender="x@example.com"
    )
    return [*ids, *store_applications(sessions, [resubmission])]


Summary = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_summary(
    sessions: sessionmaker[Session],
    tmp_path: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> Summary:
    """Runs ``intake summary ARGS`` in-process on the test database: exit code, stdout, stderr."""
    config_file = write_config_file(tmp_path, database_url)

    def run(*args: str) -> tuple[int, str, str]:
        code, lines, err = run_intake(config_file, capsys, "summary", *args)
        return code, "".join(line + "\n" for line in lines), err

    return run


def summary_json(run_summary: Summary, *args: str) -> dict[str | None, Any]:
    code, out, _err = run_summary("--format", "json", *args)
    assert code == 0
    return {group["vacancy"]: group for group in json.loads(out)}


def counted_from_rows(sessions: sessionmaker[Session]) -> dict[str | None, Counter[str]]:
    """The same counts, application by application, from the ORM rows."""
    counts: dict[str | None, Counter[str]] = {}
    with sessions() as session:
        rows = session.scalars(
            select(Application).options(
                selectinload(Application.flags), selectinload(Application.acknowledgement)
            )
        ).all()
        superseded = {row.previous_application_id for row in rows}
        for row in rows:
            counter = counts.setdefault(row.vacancy, Counter())
            codes = {flag.code for flag in row.flags}
            counter["applications"] += 1
            counter["candidates"] += row.id not in superseded
            counter["late"] += row.late is True
            for code in ("subject_invalid", "cv_missing", "letter_missing"):
                counter[code] += code in codes
            for code in ("relative_declared", "possible_relative"):
                counter[code] += code in codes
            assert row.acknowledgement is not None
            counter[f"acknowledgements_{row.acknowledgement.status}"] += 1
    return counts


COUNT_KEYS = (
    "applications", "candidates", "late", "subject_invalid", "cv_missing", "letter_missing",
    "relative_declared", "possible_relative", "acknowledgements_sent", "acknowledgements_failed",
    "acknowledgements_pending",
)  # fmt: skip


def test_counts_per_vacancy_match_the_stored_rows_for_every_group(
    sessions: sessionmaker[Session], run_summary: Summary
) -> None:
    store_mix(sessions)
    groups = summary_json(run_summary)
    assert list(groups) == [DD_IS, HU_NA, RETIRED, None]
    expected = counted_from_rows(sessions)
    for vacancy in (DD_IS, RETIRED, None):
        assert {key: groups[vacancy][key] for key in COUNT_KEYS} == {
            key: expected[vacancy][key] for key in COUNT_KEYS
        }
    dd_is = groups[DD_IS]
    assert (dd_is["applications"], dd_is["candidates"], dd_is["late"]) == (9, 8, 2)
    assert (dd_is["acknowledgements_sent"], dd_is["acknowledgements_failed"]) == (2, 1)
    assert dd_is["acknowledgements_pending"] == 6
    assert dd_is["title"] == "Deputy Director, Implementation Support"
    assert dd_is["deadline"] == "2025-10-26T22:59:59Z"
    assert groups[HU_NA]["applications"] == 0
    assert groups[HU_NA]["arrivals_per_day"] == []
    assert groups[HU_NA]["configured"] is True
    assert (groups[RETIRED]["configured"], groups[RETIRED]["title"]) == (False, None)
    assert groups[None]["applications"] == 1


def test_arrivals_are_counted_per_brussels_day_up_to_the_deadline_and_after_it(
    sessions: sessionmaker[Session], run_summary: Summary
) -> None:
    store_mix(sessions)
    dd_is = summary_json(run_summary, "--vacancy", "wco/2025/dd-is")
    assert list(dd_is) == [DD_IS]
    per_day = {day["date"]: day["count"] for day in dd_is[DD_IS]["arrivals_per_day"]}
    assert per_day == {
        "2025-10-22": 1,
        "2025-10-23": 0,
        "2025-10-24": 0,
        "2025-10-25": 1,  # 23:59 CEST
        "2025-10-26": 5,  # from 00:00 CEST, through both 02:30s, to 23:59:59 CET
    }
    assert dd_is[DD_IS]["after_deadline"] == 2
    retired = summary_json(run_summary, "--vacancy", RETIRED)[RETIRED]
    assert [day["count"] for day in retired["arrivals_per_day"]] == [1, 0, 1]


def test_the_terminal_chart_has_a_line_per_day_marks_the_deadline_and_fits(
    sessions: sessionmaker[Session], run_summary: Summary, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_mix(sessions)
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _err = run_summary("--vacancy", DD_IS)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{DD_IS}: Deputy Director, Implementation Support"
    assert "deadline 2025-10-26 23:59:59 CET (Europe/Brussels)" in lines
    assert any(line.split() == ["late", "2"] for line in lines)
    bars = {line.split()[0]: line for line in lines if line.startswith("  2025-")}
    assert list(bars) == ["2025-10-22", "2025-10-23", "2025-10-24", "2025-10-25", "2025-10-26"]
    assert bars["2025-10-26"].endswith("5  ◄ deadline")
    assert bars["2025-10-23"].rstrip().endswith(" 0")
    assert "█" not in bars["2025-10-23"]
    longest, one = bars["2025-10-26"].count("█"), bars["2025-10-22"].count("█")
    assert abs(longest / 5 - one) <= 1
    (after,) = [line for line in lines if line.startswith("  after the deadline")]
    assert after.rstrip().endswith("2")
    assert all(len(line) <= 80 for line in lines)
    code, brief, _err = run_summary("--brief")
    assert code == 0
    assert "█" not in brief
    assert "Vacancy not recognised" in brief
    assert f"{RETIRED} (no longer configured)" in brief


def test_days_follow_brussels_midnight_across_the_spring_change() -> None:
    moments = [
        utc(2025, 3, 29, 23, 30),  # 00:30 CET, the 30th
        utc(2025, 3, 30, 0, 59),  # 01:59 CET
        utc(2025, 3, 30, 1, 0),  # 03:00 CEST
        utc(2025, 3, 30, 21, 59),  # 23:59 CEST
        utc(2025, 3, 30, 22, 0),  # 00:00 CEST, the 31st
    ]
    days = arrivals_per_day(moments, BRUSSELS, date(2025, 4, 2))
    assert days == (
        (date(2025, 3, 30), 4),
        (date(2025, 3, 31), 1),
        (date(2025, 4, 1), 0),
        (date(2025, 4, 2), 0),
    )
    assert arrivals_per_day([], BRUSSELS, date(2025, 4, 2)) == ()


def test_the_png_chart_is_a_real_image_with_a_panel_per_group(
    sessions: sessionmaker[Session], run_summary: Summary, tmp_path: Path
) -> None:
    store_mix(sessions)
    chart = tmp_path / "arrivals.png"
    code, _out, err = run_summary("--chart", str(chart))
    assert code == 0
    assert f"chart written to {chart}" in err
    with Image.open(chart) as image:
        assert image.format == "PNG"
        assert image.size == (1000, 4 * 260)  # 10 in wide, 2.6 in a group, at 100 dpi
    assert not list(tmp_path.glob(".tmp-*"))


def test_the_html_chart_is_self_contained_and_escapes_what_it_shows(
    sessions: sessionmaker[Session], run_summary: Summary, tmp_path: Path
) -> None:
    store_applications(sessions, [*ON_TIME[:2], Stored(vacancy="<script>alert(1)</script>")])
    chart = tmp_path / "arrivals.html"
    code, _out, _err = run_summary("--chart", str(chart))
    assert code == 0
    page = chart.read_text(encoding="utf-8")
    assert "<svg" in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; (no longer configured)" in page
    for attribute in ("src=", "href="):
        for value in page.split(attribute)[1:]:
            assert not value.lstrip("\"'").startswith(("http:", "https:", "//"))
    assert "@import" not in page
    assert '<td>2025-10-22 Wed</td><td class="n">1</td>' in page


def test_a_chart_file_of_another_kind_is_refused_with_exit_2(
    sessions: sessionmaker[Session], run_summary: Summary, tmp_path: Path
) -> None:
    chart = tmp_path / "arrivals.gif"
    code, out, err = run_summary("--chart", str(chart))
    assert code == 2
    assert (out, err) == ("", "intake: --chart: 'arrivals.gif' must end in .png or .html\n")
    assert not chart.exists()


def test_an_unknown_vacancy_is_refused_with_exit_2_listing_the_known_ones(
    sessions: sessionmaker[Session], run_summary: Summary
) -> None:
    store_applications(sessions, [ELSEWHERE[0]])
    code, out, err = run_summary("--vacancy", "WCO/1999/NOPE")
    assert code == 2
    assert out == ""
    assert f"no vacancy 'WCO/1999/NOPE' (known vacancies: {DD_IS}, {HU_NA}, {RETIRED})" in err
