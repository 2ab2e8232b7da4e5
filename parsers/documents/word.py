"""Word (.docx, .docm) attachments to text: body, tables, text boxes, headers, footers, notes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx.opc.package import OpcPackage
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml

from parsers.documents.cleaning import text_extraction
from parsers.documents.model import Extraction, ExtractionLimits
from parsers.documents.problems import UnreadableDocument
from parsers.documents.sniff import FileType

# Relationship types end the same way in transitional and strict OOXML.
_MAIN_RELATIONSHIP = "/officeDocument"
_BEFORE_BODY = ("/header",)
_AFTER_BODY = ("/footnotes", "/endnotes", "/footer")
# Alternative renderings (mc:Fallback) repeat text; deletions and field codes are not text.
_SKIPPED = frozenset({"Fallback", "del", "moveFrom", "instrText", "delText", "pPr", "rPr"})
_RUN_CHARACTERS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


def read_word(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """Text of every part a reader sees, in reading order; a .docm also reports its macros."""
    package = OpcPackage.open(io.BytesIO(payload))
    main = _main_part(package)
    lines = [
        *_related_lines(main, _BEFORE_BODY),
        *_block_lines(_element(main)),
        *_related_lines(main, _AFTER_BODY),
    ]
    return text_extraction(
        file_type, "\n".join(lines), limits, has_macros=file_type == FileType.DOCM
    )


def _main_part(package: OpcPackage) -> Part:
    """The main document part, found through the package relationships (it may be renamed)."""
    for relationship in package.rels.values():
        if relationship.reltype.endswith(_MAIN_RELATIONSHIP) and not relationship.is_external:
            part: Part = relationship.target_part
            return part
    raise UnreadableDocument("no main document part in the package")


def _related_lines(main: Part, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Lines of the parts the main part links to with these relationship types, in order."""
    for suffix in suffixes:
        for relationship in main.rels.values():
            if relationship.reltype.endswith(suffix) and not relationship.is_external:
                yield from _block_lines(_element(relationship.target_part))


def _element(part: Part) -> Any:
    """A part's XML tree, parsed with python-docx's parser (entities are not resolved)."""
    if isinstance(part, XmlPart):
        return part.element
    return parse_xml(part.blob)


def _local(element: Any) -> str:
    """An element's tag without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _block_lines(container: Any) -> Iterator[str]:
    """Lines of the paragraphs and tables in a container (body, cell, text box, header…)."""
    for child in container:
        name = _local(child)
        if name == "p":
            yield from _paragraph_lines(child)
        elif name == "tbl":
            yield from _table_lines(child)
        elif name and name not in _SKIPPED:
            yield from _block_lines(child)


def _paragraph_lines(paragraph: Any) -> Iterator[str]:
    """A paragraph's text, then the text boxes anchored in it."""
    pieces: list[str] = []
    boxes: list[str] = []
    _collect_runs(paragraph, pieces, boxes)
    yield "".join(pieces)
    yield from boxes


def _collect_runs(element: Any, pieces: list[str], boxes: list[str]) -> None:
    """Run text of an element into ``pieces``; text-box contents into ``boxes``."""
    for child in element:
        name = _local(child)
        if name == "t":
            pieces.append(child.text or "")
        elif name in _RUN_CHARACTERS:
            pieces.append(_RUN_CHARACTERS[name])
        elif name == "txbxContent":
            boxes.extend(_block_lines(child))
        elif name and name not in _SKIPPED:
            _collect_runs(child, pieces, boxes)


def _table_lines(table: Any) -> Iterator[str]:
    """One line per row, cells separated by tabs; a nested table stays inside its cell."""
    for row in _descendants_named(table, "tr", "tbl"):
        cells = _descendants_named(row, "tc", "tr")
        yield "\t".join(" ".join(_block_lines(cell)) for cell in cells)


def _descendants_named(element: Any, name: str, stop: str) -> list[Any]:
    """Elements with this local name under ``element``, through wrappers (sdt, customXml…),
    not looking inside nested ``stop`` elements."""
    found = []
    for child in element:
        local = _local(child)
        if local == name:
            found.append(child)
        elif local and local != stop and local not in _SKIPPED:
            found.extend(_descendants_named(child, name, stop))
    return found
