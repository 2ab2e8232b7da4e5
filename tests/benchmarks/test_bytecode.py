"""The benchmarks' children start from bytecode compiled beforehand, as an installed package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bytecode import children_read_bytecode, compile_checkout


def _import_verbosely(root: Path, module: str) -> str:
    """What ``python -v`` says while a child that never writes bytecode imports ``module``."""
    environment = os.environ | {"PYTHONDONTWRITEBYTECODE": "1"}
    child = subprocess.run(
        [sys.executable, "-v", "-c", f"import {module}"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return child.stderr


def _package(root: Path) -> Path:
    package = root / "sample"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "module.py").write_text("VALUE = 1\n")
    return package


def test_a_child_that_never_writes_bytecode_reads_the_compiled_checkout(tmp_path: Path) -> None:
    package = _package(tmp_path)

    header = compile_checkout(tmp_path, ("sample",))

    compiled = package / "__pycache__" / f"module.{sys.implementation.cache_tag}.pyc"
    assert "compiled beforehand" in header
    assert f"code object from '{compiled}'" in _import_verbosely(tmp_path, "sample.module")


def test_without_the_compilation_such_a_child_compiles_the_source_again(tmp_path: Path) -> None:
    package = _package(tmp_path)

    said = _import_verbosely(tmp_path, "sample.module")

    assert f"code object from {package / 'module.py'}\n" in said
    assert not (package / "__pycache__").exists()


def test_a_package_that_cannot_be_compiled_is_named_in_the_header(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / "broken.py").write_text("def (:\n")

    header = compile_checkout(tmp_path, ("sample",))

    assert "could not compile sample" in header
    assert "compiled at every start" in header


def test_children_are_said_to_read_bytecode_once_the_checkout_is_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    package = tmp_path / "intake"
    package.mkdir()
    (package / "cli.py").write_text("VALUE = 1\n")
    before = children_read_bytecode(tmp_path)

    compile_checkout(tmp_path, ("intake",))

    assert not before
    assert children_read_bytecode(tmp_path)


def test_children_that_write_their_own_bytecode_are_said_to_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)

    assert children_read_bytecode(tmp_path)
