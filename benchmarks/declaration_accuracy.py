"""Accuracy of the relatives-declaration reader on the labelled snippets, placed in real texts.

Run from the repository root:
    python3 -m benchmarks.declaration_accuracy
Places every snippet of ``benchmarks.declaration_data`` in an email body, a motivation letter
(DOCX or PDF), a CV (DOCX or PDF) or a DOCX form table, reads the files back with ``extract``
and the texts with ``DeclarationReader``; prints the accuracy overall, per outcome, placement
and language, every miss, and the distractors read as declared; exits 1 below the thresholds.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.declaration_data import ORGANISATION_TERMS, LabelledSnippet, load_snippets
from parsers.declarations import DeclarationReader, RelativesDeclaration, SourceText
from parsers.documents.extract import extract
from parsers.documents.model import ExtractionLimits
from tests.documents import docx_bytes, pdf_bytes

MIN_ACCURACY = 0.97
MAX_DECLARED_DISTRACTORS = 0
LIMITS = ExtractionLimits(ocr=False)

BODY = {
    "en": (
        "Dear Recruitment Team,",
        "Please find attached my CV and motivation letter for the vacancy {ref}, Deputy "
        "Director, Implementation Support, published on the WCO website last month.",
        "{snippet}",
        "I remain at your disposal for any further information and thank you for considering "
        "my application.",
        "Kind regards,\n{name}\n+32 470 12 34 56",
    ),
    "fr": (
        "Madame, Monsieur,",
        "Veuillez trouver ci-joint mon CV et ma lettre de motivation pour le poste {ref}, "
        "Directeur adjoint, Appui à la mise en œuvre, publié sur le site de l'OMD.",
        "{snippet}",
        "Je reste à votre disposition pour tout renseignement complémentaire.",
        "Cordialement,\n{name}\n+33 6 12 34 56 78",
    ),
}
LETTER = {
    "en": (
        "{name}\nAvenue Louise 120\n1050 Brussels\n\nWorld Customs Organization\nHuman "
        "Resources Service\nRue du Marché 30\n1210 Brussels",
        "Subject: Application for the post of Deputy Director, Implementation Support ({ref})",
        "Dear Members of the Selection Panel,",
        "With fifteen years in customs administration, including six years leading the risk "
        "management division of a national customs service, I am writing to apply for the "
        "post of Deputy Director, Implementation Support.",
        "In my current role I coordinate capacity building projects funded by international "
        "donors and I have delivered training on the Revised Kyoto Convention and the SAFE "
        "Framework of Standards in West Africa and South-East Asia.",
        "{snippet}",
        "I would welcome the opportunity to bring this experience to the Organization and to "
        "contribute to its work with Members.",
        "Yours sincerely,\n{name}",
    ),
    "fr": (
        "{name}\n12 rue des Lilas\n75011 Paris\n\nOrganisation mondiale des douanes\nService "
        "des ressources humaines\nRue du Marché 30\n1210 Bruxelles",
        "Objet : candidature au poste de Directeur adjoint, Appui à la mise en œuvre ({ref})",
        "Madame, Monsieur,",
        "Fort de quinze années d'expérience dans l'administration des douanes, dont six à la "
        "tête de la division de la gestion des risques, je vous adresse ma candidature au poste "
        "de Directeur adjoint, Appui à la mise en œuvre.",
        "J'ai conduit des projets de renforcement des capacités financés par des bailleurs "
        "internationaux et dispensé des formations sur la Convention de Kyoto révisée.",
        "{snippet}",
        "Je serais heureux de mettre cette expérience au service de l'Organisation et de ses "
        "Membres.",
        "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n"
        "{name}",
    ),
}
CV = {
    "en": (
        "CURRICULUM VITAE\n{name}\nBrussels, Belgium | candidate@example.org",
        "PROFESSIONAL EXPERIENCE\nHead of Risk Management Division, National Customs "
        "Administration, 2018 - present\n• Led a team of 25 analysts\n• Introduced "
        "data-driven selectivity for cargo controls",
        "Customs Officer, Port of Antwerp, 2009 - 2018\n• Post-clearance audit\n• Trained new "
        "recruits in valuation",
        "EDUCATION\nMaster of Laws, Université libre de Bruxelles, 2008",
        "LANGUAGES\nEnglish (fluent), French (native), Spanish (basic)",
        "{snippet}",
        "REFERENCES\nAvailable on request",
    ),
    "fr": (
        "CURRICULUM VITAE\n{name}\nParis, France | candidat@example.org",
        "EXPÉRIENCE PROFESSIONNELLE\nChef de la division des risques, Direction générale des "
        "douanes, 2017 - aujourd'hui\n• Encadrement de 20 analystes\n• Ciblage des flux de fret",
        "Inspecteur des douanes, Le Havre, 2008 - 2017\n• Contrôle a posteriori\n• Formation "
        "des nouveaux agents",
        "FORMATION\nMaster en droit international, Université Paris 1, 2007",
        "LANGUES\nFrançais (langue maternelle), anglais (courant)",
        "{snippet}",
        "RÉFÉRENCES\nSur demande",
    ),
}
FORM_INTRO = {
    "en": ["Personal History Form", "Please complete every field."],
    "fr": ["Notice personnelle", "Veuillez remplir toutes les rubriques."],
}
FORM_ROWS = {
    "en": [["Surname", "Dupont"], ["Nationality", "Belgian"], ["Date of birth", "1982-04-17"]],
    "fr": [["Nom", "Dupont"], ["Nationalité", "Française"], ["Date de naissance", "17/04/1982"]],
}


@dataclass(frozen=True)
class Outcome:
    """One labelled snippet, the texts it was placed in, and what the reader made of them."""

    row: LabelledSnippet
    texts: tuple[SourceText, ...]
    reading: RelativesDeclaration

    @property
    def right(self) -> bool:
        relation = self.row.relation
        return self.reading.outcome == self.row.outcome and (
            relation is None or self.reading.relation == relation
        )

    @property
    def declared_distractor(self) -> bool:
        return "distractor" in self.row.tags and self.reading.outcome == "declared"


@dataclass(frozen=True)
class Score:
    """The figures the thresholds are checked against, and the breakdowns printed."""

    accuracy: float
    declared_distractors: int
    groups: dict[str, dict[str, tuple[int, int]]]

    @property
    def passed(self) -> bool:
        return (
            self.accuracy >= MIN_ACCURACY and self.declared_distractors <= MAX_DECLARED_DISTRACTORS
        )


def _paragraphs(template: Sequence[str], row: LabelledSnippet, wrap: bool) -> list[str]:
    """The template's paragraphs with the snippet in place ("" drops its paragraph)."""
    filled = [
        part.format(snippet=row.text, name=row.candidate, ref="WCO/2025/DD-IS") for part in template
    ]
    if wrap:
        filled = ["\n".join(textwrap.fill(line, 72) for line in p.split("\n")) for p in filled]
    return [paragraph for paragraph in filled if paragraph.strip()]


