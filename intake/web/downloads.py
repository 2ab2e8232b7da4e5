"""Downloads: one document, or the filtered candidates as CSV or XLSX; always attachments."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.orm import Session
from starlette.responses import Response

from intake.hr.candidates.sheet import headings, sheet_rows
from intake.hr.export.safe_names import safe_name
from intake.output import write_rows
from intake.web.export_rows import export_dicts
from intake.web.listing import Filters, everything, filtered
from intake.web.pages import NotFound, Page
from storage.candidate_models import Candidate, CandidateLink
from storage.database import write_transaction
from storage.large_transfers import note_read
from storage.models import Document
from storage.web_audit import record_web_action

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content: bytes, filename: str, media_type: str) -> Response:
    """``content`` as a download named ``filename`` (made safe), never shown inline."""
    name = safe_name(filename)
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
    headers = {"Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"}
    return Response(content, media_type=media_type, headers=headers)


def document_download(page: Page) -> Response:
    """GET /documents/M: the stored bytes as application/octet-stream; audited."""
    document_id = int(page.request.path_params["document_id"])
    with write_transaction(page.console.sessions) as session:
        document = session.get(Document, document_id)
        if document is None or document.content is None or not _readable(session, page, document):
            raise NotFound
        record_web_action(
            session, "download", page.account.name, f"document {document_id}", page.address
        )
        content, filename = bytes(document.content), document.filename
        note_read(session, len(content))
    return attachment(content, filename, "application/octet-stream")


def _readable(session: Session, page: Page, document: Document) -> bool:
    link = session.get(CandidateLink, document.application_id)
    if link is None:
        return page.account.role != "panel"
    candidate = session.get(Candidate, link.candidate_id)
    return candidate is not None and page.account.reads(candidate.vacancy)


def export(page: Page) -> Response:
    """GET /candidates/export.csv or .xlsx: what the filter shows, every page of it; audited."""
    fmt = page.request.path_params["fmt"]
    if fmt not in ("csv", "xlsx"):
        raise NotFound
    filters = Filters.parse(page.request.query_params)
    zone = page.console.config.organisation.timezone
    with write_transaction(page.console.sessions) as session:
        candidates = everything(session, filtered(filters, page.account))
        items = list(export_dicts(session, candidates))
        record_web_action(
            session, "export", page.account.name, f"{len(items)} candidates as {fmt}", page.address
        )
    if fmt == "xlsx":
        return attachment(_workbook(items, zone), "candidates.xlsx", XLSX)
    stream = io.StringIO()
    write_rows(sheet_rows(items, zone), headings(zone), "csv", stream)
    return attachment(stream.getvalue().encode("utf-8"), "candidates.csv", "text/csv")


def _workbook(items: list[dict[str, object]], zone: object) -> bytes:
    from intake.hr.candidates.workbook import write_workbook

    with tempfile.TemporaryDirectory(prefix="intake-web-") as folder:
        path = Path(folder) / "candidates.xlsx"
        write_workbook(path, items, zone)  # type: ignore[arg-type]
        return path.read_bytes()
