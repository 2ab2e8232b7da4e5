"""The file transport: each acknowledgement as one ``.eml`` file in a folder, written atomically."""

from __future__ import annotations

import os
import re
import tempfile
from email.message import EmailMessage
from pathlib import Path

from intake.acks.errors import OutboxFolderError, PermanentFailure

_UNSAFE = re.compile(r"[^A-Za-z0-9._@+-]")


class FileTransport:
    """Writes ``<directory>/<Message-ID>.eml``; sending again replaces the file, never adds one."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def send(self, message: EmailMessage, recipient: str) -> None:
        """Write the message as it would go on the wire (the recipient is its To header)."""
        path = self.directory / f"{file_stem(message)}.eml"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, message.as_bytes())
        except OSError as exc:
            raise OutboxFolderError(f"cannot write {path}: {exc}") from exc

    def close(self) -> None:
        """Nothing to release."""


def file_stem(message: EmailMessage) -> str:
    """The message's Message-ID made safe as a file name (no brackets, slashes or dots first)."""
    message_id = str(message.get("Message-ID", "")).strip().strip("<>")
    stem = _UNSAFE.sub("_", message_id).lstrip(".")[:200]
    if not stem:
        raise PermanentFailure("the acknowledgement has no Message-ID to name its file")
    return stem


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a temporary file next to ``path``, flush it to disk, then rename it over ``path``."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".eml")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
