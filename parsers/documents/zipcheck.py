"""ZIP-based documents checked before anything is inflated, and members read with a bound."""

from __future__ import annotations

import zipfile

from parsers.documents.model import ExtractionLimits
from parsers.documents.problems import UnreadableDocument

#: Below this declared size a member is too small to be a bomb, whatever its ratio.
RATIO_FLOOR_BYTES = 64 * 1024


def check_zip(archive: zipfile.ZipFile, limits: ExtractionLimits) -> None:
    """Raise UnreadableDocument, naming the limit, when the central directory breaks one.

    Only the directory is read: entry count, declared sizes and their compression ratios.
    """
    members = archive.infolist()
    if len(members) > limits.max_zip_entries:
        raise UnreadableDocument(
            f"ZIP has {len(members)} entries, over max_zip_entries={limits.max_zip_entries}"
        )
    declared = sum(member.file_size for member in members)
    if declared > limits.max_unzipped_bytes:
        raise UnreadableDocument(
            f"ZIP declares {declared} bytes unzipped, "
            f"over max_unzipped_bytes={limits.max_unzipped_bytes}"
        )
    for member in members:
        if member.file_size >= RATIO_FLOOR_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise UnreadableDocument(
                    f"ZIP member {member.filename!r} inflates {ratio:.0f} times, "
                    f"over max_zip_ratio={limits.max_zip_ratio}"
                )


def read_member(archive: zipfile.ZipFile, name: str, max_bytes: int) -> bytes:
    """A member's bytes, refusing to inflate more than ``max_bytes`` whatever its header says."""
    with archive.open(name) as member:
        data = member.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableDocument(f"ZIP member {name!r} is larger than {max_bytes} bytes")
    return data
