"""PDF attachments to text with pdfminer.six: pages capped, passwords and reference loops met."""

from __future__ import annotations

import io
from itertools import islice
from typing import Any

from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef, resolve1

from parsers.documents.cleaning import text_extraction
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from parsers.documents.ocr import ocr_pages, ocr_pdf
from parsers.documents.problems import one_line


class _LoopSafeDocument(PDFDocument):
    """A PDFDocument whose indirect objects never resolve to themselves.

    pdfminer follows a reference to a reference without end (``4 0 obj 4 0 R``); here such
    a chain is followed once and a loop reads as a missing object, which pdfminer tolerates.
    """

    def getobj(self, objid: int) -> Any:
        seen = {objid}
        found = super().getobj(objid)
        while isinstance(found, PDFObjRef):
            if found.objid in seen:
                raise PDFObjectNotFound(f"reference loop through object {objid}")
            seen.add(found.objid)
            found = super().getobj(found.objid)
        return found


def read_pdf(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """The text layer of the first ``max_pages`` pages, else OCR of the rendered pages; in a
    document with a text layer, its scanned pages (no text, a picture) are read by OCR too."""
    try:
        document = _LoopSafeDocument(PDFParser(io.BytesIO(payload)), password="")
    except PDFPasswordIncorrect:
        return Extraction(DocumentStatus.ENCRYPTED, file_type, problem="a password is needed")
    except PDFEncryptionError as exc:
        return Extraction(DocumentStatus.ENCRYPTED, file_type, problem=f"encryption: {exc}")
    page_texts, more = _page_texts(document, limits)
    pages_read = len(page_texts)
    if pages_read == 0:
        return Extraction(DocumentStatus.FAILED, file_type, pages=0, problem="the PDF has no pages")
    pages = _page_count(document, pages_read, more)
    page_problem = _unread_pages_problem(pages_read, pages, limits) if more else None
    if not any(text.strip() for text in page_texts):
        return ocr_pdf(payload, file_type, limits, pages)
    text, status, ocr_problem = _with_scanned_pages(payload, page_texts, limits)
    problems = [page_problem, ocr_problem]
    return text_extraction(file_type, text, limits, pages=pages, problems=problems, status=status)


def _with_scanned_pages(
    payload: bytes, page_texts: list[str], limits: ExtractionLimits
) -> tuple[str, DocumentStatus, str | None]:
    """The pages' text, where a page without any has OCR's text of its picture instead;
    ``ocr`` when OCR gave some text, and what OCR could not read."""
    without_text = [index for index, text in enumerate(page_texts) if not text.strip()]
    if not without_text:
        return "".join(page_texts), DocumentStatus.OK, None
    try:
        reading = ocr_pages(payload, without_text, limits)
    except Exception as exc:  # the text layer is read: a failure here must not lose it
        problem = f"the pages without a text layer were not read: {one_line(exc)}"
        return "".join(page_texts), DocumentStatus.OK, problem
    texts = [
        reading.texts[index] + "\f" if index in reading.texts else text
        for index, text in enumerate(page_texts)
    ]
    read_some = any(text.strip() for text in reading.texts.values())
    return "".join(texts), DocumentStatus.OCR if read_some else DocumentStatus.OK, reading.problem


def _page_texts(document: PDFDocument, limits: ExtractionLimits) -> tuple[list[str], bool]:
    """The text of each of the first pages, and whether more pages follow."""
    resources = PDFResourceManager()
    output = io.StringIO()
    device = TextConverter(resources, output, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    texts: list[str] = []
    more = False
    for page in islice(PDFPage.create_pages(document), limits.max_pages + 1):
        if len(texts) == limits.max_pages or output.tell() > limits.max_text_chars:
            more = True
            break
        start = output.tell()
        interpreter.process_page(page)
        output.seek(start)
        texts.append(output.read())
    device.close()
    return texts, more


def _page_count(document: PDFDocument, pages_read: int, more: bool) -> int | None:
    """All pages when all were read; else the page tree's /Count when it is plausible."""
    if not more:
        return pages_read
    tree = resolve1(document.catalog.get("Pages"))
    declared = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    return declared if isinstance(declared, int) and declared > pages_read else None


def _unread_pages_problem(pages_read: int, pages: int | None, limits: ExtractionLimits) -> str:
    """What a cap left unread."""
    total = "more" if pages is None else str(pages)
    cap = f"max_pages={limits.max_pages}" if pages_read == limits.max_pages else "max_text_chars"
    return f"read only the first {pages_read} of {total} pages ({cap})"
