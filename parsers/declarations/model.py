"""The frozen values of the relatives-declaration reader: texts in, one declaration out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SENTENCE_CAP = 400


class RelativesOutcome(StrEnum):
    """What the candidate said about relatives on the organisation's staff."""

    DECLARED = "declared"
    DENIED = "denied"
    NONE = "none"


@dataclass(frozen=True)
class SourceText:
    """One text of an application and where it comes from ("the email body", "CV cv.pdf")."""

    where: str
    text: str


@dataclass(frozen=True)
class RelativesDeclaration:
    """The outcome and the evidence that decided it (no evidence for NONE)."""

    outcome: RelativesOutcome
    sentence: str | None = None
    relation: str | None = None
    relative_name: str | None = None
    where: str | None = None

    @property
    def evidence(self) -> str | None:
        """One line for HR: the quoted sentence, then where it is, the relation and the name."""
        if self.outcome is RelativesOutcome.NONE or self.sentence is None:
            return None
        details = [self.where] if self.where else []
        if self.relation:
            details.append(f"relation: {self.relation}")
        if self.relative_name:
            details.append(f"name: {self.relative_name}")
        suffix = f" ({'; '.join(details)})" if details else ""
        return f'"{self.sentence}"{suffix}'


def evidence_sentence(text: str) -> str:
    """``text`` on one line, runs of whitespace as one space, cut at SENTENCE_CAP characters."""
    line = " ".join(text.split())
    if len(line) <= SENTENCE_CAP:
        return line
    return line[: SENTENCE_CAP - 1].rstrip() + "…"
