"""What a reload reports as changed: dotted key names, never values; [database] kept."""

from __future__ import annotations

from pathlib import Path

from intake.config.changes import changed_keys, keep_restart_settings
from intake.config.render import config_lines
from tests.configs import VACANCIES, make_config
from tests.reload_rig import NEW_VACANCY

URL = "sqlite:///intake.db"


def test_an_identical_config_changes_nothing(tmp_path: Path) -> None:
    assert changed_keys(make_config(tmp_path, URL), make_config(tmp_path, URL)) == []


def test_a_vacancy_added_is_named_once_by_its_position(tmp_path: Path) -> None:
    old = make_config(tmp_path, URL)
    new = make_config(tmp_path, URL, vacancies=[*VACANCIES, NEW_VACANCY])
    assert changed_keys(old, new) == ["vacancies[2]"]
    assert changed_keys(new, old) == ["vacancies[2]"]


def test_a_changed_vacancy_and_interval_are_named_by_their_keys(tmp_path: Path) -> None:
    old = make_config(tmp_path, URL)
    moved = [{**VACANCIES[0], "deadline": "2025-10-27"}, VACANCIES[1]]
    new = make_config(tmp_path, URL, {"schedule": {"poll_interval": 60}}, vacancies=moved)
    assert changed_keys(old, new) == ["schedule.poll_interval", "vacancies[0].deadline"]


def test_a_new_secret_value_is_not_shown_and_its_variable_is_named(tmp_path: Path) -> None:
    section = {"url": "postgresql+psycopg://intake@db/intake", "password_env": "DB_ONE"}
    old = make_config(tmp_path, URL, {"database": section}, environ={"DB_ONE": "first-secret"})
    other = {**section, "password_env": "DB_TWO"}
    new = make_config(tmp_path, URL, {"database": other}, environ={"DB_TWO": "second-secret"})
    changed = changed_keys(old, new)
    assert changed == ["database.password_env"]
    assert "first-secret" not in str(changed) and "second-secret" not in str(changed)


def test_the_database_needs_a_restart_and_keeps_its_running_value(tmp_path: Path) -> None:
    old = make_config(tmp_path, URL)
    new = make_config(
        tmp_path,
        "sqlite:///other.db",
        {"schedule": {"poll_interval": 60}},
    )
    kept, ignored = keep_restart_settings(old, new)
    assert ignored == ["database.url"]
    assert kept.database == old.database
    assert kept.schedule.poll_interval == 60
    assert changed_keys(old, kept) == ["schedule.poll_interval"]


def test_a_new_metrics_address_needs_a_restart_and_keeps_the_running_one(tmp_path: Path) -> None:
    old = make_config(tmp_path, URL, {"metrics": {"listen": "127.0.0.1:9464"}})
    new = make_config(tmp_path, URL, {"metrics": {"listen": "127.0.0.1:9999"}})
    kept, ignored = keep_restart_settings(old, new)
    assert ignored == ["metrics.listen"]
    assert kept.metrics == old.metrics


def test_an_ipv6_metrics_address_is_rendered_as_the_file_writes_it(tmp_path: Path) -> None:
    config = make_config(tmp_path, URL, {"metrics": {"listen": "[::1]:9464"}})
    assert 'metrics.listen = "[::1]:9464"' in config_lines(config)
