"""Real documents built as bytes for the extraction tests: PDFs, scans, images, DOCX, ODT, RTF."""

from __future__ import annotations

import io
import os
import shutil
import struct
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pypdfium2
import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.table import Table as WordTable
from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P
from PIL import Image

__all__ = [
    "FONT_PACKAGE",
    "billion_laughs_odt_bytes",
    "docx_bytes",
    "docx_zip_bomb_bytes",
    "entity_docx_bytes",
    "finishes_within",
    "image_bytes",
    "legacy_doc_bytes",
    "looping_pdf_bytes",
    "lying_size_docx_bytes",
    "missing_in_ci_fails",
    "odt_bytes",
    "pdf_bytes",
    "require_tesseract",
    "rtf_bytes",
    "scanned_pdf_bytes",
    "zip_bytes",
]

TESSERACT_HINT = (
    "Tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra"
)


def require_tesseract() -> None:
    """Skip the calling test without the tesseract program; under CI=true, fail instead."""
    if shutil.which("tesseract") is None:
        missing_in_ci_fails(TESSERACT_HINT)


def missing_in_ci_fails(message: str) -> None:
    """Skip the calling test for something missing here; under CI=true, fail instead."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


Result = TypeVar("Result")


def finishes_within(seconds: float, work: Callable[[], Result]) -> Result:
    """The result of ``work``, failing the test when it runs longer (a hang) or raises."""
    results: list[Result] = []
    worker = threading.Thread(target=lambda: results.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"still running after {seconds} s")
    assert results, "raised instead of returning (see the thread exception above)"
    return results[0]


#: A Unicode font for French accents; from the Debian package below, else PDFs use Helvetica.
FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_PACKAGE = "fonts-dejavu-core"
RENDER_DPI = 200
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BOMB_INFLATED_BYTES = 1024**3
_CHUNK = b"\0" * (1024 * 1024)


# -- PDF and images ---------------------------------------------------------------------------


def pdf_bytes(
    pages: list[str], *, user_password: str | None = None, owner_password: str | None = None
) -> bytes:
    """A text PDF, one page per string; encrypted (RC4) when a password is given."""
    pdf = FPDF(format="A4")
    font = _set_font(pdf)
    for page in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, page if font else page.encode("latin-1", "replace").decode("latin-1"))
    if user_password is not None or owner_password is not None:
        owner = owner_password if owner_password is not None else user_password
        pdf.set_encryption(owner_password=owner or "", user_password=user_password)
    return bytes(pdf.output())


def _set_font(pdf: FPDF) -> bool:
    """DejaVu Sans when installed (True), else the core Helvetica (latin-1 only)."""
    if FONT_PATH.is_file():
        pdf.add_font("DejaVu", fname=str(FONT_PATH))
        pdf.set_font("DejaVu", size=14)
        return True
    pdf.set_font("Helvetica", size=14)
    return False


def _rendered_pages(pages: list[str]) -> list[Image.Image]:
    """The text PDF of these pages rendered to bitmaps."""
    document = pypdfium2.PdfDocument(pdf_bytes(pages))
    try:
        return [page.render(scale=RENDER_DPI / 72).to_pil() for page in document]
    finally:
        document.close()


def scanned_pdf_bytes(pages: list[str]) -> bytes:
    """A PDF whose pages are only pictures of text: no text layer at all."""
    pdf = FPDF(format="A4")
    for picture in _rendered_pages(pages):
        pdf.add_page()
        pdf.image(picture.convert("L"), x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def mixed_pdf_bytes(pages: list[tuple[str, str]]) -> bytes:
    """A PDF of typed and scanned pages: each ``("text", words)``, ``("scan", words)`` (a
    picture of the words, no text layer) or ``("blank", "")``."""
    pdf = FPDF(format="A4")
    font = _set_font(pdf)
    for kind, words in pages:
        pdf.add_page()
        if kind == "text":
            pdf.multi_cell(0, 8, words if font else words.encode("latin-1", "replace").decode())
        elif kind == "scan":
            picture = _rendered_pages([words])[0].convert("L")
            pdf.image(picture, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def image_bytes(text: str, format: str = "PNG") -> bytes:
    """A picture of a page with this text, in an image format Pillow writes (PNG, JPEG, TIFF…)."""
    picture = _rendered_pages([text])[0].convert("RGB")
    output = io.BytesIO()
    picture.save(output, format=format)
    return output.getvalue()


def looping_pdf_bytes() -> bytes:
    """A hand-written PDF with reference loops: a page tree that is its own kid and parent,
    an indirect object that is a reference to itself, and a form that draws itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R]"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /X1 7 0 R >> >> >>",
        _pdf_stream(b"", b"BT /F1 12 Tf 72 720 Td (Loop test) Tj ET /X1 Do"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"6 0 R",
        _pdf_stream(
            b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]"
            b" /Resources << /XObject << /X1 7 0 R >> >>",
            b"/X1 Do",
        ),
    ]
    return _assemble_pdf(objects)


def _pdf_stream(dictionary: bytes, content: bytes) -> bytes:
    """An uncompressed PDF stream object body."""
    length = str(len(content)).encode()
    return b"<< " + dictionary + b" /Length " + length + b" >>\nstream\n" + content + b"\nendstream"


def _assemble_pdf(objects: list[bytes]) -> bytes:
    """Numbered objects (1, 2, …) with a correct cross-reference table; object 1 is the root."""
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    output += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(output)


# -- Word, OpenDocument, RTF, legacy Word -----------------------------------------------------

_TEXT_BOX_XML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
    '<v:shape style="width:200pt;height:50pt"><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)
_DOCM_CONTENT_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
_DOCX_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)


