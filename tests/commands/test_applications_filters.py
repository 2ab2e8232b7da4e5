"""``intake applications`` filters and sorting select exactly the right applications, on both
backends; wrong values are refused by name."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.commands.arguments.applications import add_arguments
from intake.config.settings import Config
from intake.errors import UsageError
from intake.flag_codes import ACKNOWLEDGEMENT_UNSAFE, APPLICATION_FLAG_CODES, RULE_FLAG_CODES
from intake.hr.selection import query_from_args
from intake.hr.views import application_dicts
from intake.rules.table import RULES
from storage.flags import OUTBOX_FLAGS
from tests.configs import make_config
from tests.hr_data import Doc, Stored, store_applications

DD_IS = "WCO/2025/DD-IS"
HU_NA = "WCO/2025/HU-NA"
# 2025-10-20 in Brussels is summer time (UTC+2): local midnight is 22:00 UTC the day before.
LAST_SECOND_OF_20TH = datetime(2025, 10, 20, 21, 59, 59, tzinfo=UTC)
FIRST_SECOND_OF_21ST = datetime(2025, 10, 20, 22, 0, 0, tzinfo=UTC)

PEOPLE = {
    "maria": Stored(
        sender="maria.fernandez@example.com",
        sender_name="Maria Fernández",
        candidate_name="Maria FERNÁNDEZ",
        subject="Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ",
        received_at=LAST_SECOND_OF_20TH,
        documents=(
            Doc("CV.pdf", text="Twelve years of customs valuation audits in Santiago"),
            Doc("Letter.pdf", kind="motivation_letter", text="Dear Madam, I apply"),
        ),
    ),
    "kwame": Stored(
        sender="k.mensah@example.net",
        sender_name="Kwame Mensah",
        candidate_name="Kwame MENSAH",
        subject="Head of Unit, Needs Assessment – Kwame MENSAH",
        received_at=datetime(2025, 12, 1, 10, 0, tzinfo=UTC),
        vacancy=HU_NA,
        late=True,
        relatives="declared",
        relatives_evidence="My brother works in the Finance Directorate.",
        flags=(("late", "received after the deadline"), ("relative_declared", "my brother")),
    ),
    "elodie": Stored(
        sender="elodie.lefevre@example.fr",
        sender_name="Elodie Lefèvre",  # no accent on the E: collations sort É differently
        candidate_name=None,
        subject="Candidature motivée à 100% pour votre poste",
        received_at=FIRST_SECOND_OF_21ST,
        vacancy=None,
        late=None,
        relatives="denied",
        body="Je n'ai aucun lien de parenté avec le personnel. Poste basé à Bruxelles.",
        flags=(("subject_invalid", None), ("vacancy_unknown", None), ("name_missing", None)),
    ),
    "chen": Stored(
        sender="chen_wei@example.cn",
        sender_name="Chen Wei",
        candidate_name="Chen WEI",
        subject="DD-IS application Chen WEI",
        received_at=datetime(2025, 10, 22, 8, 0, tzinfo=UTC),
        documents=(Doc("Letter.docx", kind="motivation_letter", text="Dear Sir"),),
        flags=(("cv_missing", None),),
    ),
}


@pytest.fixture
def ids(sessions: sessionmaker[Session]) -> dict[str, int]:
    """The four applications above, stored; their ids by first name."""
    return dict(zip(PEOPLE, store_applications(sessions, PEOPLE.values()), strict=True))


def listed(sessions: sessionmaker[Session], config: Config, *argv: str) -> list[int]:
    """The ids ``intake applications ARGV`` lists, in order."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    query = query_from_args(parser.parse_args(argv), config)
    with sessions() as session:
        return [row["id"] for row in application_dicts(session, query)]


def names(ids: dict[str, int], listed_ids: list[int]) -> list[str]:
    by_id = {value: key for key, value in ids.items()}
    return [by_id[one] for one in listed_ids]


def test_flag_codes_agree_with_the_rules_in_order() -> None:
    assert tuple(code for code, _rule in RULES) == RULE_FLAG_CODES


def test_flag_codes_are_the_rules_then_the_outbox_flag_that_reprocessing_keeps() -> None:
    assert (*RULE_FLAG_CODES, ACKNOWLEDGEMENT_UNSAFE) == APPLICATION_FLAG_CODES
    assert frozenset({ACKNOWLEDGEMENT_UNSAFE}) == OUTBOX_FLAGS


def test_no_filter_lists_every_application_oldest_first(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config)) == ["maria", "elodie", "chen", "kwame"]


def test_vacancy_filter_takes_the_reference_in_any_case(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config, "--vacancy", DD_IS)) == ["maria", "chen"]
    assert names(ids, listed(sessions, config, "--vacancy", "wco/2025/hu-na")) == ["kwame"]


def test_flag_filters_require_every_flag_and_exclude_every_no_flag(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config, "--flag", "late")) == ["kwame"]
    both = listed(sessions, config, "--flag", "subject_invalid", "--flag", "name_missing")
    assert names(ids, both) == ["elodie"]
    assert listed(sessions, config, "--flag", "late", "--flag", "cv_missing") == []
    without = listed(sessions, config, "--no-flag", "late", "--no-flag", "vacancy_unknown")
    assert names(ids, without) == ["maria", "chen"]
    mixed = listed(sessions, config, "--flag", "cv_missing", "--no-flag", "late")
    assert names(ids, mixed) == ["chen"]


def test_late_and_on_time_leave_out_applications_whose_vacancy_is_unknown(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config, "--late")) == ["kwame"]
    assert names(ids, listed(sessions, config, "--on-time")) == ["maria", "chen"]  # not elodie


