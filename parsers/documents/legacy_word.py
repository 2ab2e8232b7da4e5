"""Legacy Word (.doc, Word 97-2003) attachments to text with antiword, a child process.

antiword (Debian package ``antiword``) reads the document's piece table, so fast-saved and
complex files give their text in reading order. It runs on a private temporary copy with a
time cap and no shell; a missing antiword, an OLE2 file that is not a Word document
(a spreadsheet, an Outlook item) and a password-protected file each end in a status that
says so, never in a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from parsers.documents.cleaning import text_extraction
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from parsers.documents.problems import UnreadableDocument

ANTIWORD = "antiword"
# Text as UTF-8, paragraphs on one line each (no wrapping).
_ARGUMENTS = ("-m", "UTF-8.txt", "-w", "0")
_NOT_WORD = ("is not a word document", "not a word document")
_PROTECTED = ("encrypted", "password")


def read_legacy_word(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """The text antiword finds in a .doc; ``unsupported`` when antiword is not installed."""
    program = shutil.which(ANTIWORD)
    if program is None:
        problem = "legacy Word (.doc) needs antiword, which is not installed"
        return Extraction(DocumentStatus.UNSUPPORTED, file_type, problem=problem)
    completed = _run(program, payload, limits.ocr_seconds)
    said = completed.stderr.decode("utf-8", "replace").strip()
    if completed.returncode < 0:
        problem = f"antiword stopped by signal {-completed.returncode} (a damaged file)"
        return Extraction(DocumentStatus.FAILED, file_type, problem=problem)
    if completed.returncode != 0:
        return _refused(file_type, said)
    if not completed.stdout.strip():
        return Extraction(DocumentStatus.NO_TEXT, file_type, problem="no text found")
    return text_extraction(file_type, completed.stdout.decode("utf-8", "replace"), limits)


def _run(program: str, payload: bytes, seconds: int) -> subprocess.CompletedProcess[bytes]:
    """antiword on a private copy of the payload, killed after ``seconds`` (the cap of one
    Tesseract run: the worker's own cap must never leave a child behind)."""
    with tempfile.TemporaryDirectory(prefix="intake-doc-") as folder:
        path = Path(folder) / "document.doc"
        path.write_bytes(payload)
        try:
            return subprocess.run(
                [program, *_ARGUMENTS, str(path)],
                capture_output=True,
                timeout=seconds,
                check=False,
                env={"PATH": os.environ.get("PATH", ""), "HOME": folder, "LANG": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired as exc:
            raise UnreadableDocument(f"antiword took longer than {seconds} s") from exc


def _refused(file_type: str, said: str) -> Extraction:
    """What antiword's refusal means: not Word, protected, or a damaged Word file."""
    lowered = said.lower()
    detail = said.replace(os.sep + "document.doc", "").splitlines()[0][:200] if said else ""
    if any(words in lowered for words in _NOT_WORD):
        problem = "an OLE2 file that is not a Word document (a spreadsheet, an Outlook item…)"
        return Extraction(DocumentStatus.UNSUPPORTED, file_type, problem=problem)
    if any(words in lowered for words in _PROTECTED):
        return Extraction(DocumentStatus.ENCRYPTED, file_type, problem="a password is needed")
    return Extraction(
        DocumentStatus.FAILED, file_type, problem=f"antiword: {detail or 'could not read it'}"
    )
