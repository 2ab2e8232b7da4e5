"""The file ``intake oauth2 login --write-token`` hands the refresh token over in.

It is opened before the sign-in starts, so that an existing file (without ``--force``) or an
unwritable folder is said before the operator signs in, and it is 0600 from the first byte;
a file this run created is removed again when the sign-in fails or is interrupted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from intake.errors import UsageError


class TokenFile:
    """An open token file; ``write`` replaces its content with the token."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, token: str) -> None:
        """The token and a newline, flushed to disk."""
        self._stream.seek(0)
        self._stream.truncate()
        self._stream.write(token + "\n")
        self._stream.flush()
        os.fsync(self._stream.fileno())


@contextmanager
def open_token_file(path: Path | None, *, force: bool) -> Iterator[TokenFile | None]:
    """The file at ``path`` (None without one); refuses an existing file unless ``force``."""
    if path is None:
        yield None
        return
    created = not force or not (path.exists() or path.is_symlink())
    stream = _open_private(path, force=force)
    try:
        with stream:
            yield TokenFile(stream)
    except BaseException:
        if created:
            path.unlink(missing_ok=True)
        raise


def _open_private(path: Path, *, force: bool) -> IO[str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (0 if force else os.O_EXCL)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError as exc:
        raise UsageError(f"--write-token: {path} exists; give --force to overwrite it") from exc
    except OSError as exc:
        raise UsageError(f"--write-token: cannot create {path}: {exc.strerror}") from exc
    os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "w", encoding="utf-8")