def _body_text(row: LabelledSnippet, with_snippet: bool = True) -> SourceText:
    template = (
        BODY[row.language]
        if with_snippet
        else [p for p in BODY[row.language] if "{snippet}" not in p]
    )
    return SourceText("the email body", "\n\n".join(_paragraphs(template, row, wrap=True)))


def _document(kind: str, lines: list[str], row: LabelledSnippet) -> SourceText:
    """The paragraphs written to a real DOCX (even rows) or PDF (odd rows) and read back."""
    if row.number % 2 == 0:
        filename, payload = f"{kind}.docx", docx_bytes(lines)
    else:
        filename, payload = f"{kind}.pdf", pdf_bytes(["\n\n".join(lines)])
    return SourceText(f"{kind} {filename}", extract(payload, filename, LIMITS).text)


def _placed_body(row: LabelledSnippet) -> list[SourceText]:
    return [_body_text(row)]


def _placed_letter(row: LabelledSnippet) -> list[SourceText]:
    lines = _paragraphs(LETTER[row.language], row, wrap=False)
    return [_body_text(row, with_snippet=False), _document("letter", lines, row)]


def _placed_cv(row: LabelledSnippet) -> list[SourceText]:
    lines = [
        line for part in _paragraphs(CV[row.language], row, wrap=False) for line in part.split("\n")
    ]
    return [_body_text(row, with_snippet=False), _document("CV", lines, row)]