def test_relatives_filter_selects_each_declaration(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config, "--relatives", "declared")) == ["kwame"]
    assert names(ids, listed(sessions, config, "--relatives", "denied")) == ["elodie"]
    assert names(ids, listed(sessions, config, "--relatives", "none")) == ["maria", "chen"]


def test_dates_are_whole_days_in_brussels_on_both_sides_of_midnight(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    # maria arrived at 23:59:59 on the 20th in Brussels, elodie at 00:00:00 on the 21st.
    assert names(ids, listed(sessions, config, "--until", "2025-10-20")) == ["maria"]
    assert names(ids, listed(sessions, config, "--since", "2025-10-21")) == [
        "elodie",
        "chen",
        "kwame",
    ]
    one_day = listed(sessions, config, "--since", "2025-10-21", "--until", "2025-10-21")
    assert names(ids, one_day) == ["elodie"]


def test_date_times_are_local_unless_they_carry_an_offset(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    argv = ("--since", "2025-10-20T23:59:59", "--until", "2025-10-21T00:00")
    local = listed(sessions, config, *argv)
    assert names(ids, local) == ["maria", "elodie"]  # --until includes its own second
    in_utc = listed(sessions, config, "--since", "2025-10-20T22:00Z", "--until", "2025-10-21")
    assert names(ids, in_utc) == ["elodie"]
    offset = listed(sessions, config, "--until", "2025-10-20T23:59:58+02:00")
    assert offset == []


def test_search_finds_a_name_with_or_without_accents_in_any_case(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    for text in ("Fernández", "fernandez", "FERNANDEZ", "fernÁndez", "maria fernandez"):
        assert names(ids, listed(sessions, config, "--search", text)) == ["maria"], text
    assert names(ids, listed(sessions, config, "--search", "lefevre")) == ["elodie"]
    assert names(ids, listed(sessions, config, "--search", "Wei Chen")) == ["chen"]


def test_search_finds_the_address_subject_body_and_document_text(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config, "--search", "K.MENSAH@example")) == ["kwame"]
    assert names(ids, listed(sessions, config, "--search", "needs assessment")) == ["kwame"]
    assert names(ids, listed(sessions, config, "--search", "bruxelles")) == ["elodie"]
    assert names(ids, listed(sessions, config, "--search", "VALUATION audits")) == ["maria"]
    assert listed(sessions, config, "--search", "nothing like this anywhere") == []


def test_search_takes_percent_and_underscore_literally(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    assert names(ids, listed(sessions, config, "--search", "100%")) == ["elodie"]
    assert names(ids, listed(sessions, config, "--search", "chen_wei")) == ["chen"]
    # As LIKE wildcards "_" and "%" would match any character and any text.
    assert listed(sessions, config, "--search", "chen_we_") == []
    assert listed(sessions, config, "--search", "maria%example") == []


def test_filters_combine(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    argv = ("--vacancy", DD_IS, "--on-time", "--no-flag", "cv_missing", "--search", "maria")
    assert names(ids, listed(sessions, config, *argv)) == ["maria"]
    later = ("--since", "2025-10-21", "--relatives", "none", "--flag", "cv_missing")
    assert names(ids, listed(sessions, config, *later)) == ["chen"]


SORTED = {
    "received": ["maria", "elodie", "chen", "kwame"],
    "name": ["chen", "elodie", "kwame", "maria"],  # elodie's from her address
    "sender": ["chen", "elodie", "kwame", "maria"],
    "vacancy": ["maria", "chen", "kwame", "elodie"],  # no vacancy last, whichever way
    "flags": ["maria", "chen", "kwame", "elodie"],
}


def test_each_sort_key_orders_both_ways_with_ties_by_id(
    sessions: sessionmaker[Session], config: Config, ids: dict[str, int]
) -> None:
    for key, order in SORTED.items():
        assert names(ids, listed(sessions, config, "--sort", key)) == order, key
        descending = [*reversed(order[:-1]), order[-1]] if key == "vacancy" else order[::-1]
        assert names(ids, listed(sessions, config, f"--sort=-{key}")) == descending, key
    in_order = sorted(ids.values())
    assert listed(sessions, config, "--sort", "id") == in_order
    assert listed(sessions, config, "--sort=-id") == in_order[::-1]
    # maria and chen share the vacancy: the id decides between them, both ways.
    same_vacancy = ("--vacancy", DD_IS)
    ascending = listed(sessions, config, *same_vacancy, "--sort", "vacancy")
    assert names(ids, ascending) == ["maria", "chen"]
    assert listed(sessions, config, *same_vacancy, "--sort=-VACANCY") == ascending[::-1]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (("--flag", "lat"), ["--flag", "'lat'", "subject_invalid", "oversized"]),
        (("--no-flag", "LATE", "--flag", "late"), ["--flag and --no-flag", "late"]),
        (("--since", "2025-13-01"), ["--since", "'2025-13-01'", "YYYY-MM-DD"]),
        (("--until", "yesterday"), ["--until", "'yesterday'"]),
        (("--since", "2025-10-22", "--until", "2025-10-21"), ["--since", "--until"]),
        (("--sort", "date"), ["--sort", "'date'", "received, name, sender, vacancy, id, flags"]),
        (("--search", "   "), ["--search"]),
    ],
)
def test_wrong_values_are_refused_by_option(
    tmp_path: Path, argv: tuple[str, ...], named: list[str]
) -> None:
    config = make_config(tmp_path, "sqlite://")  # never opened: the values are refused first
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    with pytest.raises(UsageError) as raised:
        query_from_args(parser.parse_args(argv), config)
    for part in named:
        assert part in str(raised.value)
