"""Templates are checked at start: a broken one or a missing language is a config error that
names the file or the key, whichever command runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.acks.template_check import check_templates
from intake.cli import main
from intake.errors import ConfigError
from tests.configs import VACANCIES, make_config, write_config_file


def _acks_with_templates(tmp_path: Path) -> dict[str, str]:
    """An [acknowledgements] section whose override folder is tmp_path/templates."""
    return {
        "transport": "file",
        "sender": "Recruitment <recruitment@example.org>",
        "directory": str(tmp_path / "outbox"),
        "templates": str(tmp_path / "templates"),
    }


def test_the_shipped_templates_pass_for_english_and_french(tmp_path: Path) -> None:
    check_templates(make_config(tmp_path, f"sqlite:///{tmp_path}/db.sqlite"))


def test_the_templates_are_checked_with_acknowledgements_off_and_no_sender(
    tmp_path: Path,
) -> None:
    quiet: dict[str, dict[str, str]] = {"acknowledgements": {}}
    check_templates(make_config(tmp_path, f"sqlite:///{tmp_path}/db.sqlite", overrides=quiet))


def test_a_vacancy_language_without_templates_names_the_vacancy_key(tmp_path: Path) -> None:
    vacancies = [{**VACANCIES[0], "languages": ["en", "es"]}]
    config = make_config(tmp_path, f"sqlite:///{tmp_path}/db.sqlite", vacancies=vacancies)
    with pytest.raises(ConfigError) as caught:
        check_templates(config)
    assert caught.value.key == "vacancies[0].languages"
    assert 'no acknowledgement templates for "es"' in str(caught.value)


def test_an_override_that_fails_to_render_names_its_file(tmp_path: Path) -> None:
    overrides = tmp_path / "templates" / "fr"
    overrides.mkdir(parents=True)
    broken = overrides / "completed.txt.j2"
    broken.write_text("Bonjour {{ greeting_name }},\n{{ vacancy.title }}\n", encoding="utf-8")
    acks = _acks_with_templates(tmp_path)
    config = make_config(
        tmp_path, f"sqlite:///{tmp_path}/db.sqlite", overrides={"acknowledgements": acks}
    )
    with pytest.raises(ConfigError) as caught:
        check_templates(config)
    assert caught.value.key == "acknowledgements.templates"
    assert f"{broken}, line 2" in str(caught.value)


def test_the_command_line_reports_a_broken_template_as_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = tmp_path / "templates" / "en"
    overrides.mkdir(parents=True)
    (overrides / "acknowledgement.txt.j2").write_text("{% if notices %}\n", encoding="utf-8")
    acks = _acks_with_templates(tmp_path)
    path = write_config_file(
        tmp_path, f"sqlite:///{tmp_path}/db.sqlite", overrides={"acknowledgements": acks}
    )
    assert main(["--config", str(path), "check-config"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("intake: config error at 'acknowledgements.templates'")
    assert "acknowledgement.txt.j2" in error
    assert "Traceback" not in error
