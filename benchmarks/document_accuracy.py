"""Kind and language accuracy on the generated, labelled document set (real files, real OCR).

Run from the repository root:
    python3 -m benchmarks.document_accuracy [--no-ocr]
Builds every file of ``tests.document_set``, reads it with ``extract`` (default limits), then
``classify_document`` and ``detect_language``; prints the accuracies, the confusion matrix for
kind, every miss and the time taken; exits 1 when kind or language accuracy is under 97 %.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field

from parsers.documents.extract import extract
from parsers.documents.kind import KindReading, classify_document
from parsers.documents.language import detect_language
from parsers.documents.model import DocumentKind, ExtractionLimits
from tests.document_set import LabelledDocument, document_set

REQUIRED_ACCURACY = 0.97


@dataclass(frozen=True)
class Outcome:
    """What the readers made of one labelled file."""

    document: LabelledDocument
    reading: KindReading
    language: str | None
    seconds: float

    @property
    def kind_right(self) -> bool:
        entry = self.document.entry
        return self.reading.kind is entry.kind and self.reading.is_letter is entry.is_letter

    @property
    def language_right(self) -> bool:
        return self.language in self.document.entry.languages


@dataclass
class Results:
    """Every outcome, with the accuracies and the confusion matrix drawn from them."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return sum(o.kind_right for o in self.outcomes) / len(self.outcomes)

    @property
    def language_accuracy(self) -> float:
        return sum(o.language_right for o in self.outcomes) / len(self.outcomes)

    def confusion(self) -> Counter[tuple[DocumentKind, DocumentKind]]:
        return Counter((o.document.entry.kind, o.reading.kind) for o in self.outcomes)

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not (o.kind_right and o.language_right)]


def evaluate(documents: list[LabelledDocument]) -> Results:
    """Extract, classify and detect the language of every document."""
    results = Results()
    for document in documents:
        started = time.perf_counter()
        extraction = extract(document.payload, document.entry.filename, ExtractionLimits())
        reading = classify_document(document.entry.filename, extraction.text)
        language = detect_language(extraction.text)
        elapsed = time.perf_counter() - started
        results.outcomes.append(Outcome(document, reading, language, elapsed))
    return results


def report(results: Results) -> list[str]:
    """The printed report: accuracies, confusion matrix, misses, slowest formats."""
    formats = Counter(o.document.entry.file_format for o in results.outcomes)
    lines = [
        f"documents: {len(results.outcomes)} ({', '.join(f'{k} {v}' for k, v in formats.items())})",
        f"kind accuracy:     {results.kind_accuracy:.1%}",
        f"language accuracy: {results.language_accuracy:.1%}",
        "",
        "kind confusion (rows expected, columns got):",
        _matrix(results.confusion()),
        "",
    ]
    lines += [_miss(outcome) for outcome in results.misses()] or ["no misses"]
    seconds: dict[str, float] = {}
    for outcome in results.outcomes:
        seconds.setdefault(outcome.document.entry.file_format, 0.0)
        seconds[outcome.document.entry.file_format] += outcome.seconds
    lines += ["", "seconds per format: " + ", ".join(f"{k} {v:.1f}" for k, v in seconds.items())]
    return lines


def _matrix(confusion: Counter[tuple[DocumentKind, DocumentKind]]) -> str:
    kinds = list(DocumentKind)
    rows = ["".ljust(18) + "".join(kind.value.rjust(18) for kind in kinds)]
    for expected in kinds:
        cells = "".join(str(confusion[(expected, got)]).rjust(18) for got in kinds)
        rows.append(expected.value.ljust(18) + cells)
    return "\n".join(rows)


def _miss(outcome: Outcome) -> str:
    entry, reading = outcome.document.entry, outcome.reading
    expected, got = _label(entry.kind, entry.is_letter), _label(reading.kind, reading.is_letter)
    return (
        f"MISS {entry.filename} [{entry.file_format}] expected {expected}/{entry.languages} "
        f"got {got}/{outcome.language}: {reading.reason}"
    )


def _label(kind: DocumentKind, is_letter: bool) -> str:
    """The kind, with "+letter" for a CV that also holds the letter."""
    return f"{kind.value}+letter" if kind is DocumentKind.CV and is_letter else kind.value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-ocr", action="store_true", help="leave out scans and images")
    args = parser.parse_args()
    started = time.perf_counter()
    results = evaluate(document_set(with_ocr=not args.no_ocr))
    print("\n".join(report(results)))
    print(f"total time: {time.perf_counter() - started:.1f} s (building the files included)")
    passed = min(results.kind_accuracy, results.language_accuracy) >= REQUIRED_ACCURACY
    raise SystemExit(0 if passed else 1)


if __name__ == "__main__":
    main()
