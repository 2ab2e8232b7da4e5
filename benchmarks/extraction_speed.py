"""Documents per second: bare pdfminer.six/python-docx, the pipeline's reading inline, and the
worker pool with 1 and 2 workers, all on the same mix of generated PDFs and DOCX files.

Run from the repository root:
    python3 -m benchmarks.extraction_speed [--documents 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable, Sequence

import docx
from pdfminer.high_level import extract_text

from intake.extraction import WorkerPoolExtractor
from parsers.documents.extract import extract
from parsers.documents.kind import classify_document
from parsers.documents.language import detect_language
from parsers.documents.model import ExtractionLimits
from tests import candidate_files
from tests.documents import docx_bytes, pdf_bytes

Mix = Sequence[tuple[str, bytes]]
LIMITS = ExtractionLimits(ocr=False)


def document_mix(count: int) -> Mix:
    """Half three-page CV PDFs, half letter DOCX files, each a little different."""
    mix: list[tuple[str, bytes]] = []
    for index in range(count):
        if index % 2 == 0:
            pages = [f"{candidate_files.CV_TEXT}\nCandidate {index}"] * 3
            mix.append((f"cv{index}.pdf", pdf_bytes(pages)))
        else:
            letter = [*candidate_files.LETTER_PARAGRAPHS, f"Reference {index}"]
            mix.append((f"letter{index}.docx", docx_bytes(letter)))
    return mix


def bare(mix: Mix) -> None:
    """The libraries alone: pdfminer.six text, python-docx paragraphs."""
    for name, payload in mix:
        if name.endswith(".pdf"):
            extract_text(io.BytesIO(payload))
        else:
            "\n".join(p.text for p in docx.Document(io.BytesIO(payload)).paragraphs)


def inline(mix: Mix) -> None:
    """The pipeline's reading in this process: sniffing, checks, text, kind and language."""
    for name, payload in mix:
        text = extract(payload, name, LIMITS).text
        classify_document(name, text)
        detect_language(text)


def pooled(workers: int) -> Callable[[Mix], None]:
    """The worker pool, as the daemon runs it (the pool's start is not timed)."""

    def run(mix: Mix) -> None:
        pool = WorkerPoolExtractor(LIMITS, workers=workers, seconds=30, memory_mib=512)
        try:
            first_name, first_payload = mix[0]
            pool.submit(first_payload, first_name).result()  # the workers are up and warm
            started = [pool.submit(payload, name) for name, payload in mix]
            for pending in started:
                text = pending.result().text
                classify_document("", text)
                detect_language(text)
        finally:
            pool.close()

    return run


def rate(run: Callable[[Mix], None], mix: Mix, repeat: int) -> float:
    """Median documents per second over ``repeat`` runs."""
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(mix)
        rates.append(len(mix) / (time.perf_counter() - started))
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    mix = document_mix(args.documents)
    results = {
        "bare pdfminer.six / python-docx, 1 process": rate(bare, mix, args.repeat),
        "pipeline reading inline, 1 process": rate(inline, mix, args.repeat),
        "worker pool, 1 worker": rate(pooled(1), mix, args.repeat),
        "worker pool, 2 workers": rate(pooled(2), mix, args.repeat),
    }
    baseline = results["bare pdfminer.six / python-docx, 1 process"]
    print(f"{len(mix)} documents, median of {args.repeat} runs")
    for label, value in results.items():
        print(f"{label:45s} {value:7.1f} documents/s  ({value / baseline:4.2f} x bare)")


if __name__ == "__main__":
    main()