def docx_bytes(
    paragraphs: list[str],
    *,
    table_rows: list[list[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    text_box: str | None = None,
    macro: bool = False,
    nested_table_rows: list[list[str]] | None = None,
) -> bytes:
    """A Word document written by python-docx; ``macro`` makes it a .docm with a VBA project.

    ``nested_table_rows`` is a table put in the first cell of ``table_rows``' table.
    """
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        table = _add_rows(document.add_table(rows=0, cols=len(table_rows[0])), table_rows)
        if nested_table_rows:
            cell = table.cell(0, 0)
            _add_rows(cell.add_table(rows=0, cols=len(nested_table_rows[0])), nested_table_rows)
    if text_box is not None:
        escaped = text_box.replace("&", "&amp;").replace("<", "&lt;")
        document.add_paragraph()._p.append(parse_xml(_TEXT_BOX_XML.format(text=escaped)))
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    output = io.BytesIO()
    document.save(output)
    return _macro_enabled(output.getvalue()) if macro else output.getvalue()


def _add_rows(table: WordTable, rows: list[list[str]]) -> WordTable:
    """Append rows of cell texts to a python-docx table."""
    for values in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, values, strict=False):
            cell.text = value
    return table


def _macro_enabled(docx: bytes) -> bytes:
    """The same package as a .docm: macro-enabled main content type and a vbaProject.bin."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(_DOCX_CONTENT_TYPE.encode(), _DOCM_CONTENT_TYPE.encode())
            target.writestr(info, data)
        target.writestr("word/vbaProject.bin", OLE2_SIGNATURE + bytes(504))
    return output.getvalue()


def odt_bytes(
    paragraphs: list[str],
    *,
    heading: str | None = None,
    table_rows: list[list[str]] | None = None,
) -> bytes:
    """An OpenDocument text written by odfpy: an optional heading, paragraphs, a table."""
    document = OpenDocumentText()
    if heading is not None:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    if table_rows:
        table = Table(name="Table1")
        for values in table_rows:
            row = TableRow()
            for value in values:
                cell = TableCell()
                cell.addElement(P(text=value))
                row.addElement(cell)
            table.addElement(row)
        document.text.addElement(table)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def rtf_bytes(paragraphs: list[str]) -> bytes:
    """A hand-written RTF document; characters beyond ASCII as \\u escapes."""
    body = "".join(_rtf_escape(text) + "\\par\n" for text in paragraphs)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\n" + body + "}").encode("ascii")


def _rtf_escape(text: str) -> str:
    """RTF for plain text: braces and backslashes escaped, non-ASCII as signed \\uN?."""
    pieces = []
    for character in text:
        code = ord(character)
        if character in "\\{}":
            pieces.append("\\" + character)
        elif code < 128:
            pieces.append(character)
        else:
            pieces.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(pieces)


def legacy_doc_bytes() -> bytes:
    """The start of a legacy Word file: an OLE2 compound-file header, then padding."""
    return OLE2_SIGNATURE + bytes(8) + b"\x3e\x00\x03\x00\xfe\xff" + bytes(4074)


# -- hostile ZIP packages ---------------------------------------------------------------------


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated ZIP archive of these members, in order."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            stored = name == "mimetype"  # OpenDocument wants it first and uncompressed
            archive.writestr(name, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return output.getvalue()


def docx_zip_bomb_bytes() -> bytes:
    """A DOCX with a member that inflates to 1 GiB of zeros, written in chunks (little RAM)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["Bomb"]))) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            for _ in range(BOMB_INFLATED_BYTES // len(_CHUNK)):
                member.write(_CHUNK)
    return output.getvalue()


_LAUGH_ENTITIES = b"<!ENTITY lol0 'lol'>\n" + b"".join(
    b"<!ENTITY lol%d '%s'>\n" % (level, b"&lol%d;" % (level - 1) * 10) for level in range(1, 10)
)
_LAUGHS_CONTENT = (
    b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
%s]>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:text><text:p>&lol9;</text:p></office:text></office:body>
</office:document-content>
"""
    % _LAUGH_ENTITIES
)


def billion_laughs_odt_bytes() -> bytes:
    """An ODT whose content.xml declares nested entities that expand to a billion "lol"s."""
    with zipfile.ZipFile(io.BytesIO(odt_bytes(["Laughs"]))) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["content.xml"] = _LAUGHS_CONTENT
    return zip_bytes(members)


def lying_size_docx_bytes(padding_bytes: int = 20 * 1024 * 1024) -> bytes:
    """A DOCX whose word/document.xml inflates ``padding_bytes`` more than its directory says."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["Honest text"]))) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    declared = len(members["word/document.xml"])
    members["word/document.xml"] += b" " * padding_bytes
    return _declare_size(zip_bytes(members), "word/document.xml", declared)


def _declare_size(archive: bytes, name: str, size: int) -> bytes:
    """The archive with the central directory's uncompressed size of ``name`` replaced."""
    data = bytearray(archive)
    record = data.find(b"PK\x01\x02")
    while record >= 0:
        (name_length,) = struct.unpack_from("<H", data, record + 28)
        if data[record + 46 : record + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, record + 24, size)
        record = data.find(b"PK\x01\x02", record + 46)
    return bytes(data)


_ENTITY_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [
<!ENTITY secret "EXPANDED-ENTITY">
%(laughs)s
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Visible &secret; %(laugh)s</w:t></w:r></w:p>
</w:body></w:document>
"""


def entity_docx_bytes(*, laughs: bool = False) -> bytes:
    """A DOCX whose document.xml declares an ordinary entity, and with ``laughs`` a bomb."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["Replaced"]))) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/document.xml"] = _ENTITY_DOCUMENT % {
        b"laughs": _LAUGH_ENTITIES if laughs else b"",
        b"laugh": b"&lol9;" if laughs else b"",
    }
    return zip_bytes(members)
