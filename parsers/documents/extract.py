"""One attachment's bytes to an Extraction; the only entry point, and it never raises."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from parsers.documents.legacy_word import read_legacy_word
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from parsers.documents.ocr import read_image
from parsers.documents.opendocument import read_odt
from parsers.documents.pdf import read_pdf
from parsers.documents.problems import one_line
from parsers.documents.sniff import IMAGE_TYPES, FileType, sniff
from parsers.documents.textual import read_html, read_plain, read_rtf
from parsers.documents.word import read_word
from parsers.documents.zipcheck import check_zip

Reader = Callable[[bytes, str, ExtractionLimits], Extraction]

READERS: dict[str, Reader] = {
    FileType.PDF: read_pdf,
    FileType.DOCX: read_word,
    FileType.DOCM: read_word,
    FileType.DOC: read_legacy_word,
    FileType.ODT: read_odt,
    FileType.RTF: read_rtf,
    FileType.HTML: read_html,
    FileType.TEXT: read_plain,
    **dict.fromkeys(IMAGE_TYPES, read_image),
}
ZIP_BASED = frozenset({FileType.DOCX, FileType.DOCM, FileType.ODT})


def extract(payload: bytes, filename: str, limits: ExtractionLimits) -> Extraction:
    """Text, pages and status of one attachment, its type judged from the bytes alone.

    ``filename`` is not trusted for the type (PDFs arrive named .doc); any error of a reader
    becomes status ``failed`` with a one-line problem. An empty file is ``no_text``: there is
    nothing to read whatever its name says.
    """
    if not payload.strip(b"\x00 \t\r\n"):
        return Extraction(DocumentStatus.NO_TEXT, str(FileType.UNKNOWN), problem=_empty(payload))
    try:
        file_type = str(sniff(payload))
    except Exception as exc:
        return Extraction(DocumentStatus.FAILED, FileType.UNKNOWN, problem=one_line(exc))
    reader = READERS.get(file_type)
    if reader is None:
        problem = f"{file_type} files are not read"
        return Extraction(DocumentStatus.UNSUPPORTED, file_type, problem=problem)
    try:
        if file_type in ZIP_BASED:
            _check_zip(payload, limits)
        return reader(payload, file_type, limits)
    except RecursionError:
        problem = "structure nested too deeply (RecursionError)"
        return Extraction(DocumentStatus.FAILED, file_type, problem=problem)
    except Exception as exc:
        return Extraction(DocumentStatus.FAILED, file_type, problem=one_line(exc))


def _check_zip(payload: bytes, limits: ExtractionLimits) -> None:
    """Refuse a ZIP package whose directory breaks a limit, before any member is inflated."""
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        check_zip(archive, limits)


def _empty(payload: bytes) -> str:
    if not payload:
        return "the file is empty (0 bytes)"
    return f"the file holds only blanks ({len(payload)} bytes)"
