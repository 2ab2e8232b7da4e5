"""Relatives declarations in application texts: declared, denied or none, with evidence (pure)."""

from parsers.declarations.model import (
    RelativesDeclaration,
    RelativesOutcome,
    SourceText,
)
from parsers.declarations.reader import DeclarationReader

__all__ = ["DeclarationReader", "RelativesDeclaration", "RelativesOutcome", "SourceText"]
