"""DeclarationReader: every text of an application read for a relatives declaration."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from parsers.declarations.clauses import judge
from parsers.declarations.folded import folded
from parsers.declarations.follow_up import Antecedent, antecedent, restated
from parsers.declarations.forms import FormLine, answer_outcome, answer_relation, form_line
from parsers.declarations.hints import Hints, quick_fold
from parsers.declarations.marks import find_marks
from parsers.declarations.model import (
    RelativesDeclaration,
    RelativesOutcome,
    SourceText,
    evidence_sentence,
)
from parsers.declarations.names import relative_name
from parsers.declarations.organisation import Organisation
from parsers.declarations.segments import logical_line, raw_lines, sentences
from parsers.declarations.sentence import Sentence
from parsers.declarations.vocabulary import RELATIVE, canonical
from parsers.folding import fold

NOTHING = RelativesDeclaration(RelativesOutcome.NONE)


class DeclarationReader:
    """Built once with the organisation's names; ``read`` takes one application's texts."""

    def __init__(self, organisation_terms: Sequence[str] = ()) -> None:
        self._organisation = Organisation(organisation_terms)
        self._hints = Hints(organisation_terms)
        self._not_names = frozenset(fold(" ".join(organisation_terms)).split())

    def read(self, texts: Sequence[SourceText]) -> RelativesDeclaration:
        """A declaration anywhere wins (the most detailed one), else a denial, else NONE."""
        declared: list[RelativesDeclaration] = []
        denied: RelativesDeclaration | None = None
        for source in texts:
            for finding in self._findings(source.text):
                finding = replace(finding, where=source.where)
                if finding.outcome is RelativesOutcome.DECLARED:
                    declared.append(finding)
                elif denied is None:
                    denied = finding
        if declared:
            return max(declared, key=_detail)
        return denied or NOTHING

    def _findings(self, text: str) -> Iterator[RelativesDeclaration]:
        """Every declaration or denial in one text, in reading order."""
        family = self._hints.family_words(text)
        if not family:
            return
        lines = raw_lines(text)
        done = 0
        for index, raw in enumerate(lines):
            lowered = raw.lower() if raw.isascii() else quick_fold(raw)
            if index < done or not any(word in lowered for word in family):
                continue
            start, done = logical_line(lines, index)
            line = " ".join(lines[start:done])
            following = _following(lines, done)
            if self._hints.may_speak(f"{line} {following}"):
                yield from self._line(line, following)

    def _line(self, line: str, following: str) -> Iterator[RelativesDeclaration]:
        """A form line's answer, else what each sentence of the line says."""
        form = form_line(line, following, self._organisation)
        found = self._answer(form) if form else None
        if found is not None:
            yield found
            return
        previous: Antecedent | None = None
        for sentence in sentences(line):
            found = self._sentence(sentence)
            if found is None and previous is not None:
                found = self._follow_up(previous, sentence)
            if found is not None:
                yield found
            previous = antecedent(sentence, self._organisation) if found is None else None
        # The pronoun may open the next line ("…my brother, Piotr.\nHe works at the WCO.").
        following_sentence = next(iter(sentences(following)), None) if following else None
        if previous is not None and following_sentence is not None:
            found = self._follow_up(previous, following_sentence)
            if found is not None:
                yield found

    def _follow_up(self, previous: Antecedent, sentence: str) -> RelativesDeclaration | None:
        """A declaration whose second sentence ties the relative of the first one ("My
        sister works in Finance. She joined the WCO in 2019."); evidence: both sentences."""
        text = restated(previous, sentence)
        found = self._sentence(text) if text is not None else None
        if found is None or found.outcome is not RelativesOutcome.DECLARED:
            return None
        both = evidence_sentence(f"{previous.sentence} {sentence}")
        name = relative_name(previous.sentence, previous.start, previous.end, self._not_names)
        return replace(found, sentence=both, relative_name=found.relative_name or name)

    def _sentence(self, text: str) -> RelativesDeclaration | None:
        if not self._hints.may_speak(text):
            return None
        source = folded(text)
        verdict = judge(Sentence(source, find_marks(source, self._organisation)))
        if verdict is None:
            return None
        if verdict.family is None:
            return RelativesDeclaration(verdict.outcome, evidence_sentence(text))
        start = source.original_offset(verdict.family.start)
        end = source.original_offset(verdict.family.end)
        name = relative_name(text, start, end, self._not_names)
        return RelativesDeclaration(
            verdict.outcome, evidence_sentence(text), verdict.family.relation, name
        )

    def _answer(self, form: FormLine) -> RelativesDeclaration | None:
        if form.relation is not None:
            name = relative_name(form.answer, 0, 0, self._not_names)
            sentence = evidence_sentence(form.sentence)
            return RelativesDeclaration(RelativesOutcome.DECLARED, sentence, form.relation, name)
        outcome = answer_outcome(form.answer)
        if outcome is None:
            return None
        sentence = evidence_sentence(form.sentence)
        if outcome is RelativesOutcome.DENIED:
            return RelativesDeclaration(outcome, sentence)
        relation = answer_relation(form.answer)
        if relation is None:
            name = relative_name(form.answer, 0, _yes_end(form.answer), self._not_names)
            return RelativesDeclaration(outcome, sentence, RELATIVE, name)
        word, start, end = relation
        name = relative_name(form.answer, start, end, self._not_names)
        return RelativesDeclaration(outcome, sentence, canonical(fold(word)), name)


def _following(lines: list[str], start: int) -> str:
    """The logical line starting at ``start`` (an answer written under its question)."""
    if start >= len(lines):
        return ""
    begin, end = logical_line(lines, start)
    return " ".join(lines[begin:end])


def _yes_end(answer: str) -> int:
    stripped = answer.lstrip()
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    return len(answer) - len(stripped) + len(first.rstrip(",.:;-–"))


def _detail(found: RelativesDeclaration) -> int:
    """How much a declaration tells HR: a name, then a specific relation."""
    return 2 * (found.relative_name is not None) + (found.relation not in (None, RELATIVE))
