"""Form lines about relatives: "Family members in the Organization: No", a DOCX table row
"Relatives at the WCO<TAB>Yes, my father Jan de Vries", a ticked "☒ No"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.declarations import cues
from parsers.declarations.family import generic_matches
from parsers.declarations.folded import folded
from parsers.declarations.model import RelativesOutcome
from parsers.declarations.organisation import Organisation
from parsers.declarations.vocabulary import (
    BARE_RELATION,
    RELATION_PATTERNS,
    RELATION_WORDS,
    canonical,
)

_QUESTION_END = re.compile(r"\?|:(?!//)")
_MAX_QUESTION_WORDS = 30
_TICK = r"(?:☒|☑|✔|✓|■|\[x\]|\(x\))"
# A tick before the option ("☐ Yes ☒ No"), else after it ("Yes [ ] No [x]").
_TICKED = (
    re.compile(rf"{_TICK}\s*(yes|no|oui|non)(?![\w])"),
    re.compile(rf"(?<![\w])(yes|no|oui|non)\s*{_TICK}"),
)
_NO = re.compile(
    r"\s*(?:no|non|none|nil|n/?a|not\s+applicable|non\s+applicable|sans\s+objet|neant|"
    r"aucune?s?|nobody|no\s+one|personne|not\s+related|nothing|rien)(?![\w/])|\s*[-–—]+\s*$"
)
_KINSHIP = re.compile(r"(?<![\w-])(?:relationships?|relations?|kinship|parente|liens?)(?![\w-])")
# A label naming a relative, or the relative's employer ("Spouse", "Spouse's employer").
_RELATIVE_LABEL = re.compile(
    rf"(?:(?:my|your)\s+)?(?P<word>{RELATION_WORDS})(?:'s?\s+(?:employer|workplace|place\s+of\s+"
    r"work|organi[sz]ation|employment|occupation|position|job))?|(?:employeur|lieu\s+de\s+"
    rf"travail|emploi|profession)\s+d(?:u|e\s+la|e\s+l'|e|')\s*(?P<french>{RELATION_WORDS})"
)
_YES = re.compile(r"\s*(?:yes|oui|y)(?![\w])")


@dataclass(frozen=True)
class FormLine:
    """A question about relatives at the organisation and the answer written next to it."""

    question: str
    answer: str
    relation: str | None = None

    @property
    def sentence(self) -> str:
        return f"{self.question.rstrip(' :')}: {self.answer}"


def form_line(line: str, following: str, organisation: Organisation) -> FormLine | None:
    """The question and answer of a form line; an empty answer is read from ``following``."""
    if "\t" in line:
        cells = [cell.strip() for cell in line.split("\t")]
        for index, cell in enumerate(cells):
            if _is_question(cell, organisation):
                return _answered(cell, " ".join(filter(None, cells[index + 1 :])), following)
        return _relative_at_work(cells[0], " ".join(filter(None, cells[1:])), organisation)
    end = _QUESTION_END.search(line)
    if end is None:
        return None
    question, answer = line[: end.start()], line[end.end() :].strip()
    if _is_question(question, organisation):
        return _answered(question, answer, following)
    return _relative_at_work(question, answer, organisation)


def _relative_at_work(label: str, value: str, organisation: Organisation) -> FormLine | None:
    """A line labelled with a relation whose value names the organisation ("Spouse: Ahmed
    Hassan, Technical Officer, WCO Secretariat")."""
    word = _RELATIVE_LABEL.fullmatch(folded(label.strip()).text)
    value_text = folded(value).text
    if word is None or not organisation.places(value_text) or cues.PAST.search(value_text):
        return None
    return FormLine(label.strip(), value, canonical(word.group("word") or word.group("french")))


def _answered(question: str, answer: str, following: str) -> FormLine | None:
    if not answer:
        answer = following.strip() if len(following) <= 200 else ""
    if ":" in answer and not (_YES.match(answer.lower()) or _NO.match(answer.lower())):
        answer = answer.rsplit(":", 1)[1].strip()
    return FormLine(question.strip(), answer) if answer else None


def _is_question(text: str, organisation: Organisation) -> bool:
    text = folded(text).text
    if len(text.split()) > _MAX_QUESTION_WORDS:
        return False
    family = (
        BARE_RELATION.search(text) or _KINSHIP.search(text) or next(generic_matches(text), None)
    )
    return bool(family) and bool(organisation.places(text))


def answer_outcome(answer: str) -> RelativesOutcome | None:
    """DECLARED for a yes or a named relative, DENIED for a no, None for anything else."""
    text = folded(answer).text
    ticked = _TICKED[0].search(text) or _TICKED[1].search(text)
    if ticked:
        said = ticked.group(1)
        return RelativesOutcome.DENIED if said in ("no", "non") else RelativesOutcome.DECLARED
    if _NO.match(text):
        return RelativesOutcome.DENIED
    if _YES.match(text):
        return RelativesOutcome.DECLARED
    if cues.NEGATION.search(text):
        return RelativesOutcome.DENIED
    if BARE_RELATION.search(text) or next(generic_matches(text), None):
        return RelativesOutcome.DECLARED
    return None


def answer_relation(answer: str) -> tuple[str, int, int] | None:
    """The relation word of an answer (as matched) and its span in the original answer."""
    text = folded(answer)
    found = [m for p in RELATION_PATTERNS if (m := p.search(text.text))]
    found = found or [m for m in [BARE_RELATION.search(text.text)] if m]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    start, end = text.original_offset(match.start()), text.original_offset(match.end())
    return match.group("word"), start, end
