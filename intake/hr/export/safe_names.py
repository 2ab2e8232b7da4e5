"""File and folder names that are safe on Linux, Windows and macOS, made from untrusted text."""

from __future__ import annotations

import re
import unicodedata

from intake.terminal_text import DIRECTION_MARKS

#: Names are cut to this many UTF-8 bytes (ext4 allows 255 per name). The margin leaves room
#: for a ``" (2)"`` suffix and keeps a candidate folder plus a file name well inside Windows'
#: 260-character path limit once the export folder is copied there.
FILE_NAME_BYTES = 120
FOLDER_NAME_BYTES = 64
FALLBACK = "document"
RESERVED_PREFIX = "_"

_FORBIDDEN = re.compile(r'[/\\<>:"|?*]')
# Windows device names, whatever follows the first dot: CON, con.tar.gz, COM1.docx, LPT¹.
_RESERVED = re.compile(
    r"(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])\s*(?:\..*)?",
    re.IGNORECASE | re.DOTALL,
)
# An extension kept whole when a long name is shortened: short, letters and digits only.
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}\Z")
_LEADING_JUNK = re.compile(r"\A[\s.]+")
_TRAILING_JUNK = re.compile(r"[\s.]+\Z")


def safe_name(name: str, limit: int = FILE_NAME_BYTES, fallback: str = FALLBACK) -> str:
    """``name`` made safe as one file or folder name, never longer than ``limit`` bytes.

    Control and direction characters go, separators and characters Windows forbids become
    ``_``, leading dots and trailing dots and spaces go, a Windows device name gets a prefix,
    an empty result becomes ``fallback``. The same input always gives the same name.
    """
    cleaned = _trim_edges(_replace_forbidden(_drop_invisible(unicodedata.normalize("NFC", name))))
    fitted = _fit(cleaned or fallback, limit)
    if _RESERVED.fullmatch(fitted):
        fitted = _fit(RESERVED_PREFIX + fitted, limit)
    return fitted


def numbered(name: str, number: int, limit: int = FILE_NAME_BYTES) -> str:
    """``CV.pdf`` as ``CV (2).pdf``, the stem shortened so that the result fits ``limit``."""
    stem, extension = split_extension(name)
    suffix = f" ({number}){extension}"
    return _trim_edges(_cut_utf8(stem, limit - _utf8_len(suffix))) + suffix


def split_extension(name: str) -> tuple[str, str]:
    """The stem and the extension worth keeping: ``("CV", ".pdf")``; ``("a.b c", "")``."""
    match = _EXTENSION.search(name)
    if match is None or match.start() == 0:
        return name, ""
    return name[: match.start()], match.group()


def fold(name: str) -> str:
    """The key under which Windows or macOS may consider two names the same file."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


class UniqueNames:
    """Hands out names unique within one folder, compared without case (as Windows and macOS
    compare them): the second ``CV.pdf`` or ``cv.PDF`` becomes ``CV (2).pdf``."""

    def __init__(self, limit: int = FILE_NAME_BYTES, taken: tuple[str, ...] = ()) -> None:
        self._limit = limit
        self._taken = {fold(name) for name in taken}

    def claim(self, safe: str) -> str:
        """``safe`` (already made safe) or the first free numbered variant of it, now taken."""
        candidate = safe
        number = 1
        while fold(candidate) in self._taken:
            number += 1
            candidate = numbered(safe, number, self._limit)
        self._taken.add(fold(candidate))
        return candidate


def disguising(char: str) -> bool:
    """Whether ``char`` is a control character (C0, DEL, C1), a direction mark or a lone
    surrogate: something that breaks a name or disguises what it looks like."""
    return char in DIRECTION_MARKS or unicodedata.category(char) in ("Cc", "Cs")


def _drop_invisible(text: str) -> str:
    return "".join(char for char in text if not disguising(char))


def _replace_forbidden(text: str) -> str:
    return _FORBIDDEN.sub("_", text)


def _trim_edges(text: str) -> str:
    """No leading dot (hidden file, ``..``) or space; no trailing dot or space (Windows)."""
    return _TRAILING_JUNK.sub("", _LEADING_JUNK.sub("", text))


def _fit(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` UTF-8 bytes, keeping a short extension, and its edges trimmed."""
    if _utf8_len(name) <= limit:
        return name
    stem, extension = split_extension(name)
    kept = _trim_edges(_cut_utf8(stem, limit - _utf8_len(extension)))
    return kept + extension if kept else _trim_edges(_cut_utf8(name, limit))


def _cut_utf8(text: str, limit: int) -> str:
    """The longest start of ``text`` whose UTF-8 form has at most ``limit`` bytes."""
    return text.encode("utf-8")[: max(limit, 0)].decode("utf-8", errors="ignore")


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))
