"""OpenDocument text (.odt) attachments to text: headings, paragraphs, lists, tables, frames."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from parsers.documents.cleaning import text_extraction
from parsers.documents.model import Extraction, ExtractionLimits
from parsers.documents.problems import UnreadableDocument
from parsers.documents.zipcheck import read_member

_TEXT_NAMESPACE = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SPACE_COUNT = f"{{{_TEXT_NAMESPACE}}}c"
_MAX_SPACES = 100
_PARAGRAPHS = frozenset({"p", "h"})
# Annotations are reviewers' comments; note citations are footnote numbers; both not body text.
_SKIPPED = frozenset({"annotation", "note-citation", "tracked-changes", "sequence-decls"})
_INLINE_CHARACTERS = {"tab": "\t", "line-break": "\n", "soft-page-break": ""}


def read_odt(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """Text of content.xml, parsed with defusedxml (no DTD entities, no external resources).

    odfpy reads with xml.sax, which would expand a DTD's internal entities, so it is not used.
    """
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        content = read_member(archive, "content.xml", limits.max_unzipped_bytes)
    try:
        root = fromstring(content, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnreadableDocument(f"content.xml refused: {exc}") from exc
    return text_extraction(file_type, "\n".join(_block_lines(root)), limits)


def _local(element: Element) -> str:
    """A tag's local name, without its namespace."""
    return element.tag.rpartition("}")[2]


def _block_lines(container: Element) -> Iterator[str]:
    """Lines of the paragraphs and table rows under a container, in document order."""
    for child in container:
        name = _local(child)
        if name in _PARAGRAPHS:
            yield from _paragraph_lines(child)
        elif name == "table-row":
            yield "\t".join(" ".join(_block_lines(cell)) for cell in child)
        elif name not in _SKIPPED:
            yield from _block_lines(child)


def _paragraph_lines(paragraph: Element) -> Iterator[str]:
    """A paragraph's text, then the text of frames (text boxes) anchored in it."""
    pieces: list[str] = []
    frames: list[str] = []
    _collect_inline(paragraph, pieces, frames)
    yield "".join(pieces)
    yield from frames


def _collect_inline(element: Element, pieces: list[str], frames: list[str]) -> None:
    """Text of spans, links and spacing elements into ``pieces``; frame text into ``frames``."""
    pieces.append(element.text or "")
    for child in element:
        name = _local(child)
        if name == "s":
            pieces.append(" " * min(_space_count(child), _MAX_SPACES))
        elif name in _INLINE_CHARACTERS:
            pieces.append(_INLINE_CHARACTERS[name])
        elif name == "frame":
            frames.extend(_block_lines(child))
        elif name not in _SKIPPED:
            _collect_inline(child, pieces, frames)
        pieces.append(child.tail or "")


def _space_count(element: Element) -> int:
    """How many spaces a text:s element stands for."""
    value = element.get(_SPACE_COUNT, "1")
    return int(value) if value.isdigit() else 1
