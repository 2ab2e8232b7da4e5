"""Config loading and validation: the contract's keys, errors that name the key."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from intake.cli import main
from intake.config.needs import require_mailbox_secrets
from intake.config.settings import load_config
from intake.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]

CONTRACT_EXAMPLE = """
[organisation]
name = "World Customs Organization"
timezone = "Europe/Brussels"
staff_register = "staff.csv"

[mailbox]
kind = "imap"
host = "imap.example.org"
port = 993
security = "ssl"
username = "recruitment@example.org"
password_env = "INTAKE_IMAP_PASSWORD"
folder = "INBOX"

[database]
url = "sqlite:///var/intake.db"

[acknowledgements]
transport = "smtp"
sender = "Recruitment <recruitment@example.org>"

[smtp]
host = "smtp.example.org"
port = 587
security = "starttls"

[[vacancies]]
reference = "WCO/2025/DD-IS"
title = "Deputy Director, Implementation Support"
aliases = ["Directeur adjoint, Appui à la mise en œuvre"]
deadline = 2025-10-26
languages = ["en", "fr"]
subject_requires = ["name", "vacancy"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        env = {"INTAKE_IMAP_PASSWORD": "pw"} if environ is None else environ
        load_config(write(tmp_path, text), env)
    return caught.value


def test_contract_example_loads_with_relative_paths_from_the_file_folder(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, CONTRACT_EXAMPLE), {"INTAKE_IMAP_PASSWORD": "s3cret"})
    assert config.organisation.timezone.key == "Europe/Brussels"
    assert config.organisation.staff_register == tmp_path / "staff.csv"
    assert config.database.url == f"sqlite:///{tmp_path / 'var' / 'intake.db'}"
    assert config.mailbox.password is not None
    assert config.mailbox.password.value == "s3cret"
    assert "s3cret" not in repr(config)
    vacancy = config.vacancies[0]
    assert vacancy.deadline == dt.date(2025, 10, 26)
    assert vacancy.aliases == ("Directeur adjoint, Appui à la mise en œuvre",)
    assert vacancy.subject_requires == ("name", "vacancy")


