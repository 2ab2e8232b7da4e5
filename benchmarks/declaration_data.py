"""The labelled relatives-declaration snippets (tests/data/declarations.tsv), loaded for the
benchmark and the tests, with the organisation's names the reader is built with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmarks.subject_data import DATA, decode_escapes

SNIPPETS_FILE = DATA / "declarations.tsv"
ORGANISATION_TERMS = (
    "World Customs Organization",
    "WCO",
    "Organisation mondiale des douanes",
    "OMD",
)
CANDIDATES = ("Amina Diallo", "Jonas Berg", "Lucía Fernández Ruiz", "PARK Ji-hoon", "Eva Novak")


@dataclass(frozen=True)
class LabelledSnippet:
    """A snippet, what it says about relatives, and where the benchmark puts it.

    ``number`` counts the labelled rows from 1; ``relation`` and ``name`` are None when the
    snippet declares no relative or gives no name.
    """

    number: int
    placement: str
    language: str
    outcome: str
    tags: frozenset[str]
    text: str
    relation: str | None
    name: str | None

    @property
    def candidate(self) -> str:
        """A candidate's name to sign the texts the snippet is placed in."""
        return CANDIDATES[self.number % len(CANDIDATES)]


def load_snippets(path: Path = SNIPPETS_FILE) -> list[LabelledSnippet]:
    """The labelled rows of the TSV; ``#`` lines and the header row are skipped."""
    rows: list[LabelledSnippet] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("placement\t") or not line.strip():
            continue
        placement, language, outcome, tags, text, relation, name = line.split("\t")
        rows.append(
            LabelledSnippet(
                number=len(rows) + 1,
                placement=placement,
                language=language,
                outcome=outcome,
                tags=frozenset(tags.split()),
                text=decode_escapes(text),
                relation=relation or None,
                name=name or None,
            )
        )
    return rows
