"""Without Chromium the browser tests skip, and under CI=true they fail, naming the packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import chromium


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Neither the browser nor its driver on PATH or at Debian's paths."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(chromium, "CHROMIUM", str(tmp_path / "chromium"))
    monkeypatch.setattr(chromium, "CHROMEDRIVER", str(tmp_path / "chromedriver"))


@pytest.mark.usefixtures("no_chromium")
def test_a_missing_chromium_fails_under_ci_naming_the_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium chromium-driver"):
        chromium.chromium_paths()


@pytest.mark.usefixtures("no_chromium")
def test_a_missing_chromium_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium-driver"):
        chromium.chromium_paths()
