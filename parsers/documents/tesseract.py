"""Whether Tesseract can run here: its program on PATH and the languages it has installed.

Kept apart from ``parsers.documents.ocr`` so that a process that only checks (the polling
process, ``intake status``) does not load pytesseract, Pillow and pypdfium2 to ask.
"""

from __future__ import annotations

import shutil
import subprocess

TESSERACT = "tesseract"
OCR_INSTALL_HINT = "install Debian packages tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra"
ANSWER_SECONDS = 30


def ocr_available() -> bool:
    """Whether the Tesseract program is installed (on PATH)."""
    return shutil.which(TESSERACT) is not None


def ocr_readiness(languages: str) -> str | None:
    """Why OCR in ``languages`` ("eng+fra") cannot run here, or None when it can."""
    if not ocr_available():
        return f"Tesseract is not installed: {OCR_INSTALL_HINT}"
    try:
        installed = installed_languages()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not answer: {exc}"
    missing = [language for language in languages.split("+") if language not in installed]
    if missing:
        packages = " ".join(f"tesseract-ocr-{language.replace('_', '-')}" for language in missing)
        return f"Tesseract lacks the languages {', '.join(missing)}: install {packages}"
    return None


def installed_languages() -> frozenset[str]:
    """The languages ``tesseract --list-langs`` names (its first line is a heading)."""
    listing = subprocess.run(
        [TESSERACT, "--list-langs"],
        capture_output=True,
        text=True,
        check=True,
        timeout=ANSWER_SECONDS,
    )
    lines = listing.stdout.splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())
