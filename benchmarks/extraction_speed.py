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

from intake.poll.workers import WorkerPoolExtractor
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


def bare(mix: Mix) -> float:
    """The libraries alone: pdfminer.six text, python-docx paragraphs."""
    started = time.perf_counter()
    for name, payload in mix:
        if name.endswith(".pdf"):
            extract_text(io.BytesIO(payload))
        else:
            "\n".join(p.text for p in docx.Document(io.BytesIO(payload)).paragraphs)
    return time.perf_counter() - started


def inline(mix: Mix) -> float:
    """The pipeline's reading in this process: sniffing, checks, text, kind and language."""
    started = time.perf_counter()
    for name, payload in mix:
        text = extract(payload, name, LIMITS).text
        classify_document(name, text)
        detect_language(text)
    return time.perf_counter() - started


def pooled(workers: int) -> Callable[[Mix], float]:
    """The worker pool as the daemon runs it: started and warm before the clock starts."""

    def run(mix: Mix) -> float:
        pool = WorkerPoolExtractor(LIMITS, workers=workers, seconds=30, memory_mib=512)
        try:
            warm_up = [pool.submit(payload, name) for name, payload in mix[: 2 * workers]]
            for pending in warm_up:
                pending.result()
            started = time.perf_counter()
            reading = [pool.submit(payload, name) for name, payload in mix]
            for pending in reading:
                text = pending.result().text
                classify_document("", text)
                detect_language(text)
            return time.perf_counter() - started
        finally:
            pool.close()

    return run


def rate(run: Callable[[Mix], float], mix: Mix, repeat: int) -> float:
    """Median documents per second over ``repeat`` runs."""
    return statistics.median(len(mix) / run(mix) for _ in range(repeat))


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