def test_unknown_key_is_named_with_its_section(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE.replace('folder = "INBOX"', 'folder = "INBOX"\nfoldr = "x"')
    assert error_for(tmp_path, text).key == "mailbox.foldr"


def test_unknown_key_inside_a_vacancy_names_its_index(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE + '\n[[vacancies]]\nreference = "B"\ntitle = "T"\n'
    text += "deadline = 2025-01-01\ndeadlin = 2025-01-02\n"
    assert error_for(tmp_path, text).key == "vacancies[1].deadlin"


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    assert error_for(tmp_path, CONTRACT_EXAMPLE + "\n[smpt]\nhost = 'x'\n").key == "smpt"


def test_wrong_type_names_key_and_expected_type(tmp_path: Path) -> None:
    error = error_for(tmp_path, CONTRACT_EXAMPLE.replace("port = 993", 'port = "993"'))
    assert error.key == "mailbox.port"
    assert "integer" in str(error)


def test_unknown_timezone_is_refused(tmp_path: Path) -> None:
    error = error_for(tmp_path, CONTRACT_EXAMPLE.replace("Europe/Brussels", "Europe/Bruxelles"))
    assert error.key == "organisation.timezone"


def test_missing_password_variable_is_named_when_the_password_is_needed(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, CONTRACT_EXAMPLE), {})
    assert config.mailbox.password is not None
    with pytest.raises(ConfigError) as caught:
        require_mailbox_secrets(config)
    assert caught.value.key == "mailbox.password_env"
    assert "INTAKE_IMAP_PASSWORD" in str(caught.value)


def test_choice_outside_the_allowed_values_is_refused(tmp_path: Path) -> None:
    error = error_for(tmp_path, CONTRACT_EXAMPLE.replace('security = "ssl"', 'security = "tls"'))
    assert error.key == "mailbox.security"


def test_subject_requires_accepts_only_name_and_vacancy(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE.replace('["name", "vacancy"]', '["name", "title"]')
    assert error_for(tmp_path, text).key == "vacancies[0].subject_requires[1]"


def test_duplicate_vacancy_reference_is_refused(tmp_path: Path) -> None:
    second = '\n[[vacancies]]\nreference = "WCO/2025/DD-IS"\ntitle = "X"\ndeadline = 2025-01-01\n'
    assert error_for(tmp_path, CONTRACT_EXAMPLE + second).key == "vacancies[1].reference"


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    assert "not valid TOML" in str(error_for(tmp_path, "[organisation\nname="))


def test_cli_prints_one_line_and_exits_2_on_a_bad_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", "x")
    path = write(tmp_path, CONTRACT_EXAMPLE.replace("[database]", "[database]\nurll = 'x'"))
    code = main(["--config", str(path), "check-config"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == "intake: config error at 'database.urll': unknown key"


def test_cli_exits_2_without_traceback_in_a_real_process(tmp_path: Path) -> None:
    path = write(tmp_path, CONTRACT_EXAMPLE.replace('kind = "imap"', 'kind = "pop3"'))
    done = subprocess.run(
        [sys.executable, "-m", "intake", "--config", str(path), "check-config"],
        capture_output=True,
        text=True,
        env={"INTAKE_IMAP_PASSWORD": "x", "PATH": "/usr/bin:/bin"},
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "mailbox.kind" in done.stderr


def test_check_config_masks_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", "hunter2-very-secret")
    code = main(["--config", str(write(tmp_path, CONTRACT_EXAMPLE)), "check-config"])
    out = capsys.readouterr().out
    assert code == 0
    assert "hunter2-very-secret" not in out
    assert 'mailbox.password = "********"' in out
    assert 'mailbox.password_env = "INTAKE_IMAP_PASSWORD"' in out


def test_config_path_comes_from_environment_when_no_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", "x")
    monkeypatch.setenv("INTAKE_CONFIG", str(write(tmp_path, CONTRACT_EXAMPLE)))
    assert main(["check-config"]) == 0
    assert str(tmp_path / "config.toml") in capsys.readouterr().out


def test_shipped_config_is_valid() -> None:
    config = load_config(REPO / "config.toml", {})
    assert config.mailbox.kind == "maildir"
    assert config.mailbox.path == REPO / "examples" / "mailbox"
    assert config.acknowledgements.transport == "file"
    assert config.database.url.startswith("sqlite:///")


def test_database_password_comes_from_the_environment_and_is_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = CONTRACT_EXAMPLE.replace(
        'url = "sqlite:///var/intake.db"',
        'url = "postgresql+psycopg://intake@db.example.org/intake"\npassword_env = "DB_PW"',
    )
    path = write(tmp_path, text)
    config = load_config(path, {"INTAKE_IMAP_PASSWORD": "x", "DB_PW": "db-secret"})
    assert config.database.connect_url().password == "db-secret"
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", "x")
    monkeypatch.setenv("DB_PW", "db-secret")
    assert main(["--config", str(path), "check-config"]) == 0
    assert "db-secret" not in capsys.readouterr().out


def test_password_written_into_the_database_url_is_masked_when_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = CONTRACT_EXAMPLE.replace(
        'url = "sqlite:///var/intake.db"',
        'url = "postgresql+psycopg://intake:in-the-file@db.example.org/intake"',
    )
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", "x")
    assert main(["--config", str(write(tmp_path, text)), "check-config"]) == 0
    out = capsys.readouterr().out
    assert "in-the-file" not in out
    assert "postgresql+psycopg://intake:***@db.example.org/intake" in out


@pytest.mark.parametrize(
    "url", ["mysql://x@y/z", "postgresql+psycopg://u@h:notaport/x", "not a url"]
)
def test_unusable_database_url_is_refused_naming_the_key(tmp_path: Path, url: str) -> None:
    text = CONTRACT_EXAMPLE.replace('"sqlite:///var/intake.db"', f'"{url}"')
    assert error_for(tmp_path, text).key == "database.url"


def test_empty_done_keyword_means_no_keyword(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE.replace('folder = "INBOX"', 'folder = "INBOX"\ndone_keyword = ""')
    config = load_config(write(tmp_path, text), {"INTAKE_IMAP_PASSWORD": "x"})
    assert config.mailbox.done_keyword == ""


def test_done_keyword_with_a_space_is_refused(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE.replace('folder = "INBOX"', 'folder = "INBOX"\ndone_keyword = "a b"')
    assert error_for(tmp_path, text).key == "mailbox.done_keyword"


@pytest.mark.parametrize(
    ("section_line", "key"),
    [
        ('folder = "INBOX"\ntimeout_seconds = 99999999999', "mailbox.timeout_seconds"),
        ('folder = "INBOX"\nreconnect_attempts = 1000', "mailbox.reconnect_attempts"),
    ],
)
def test_numbers_beyond_their_safe_range_are_refused(
    tmp_path: Path, section_line: str, key: str
) -> None:
    text = CONTRACT_EXAMPLE.replace('folder = "INBOX"', section_line)
    assert error_for(tmp_path, text).key == key


def test_poll_interval_beyond_a_week_is_refused(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE + "\n[schedule]\npoll_interval = 100000000000000\n"
    assert error_for(tmp_path, text).key == "schedule.poll_interval"


def test_vacancy_language_must_be_a_two_letter_code(tmp_path: Path) -> None:
    text = CONTRACT_EXAMPLE.replace('languages = ["en", "fr"]', 'languages = ["en", "French"]')
    error = error_for(tmp_path, text)
    assert error.key == "vacancies[0].languages[1]"
    assert "ISO 639-1" in str(error)


def test_extraction_section_sets_workers_ocr_and_limits(tmp_path: Path) -> None:
    text = (
        CONTRACT_EXAMPLE
        + '\n[extraction]\nworkers = 3\nocr = false\nocr_languages = ["eng", "deu"]\n'
        + "\n[limits]\nmax_pages = 20\nextraction_seconds = 10\nextraction_memory_mib = 256\n"
    )
    config = load_config(write(tmp_path, text), {"INTAKE_IMAP_PASSWORD": "pw"})
    assert config.extraction.worker_count == 3
    assert config.extraction.ocr is False
    assert config.extraction.ocr_languages == ("eng", "deu")
    assert (config.limits.max_pages, config.limits.extraction_seconds) == (20, 10)
    assert config.limits.extraction_memory_mib == 256


def test_zero_workers_means_one_per_core(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, CONTRACT_EXAMPLE), {"INTAKE_IMAP_PASSWORD": "pw"})
    assert config.extraction.workers == 0
    assert config.extraction.worker_count >= 1


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("[extraction]\nworkers = -1", "extraction.workers"),
        ('[extraction]\nocr_languages = ["english"]', "extraction.ocr_languages[0]"),
        ("[extraction]\nocr = 1", "extraction.ocr"),
        ("[extraction]\nthreads = 2", "extraction.threads"),
        ("[limits]\nextraction_memory_mib = 16", "limits.extraction_memory_mib"),
        ("[limits]\nmax_pages = 0", "limits.max_pages"),
    ],
)
def test_bad_extraction_settings_are_refused_naming_the_key(
    tmp_path: Path, section: str, key: str
) -> None:
    assert error_for(tmp_path, f"{CONTRACT_EXAMPLE}\n{section}\n").key == key


def with_organisation_lines(lines: str) -> str:
    return CONTRACT_EXAMPLE.replace(
        'staff_register = "staff.csv"', f'staff_register = "staff.csv"\n{lines}'
    )


def test_organisation_names_per_language_join_the_name_and_aliases_as_terms(tmp_path: Path) -> None:
    text = with_organisation_lines(
        'names = { fr = "Organisation mondiale des douanes", '
        'es = "Organización Mundial de Aduanas" }\n'
        'aliases = ["WCO", "OMD", "Organisation mondiale des douanes"]'
    )
    organisation = load_config(write(tmp_path, text), {"INTAKE_IMAP_PASSWORD": "pw"}).organisation
    assert organisation.names == (
        ("fr", "Organisation mondiale des douanes"),
        ("es", "Organización Mundial de Aduanas"),
    )
    assert organisation.terms == (
        "World Customs Organization",
        "Organisation mondiale des douanes",
        "Organización Mundial de Aduanas",
        "WCO",
        "OMD",
    )


@pytest.mark.parametrize(
    ("line", "key", "words"),
    [
        (
            'names = { French = "Organisation mondiale des douanes" }',
            "organisation.names.French",
            "ISO 639-1",
        ),
        ('names = { fr = "  " }', "organisation.names.fr", "non-empty string"),
        (
            'names = ["Organisation mondiale des douanes"]',
            "organisation.names",
            "a table of strings",
        ),
    ],
)
def test_organisation_names_need_language_codes_and_text(
    tmp_path: Path, line: str, key: str, words: str
) -> None:
    error = error_for(tmp_path, with_organisation_lines(line))
    assert error.key == key
    assert words in str(error)


@pytest.mark.parametrize("listen", ["9464", "localhost:", "127.0.0.1:99999", "[::1]:x"])
def test_a_metrics_listen_that_is_not_host_and_port_names_the_key(
    tmp_path: Path, listen: str
) -> None:
    error = error_for(tmp_path, CONTRACT_EXAMPLE + f'\n[metrics]\nlisten = "{listen}"\n')
    assert error.key == "metrics.listen"


def test_metrics_are_off_unless_listen_is_set_and_take_ipv6_hosts(tmp_path: Path) -> None:
    environ = {"INTAKE_IMAP_PASSWORD": "pw"}
    off = load_config(write(tmp_path, CONTRACT_EXAMPLE), environ)
    assert off.metrics.host is None
    text = CONTRACT_EXAMPLE + '\n[metrics]\nlisten = "[::1]:9464"\n'
    on = load_config(write(tmp_path, text), environ)
    assert (on.metrics.host, on.metrics.port) == ("::1", 9464)


TITLED = (
    '\n[[vacancies]]\nreference = "B"\ntitle = "Head of Unit"\ndeadline = 2025-01-01\n'
    'languages = ["en", "fr"]\ntitles = {{ {titles} }}\n'
)


def test_vacancy_titles_in_the_notice_languages_are_other_titles_for_subjects(
    tmp_path: Path,
) -> None:
    text = CONTRACT_EXAMPLE + TITLED.format(titles='fr = "Chef d\'unité"')
    config = load_config(write(tmp_path, text), {"INTAKE_IMAP_PASSWORD": "pw"})
    assert config.vacancies[1].titles == (("fr", "Chef d'unité"),)
    assert config.vacancies[1].other_titles == ("Chef d'unité",)


@pytest.mark.parametrize(
    ("titles", "key"),
    [('es = "Jefe de unidad"', "vacancies[1].titles.es"),
     ('french = "Chef"', "vacancies[1].titles.french"),
     ('fr = ""', "vacancies[1].titles.fr")],
)  # fmt: skip
def test_a_title_in_a_language_the_notice_lacks_or_a_wrong_code_names_its_key(
    tmp_path: Path, titles: str, key: str
) -> None:
    assert error_for(tmp_path, CONTRACT_EXAMPLE + TITLED.format(titles=titles)).key == key


def with_vacancy_lines(lines: str) -> str:
    listed = 'languages = ["en", "fr"]'
    return CONTRACT_EXAMPLE.replace(listed, f"{listed}\n{lines}")


def test_vacancy_titles_per_language_are_read_and_also_name_the_vacancy_in_subjects(
    tmp_path: Path,
) -> None:
    text = with_vacancy_lines('titles = { fr = "Directeur adjoint, Appui à la mise en œuvre" }')
    vacancy = load_config(write(tmp_path, text), {"INTAKE_IMAP_PASSWORD": "pw"}).vacancies[0]
    assert vacancy.titles == (("fr", "Directeur adjoint, Appui à la mise en œuvre"),)
    assert "Directeur adjoint, Appui à la mise en œuvre" in vacancy.other_titles


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('titles = { French = "Directeur adjoint" }', "vacancies[0].titles.French"),
        ('titles = { fr = "" }', "vacancies[0].titles.fr"),
        ('title_fr = "Directeur adjoint"', "vacancies[0].title_fr"),
    ],
)
def test_a_wrong_vacancy_titles_key_is_named(tmp_path: Path, line: str, key: str) -> None:
    assert error_for(tmp_path, with_vacancy_lines(line)).key == key
