"""The start of a stored raw message: enough for its header section, never the whole message."""

from __future__ import annotations

from sqlalchemy import ColumnElement, LargeBinary, func

from storage.models import Message

#: Bytes read from the start of a raw message; any sane header section fits.
HEAD_BYTES = 64 * 1024


def raw_head() -> ColumnElement[bytes]:
    """The first HEAD_BYTES of ``messages.raw``, computed by the database."""
    return func.substr(Message.raw, 1, HEAD_BYTES, type_=LargeBinary)
