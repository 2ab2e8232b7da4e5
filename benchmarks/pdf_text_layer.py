"""pdfminer.six against pypdfium2 for the text layer of real PDFs: CPU, and whether it matters.

Run from the repository root:
    python3 -m benchmarks.pdf_text_layer [FOLDER ...]   (default: ../shared/corpus)

Every PDF under the folders is read as the service reads it (``extract``, OCR off, pdfminer.six)
and, when that gives text, again with pypdfium2's text pages. Printed: the CPU of each, how
many PDFs pypdfium2 cannot open, how often the two texts share under 90 % of their words, and
whether document kind, language and the relatives declaration read from them differ. Then the
PDFs of the labelled document set (``tests.document_set``: CVs, letters, forms) are read both
ways and their kinds checked against the labels.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import Counter
from pathlib import Path

import pypdfium2

from parsers.declarations import DeclarationReader, SourceText
from parsers.documents.cleaning import clean_text
from parsers.documents.extract import extract
from parsers.documents.kind import classify_document
from parsers.documents.language import detect_language
from parsers.documents.model import DocumentStatus, ExtractionLimits
from tests.document_set import document_set

LIMITS = ExtractionLimits(ocr=False)
DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def pdfium_text(payload: bytes, max_pages: int) -> str:
    """The text layer of the first pages as pypdfium2 gives it, pages parted by form feeds."""
    document = pypdfium2.PdfDocument(payload)
    try:
        texts = []
        for index in range(min(len(document), max_pages)):
            text_page = document[index].get_textpage()
            texts.append(text_page.get_text_bounded())
            text_page.close()
        return "\f".join(texts)
    finally:
        document.close()


def shared_words(first: str, second: str) -> float:
    """Words in both texts over words in either (1.0: the same words)."""
    one, two = set(first.split()), set(second.split())
    return len(one & two) / max(1, len(one | two))


def compare(paths: list[Path]) -> None:
    counts: Counter[str] = Counter()
    miner_seconds = pdfium_seconds = 0.0
    reader = DeclarationReader()
    for path in paths:
        payload = path.read_bytes()
        start = time.process_time()
        mined = extract(payload, path.name, LIMITS)
        if mined.status is not DocumentStatus.OK:
            continue
        miner_seconds += time.process_time() - start
        start = time.process_time()
        try:
            raw = pdfium_text(payload, LIMITS.max_pages)
        except pypdfium2.PdfiumError:
            counts["pypdfium2 cannot open"] += 1
            continue
        pdfium_seconds += time.process_time() - start
        other, _ = clean_text(raw, LIMITS.max_text_chars)
        counts["compared"] += 1
        counts["under 90 % shared words"] += shared_words(mined.text, other) < 0.9
        readings = [classify_document(path.name, text) for text in (mined.text, other)]
        kinds = [(read.kind, read.is_cv, read.is_letter) for read in readings]
        counts["kind differs"] += kinds[0] != kinds[1]
        counts["language differs"] += detect_language(mined.text) != detect_language(other)
        found = [reader.read([SourceText("cv", text)]).outcome for text in (mined.text, other)]
        counts["declaration differs"] += found[0] != found[1]
    print(f"{len(paths)} PDFs; with a text layer pdfminer.six reads: {counts['compared']}")
    for name, count in sorted(counts.items()):
        print(f"  {name}: {count}")
    print(f"CPU on those: pdfminer.six {miner_seconds:.2f} s, pypdfium2 {pdfium_seconds:.2f} s")


def labelled() -> None:
    """Kind accuracy of each text layer on the labelled PDFs."""
    right: Counter[str] = Counter()
    documents = [doc for doc in document_set(with_ocr=False) if doc.entry.file_format == "pdf"]
    for document in documents:
        entry = document.entry
        other = pdfium_text(document.payload, LIMITS.max_pages)
        texts = {
            "pdfminer.six": extract(document.payload, entry.filename, LIMITS).text,
            "pypdfium2": clean_text(other, LIMITS.max_text_chars)[0],
        }
        for name, text in texts.items():
            reading = classify_document(entry.filename, text)
            right[name] += (reading.kind, reading.is_letter) == (entry.kind, entry.is_letter)
    for name, count in right.items():
        print(f"labelled PDFs, kind right with {name}: {count} of {len(documents)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # pdfminer's notes on broken files
    paths = sorted(
        path
        for folder in args.folders
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() == ".pdf"
    )
    compare(paths)
    labelled()


if __name__ == "__main__":
    main()
