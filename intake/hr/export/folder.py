"""The folder a document export writes into: new or empty, every file created new, inside it.

Each file is created relative to an open handle of its folder (``dir_fd``) with exclusive
creation and without following links, so nothing is overwritten and nothing written can land
outside the folder even if someone swaps a folder for a link while the export runs; the
final path is also resolved and checked before each write, as a second guard.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from intake.errors import IntakeError, UsageError

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | os.O_CLOEXEC
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | _NO_FOLLOW | os.O_CLOEXEC


class ExportFolder:
    """An export folder that was new or empty when the export began."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._made: set[str] = set()

    def write_file(self, folder: str, name: str, data: bytes) -> Path:
        """Create ``folder/name`` holding ``data``; ``folder`` is made on first use."""
        path = self._checked(self.root / folder / name)
        try:
            with _handle(self.root) as root:
                if folder not in self._made:
                    os.mkdir(folder, 0o777, dir_fd=root)
                    self._made.add(folder)
                with _handle(folder, root) as parent:
                    descriptor = os.open(name, _NEW_FILE, 0o666, dir_fd=parent)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
        except OSError as exc:
            raise _write_error(path, exc) from exc
        return path

    @contextmanager
    def new_text_file(self, name: str, encoding: str) -> Iterator[TextIO]:
        """A new text file directly in the export folder, for the index."""
        path = self._checked(self.root / name)
        try:
            with _handle(self.root) as root:
                descriptor = os.open(name, _NEW_FILE, 0o666, dir_fd=root)
            with os.fdopen(descriptor, "w", encoding=encoding, newline="") as stream:
                yield stream
        except OSError as exc:
            raise _write_error(path, exc) from exc

    def _checked(self, path: Path) -> Path:
        """``path`` if it resolves to a place strictly inside the export folder."""
        resolved = path.resolve()
        if resolved == self.root or not resolved.is_relative_to(self.root):
            raise IntakeError(f"refusing to write {path}: it is not inside {self.root}")
        return path


@contextmanager
def _handle(folder: Path | str, parent: int | None = None) -> Iterator[int]:
    """An open handle of ``folder`` (relative to the ``parent`` handle), refused if it is a
    link, closed afterwards."""
    descriptor = os.open(folder, _FOLDER, dir_fd=parent)
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def open_export_folder(directory: Path) -> ExportFolder:
    """``directory``, created when missing; refused when it holds anything already."""
    try:
        directory.mkdir(parents=True)
    except FileExistsError:
        _require_empty(directory)
    except OSError as exc:
        raise IntakeError(f"cannot create the folder {directory}: {exc.strerror}") from exc
    return ExportFolder(directory.resolve())


def _require_empty(directory: Path) -> None:
    if not directory.is_dir():
        raise UsageError(f"{directory}: this exists and is not a folder")
    try:
        occupied = next(directory.iterdir(), None) is not None
    except OSError as exc:
        raise IntakeError(f"cannot read the folder {directory}: {exc.strerror}") from exc
    if occupied:
        raise UsageError(f"{directory}: the folder is not empty; export into a new or empty folder")


def _write_error(path: Path, exc: OSError) -> IntakeError:
    return IntakeError(f"cannot write {path}: {exc.strerror or exc}")
