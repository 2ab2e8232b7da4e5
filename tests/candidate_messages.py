"""Real messages of one person split, re-sent or linked, for the candidate grouping tests."""

from __future__ import annotations

from tests import candidate_files, messages
from tests.documents import docx_bytes, pdf_bytes

DD_IS = "Application – Deputy Director, Implementation Support – {name}"
SHORT_BODY = "Dear Sir or Madam,\n\nPlease find my application attached.\n\n{name}"
CV_TEXT = candidate_files.CV_TEXT.replace("Maria Fernández", "{name}")


def cv_file(name: str, phone: str = "") -> tuple[str, str, bytes]:
    """A CV of ``name`` (PDF) with the phone number written under the name."""
    contact = f"\nPhone: {phone}" if phone else ""
    text = CV_TEXT.format(name=name).replace("\n", contact + "\n", 1)
    return ("CV.pdf", "application/pdf", pdf_bytes([text, "References available on request."]))


def letter_file(name: str) -> tuple[str, str, bytes]:
    """A motivation letter signed by ``name`` (DOCX)."""
    paragraphs = [*candidate_files.LETTER_PARAGRAPHS[:-1], name]
    return ("Motivation letter.docx", "application/octet-stream", docx_bytes(paragraphs))


def sent(
    address: str,
    name: str,
    files: tuple[tuple[str, str, bytes], ...],
    body: str | None = None,
    message_id: str | None = None,
    extra_headers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """An application from ``name <address>`` to DD-IS carrying ``files``."""
    return messages.application(
        sender=f"{name} <{address}>",
        subject=DD_IS.format(name=name),
        body=body or SHORT_BODY.format(name=name),
        attachments=files,
        message_id=message_id,
        extra_headers=extra_headers,
    )