def _placed_table(row: LabelledSnippet) -> list[SourceText]:
    """A DOCX form whose table holds the snippet as a question and answer row."""
    question, _, answer = row.text.partition("\t")
    rows = [*FORM_ROWS[row.language], [question, answer], ["Signature", row.candidate]]
    payload = docx_bytes(FORM_INTRO[row.language], table_rows=rows)
    text = extract(payload, "Form.docx", LIMITS).text
    return [_body_text(row, with_snippet=False), SourceText("form Form.docx", text)]


PLACERS: dict[str, Callable[[LabelledSnippet], list[SourceText]]] = {
    "body": _placed_body,
    "letter": _placed_letter,
    "cv": _placed_cv,
    "docx_table": _placed_table,
}


def evaluate() -> list[Outcome]:
    """Place every labelled snippet and read the texts with a reader built once."""
    reader = DeclarationReader(ORGANISATION_TERMS)
    outcomes = []
    for row in load_snippets():
        texts = tuple(PLACERS[row.placement](row))
        outcomes.append(Outcome(row, texts, reader.read(texts)))
    return outcomes


def score(outcomes: Sequence[Outcome]) -> Score:
    """Accuracy overall and per outcome, placement and language; declared distractors."""
    groups: dict[str, dict[str, tuple[int, int]]] = {}
    for label, key in (
        ("outcome", lambda o: str(o.row.outcome)),
        ("placement", lambda o: o.row.placement),
        ("language", lambda o: o.row.language),
    ):
        table: dict[str, tuple[int, int]] = {}
        for outcome in outcomes:
            right, total = table.get(key(outcome), (0, 0))
            table[key(outcome)] = (right + outcome.right, total + 1)
        groups[label] = dict(sorted(table.items()))
    return Score(
        accuracy=sum(outcome.right for outcome in outcomes) / len(outcomes),
        declared_distractors=sum(outcome.declared_distractor for outcome in outcomes),
        groups=groups,
    )


def report(outcomes: Sequence[Outcome], result: Score) -> None:
    """Print the misses, then the figures."""
    for outcome in outcomes:
        if outcome.right:
            continue
        row, got = outcome.row, outcome.reading
        print(f"#{row.number} [{row.placement} {row.language} {' '.join(sorted(row.tags))}]")
        print(f"    expected {row.outcome}/{row.relation} got {got.outcome}/{got.relation}")
        print(f"    snippet:  {row.text!r}")
        print(f"    evidence: {got.evidence}")
    named = [o for o in outcomes if o.row.name is not None]
    names_right = sum(o.reading.relative_name == o.row.name for o in named)
    for o in named:
        if o.reading.relative_name != o.row.name:
            print(f"#{o.row.number} name: expected {o.row.name!r} got {o.reading.relative_name!r}")
    print(f"snippets: {len(outcomes)}")
    print(f"accuracy: {result.accuracy:.1%} (at least {MIN_ACCURACY:.0%})")
    for label, table in result.groups.items():
        cells = ", ".join(
            f"{key} {right}/{total} ({right / total:.0%})" for key, (right, total) in table.items()
        )
        print(f"  by {label}: {cells}")
    print(f"relatives' names found: {names_right}/{len(named)}")
    print(f"distractors read as declared: {result.declared_distractors} (must be 0)")


def main() -> None:
    started = time.perf_counter()
    outcomes = evaluate()
    result = score(outcomes)
    report(outcomes, result)
    print(
        f"time: {time.perf_counter() - started:.1f} s (building and extracting the files included)"
    )
    sys.exit(0 if result.passed else 1)


if __name__ == "__main__":
    main()
