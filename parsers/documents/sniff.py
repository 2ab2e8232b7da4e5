"""A document's type from its bytes, never from its name or declared content type."""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum

import puremagic

from parsers.documents.decoding import decode_sample
from parsers.documents.zipcheck import read_member

_SAMPLE_BYTES = 4096
_PDF_HEADER_WINDOW = 1024
_MIN_PRINTABLE_SHARE = 0.95
_SMALL_MEMBER_BYTES = 1024 * 1024
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class FileType(StrEnum):
    """The types the readers know, named as ``Extraction.file_type`` reports them."""

    PDF = "pdf"
    DOCX = "docx"
    DOCM = "docm"
    ODT = "odt"
    OPENDOCUMENT = "opendocument"  # a spreadsheet, a presentation…
    XLSX = "xlsx"
    PPTX = "pptx"
    OOXML = "ooxml"
    ZIP = "zip"
    DOC = "doc"
    RTF = "rtf"
    HTML = "html"
    TEXT = "text"
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"
    GIF = "gif"
    BMP = "bmp"
    WEBP = "webp"
    HEIC = "heic"  # a phone photo (HEIF with HEVC), read when pillow-heif is installed
    UNKNOWN = "unknown"


IMAGE_TYPES = frozenset(
    {
        FileType.PNG, FileType.JPEG, FileType.TIFF, FileType.GIF, FileType.BMP, FileType.WEBP,
        FileType.HEIC,
    }
)  # fmt: skip
# ISO base media "ftyp" brands of HEIF still pictures (phones write heic or mif1).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"hevc", b"hevx"})
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FileType.DOC),
    (b"{\\rtf", FileType.RTF),
    (b"\x89PNG\r\n\x1a\n", FileType.PNG),
    (b"\xff\xd8\xff", FileType.JPEG),
    (b"II*\x00", FileType.TIFF),
    (b"MM\x00*", FileType.TIFF),
    (b"GIF87a", FileType.GIF),
    (b"GIF89a", FileType.GIF),
    (b"PK\x03\x04", FileType.ZIP),
    (b"PK\x05\x06", FileType.ZIP),
)
_OOXML_MAIN_TYPES = (
    (b"macroEnabled.main+xml", b"ms-word", FileType.DOCM),
    (b"wordprocessingml.", b"", FileType.DOCX),
    (b"spreadsheetml.", b"", FileType.XLSX),
    (b"ms-excel.", b"", FileType.XLSX),
    (b"presentationml.", b"", FileType.PPTX),
)


def sniff(payload: bytes) -> str:
    """The payload's type: a FileType value, else the extension puremagic gives, else unknown."""
    if b"%PDF-" in payload[:_PDF_HEADER_WINDOW]:
        return FileType.PDF
    file_type = _signature_type(payload)
    if file_type is FileType.ZIP:
        return _zip_type(payload)
    return file_type or _text_type(payload[:_SAMPLE_BYTES]) or _puremagic_type(payload)


def _signature_type(payload: bytes) -> FileType | None:
    """The type whose magic number starts the payload, or None."""
    for signature, file_type in _SIGNATURES:
        if payload.startswith(signature):
            return file_type
    if payload.startswith(b"RIFF") and payload[8:12] == b"WEBP":
        return FileType.WEBP
    if payload.startswith(b"BM") and payload[6:10] == bytes(4):  # BMP's reserved header words
        return FileType.BMP
    if payload[4:8] == b"ftyp" and payload[8:12] in _HEIF_BRANDS:
        return FileType.HEIC
    return None


def _zip_type(payload: bytes) -> str:
    """Which ZIP-based format: OpenDocument by its mimetype, OOXML by its content types."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = read_member(archive, "mimetype", 256).strip()
                return FileType.ODT if mimetype == _ODT_MIMETYPE else FileType.OPENDOCUMENT
            if "[Content_Types].xml" not in names:
                return FileType.ZIP
            content_types = read_member(archive, "[Content_Types].xml", _SMALL_MEMBER_BYTES)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return FileType.ZIP
    file_type = _ooxml_type(content_types)
    has_vba = any(name.lower().endswith("vbaproject.bin") for name in names)
    return FileType.DOCM if file_type is FileType.DOCX and has_vba else file_type


def _ooxml_type(content_types: bytes) -> FileType:
    """The OOXML format that [Content_Types].xml declares for its main part."""
    for marker, also_needed, file_type in _OOXML_MAIN_TYPES:
        if marker in content_types and also_needed in content_types:
            return file_type
    return FileType.OOXML


def _text_type(sample: bytes) -> FileType | None:
    """HTML or plain text when the sample decodes and is mostly printable, else None."""
    text = decode_sample(sample)
    if not text.strip():
        return None
    printable = sum(1 for character in text if character.isprintable() or character in "\t\n\r")
    if printable < _MIN_PRINTABLE_SHARE * len(text):
        return None
    start = text[:1024].lower()
    return FileType.HTML if any(marker in start for marker in _HTML_MARKERS) else FileType.TEXT


def _puremagic_type(payload: bytes) -> str:
    """The extension puremagic finds for other formats (for the record), else unknown."""
    try:
        matches = puremagic.magic_string(payload)
    except (puremagic.PureError, ValueError):
        return FileType.UNKNOWN
    extension = matches[0].extension.lstrip(".").lower() if matches else ""
    return extension or FileType.UNKNOWN
