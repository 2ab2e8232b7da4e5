"""What candidates really send, through analysis: a CV inside Outlook's winmail.dat, and a
phone photo of a CV (JPEG, HEIC), each read to text and judged a CV."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from intake.mailbox.base import RawMessage
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from storage.records import ApplicationRecord
from tests import candidate_files, messages
from tests.configs import make_config
from tests.documents import image_bytes
from tests.tnef_files import tnef_bytes

RECEIVED = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
Analyse = Callable[[bytes], ApplicationRecord]


@pytest.fixture
def analyse(tmp_path: Path) -> Iterator[Analyse]:
    """Analyse one message against the test vacancies, documents read in this process."""
    config = make_config(tmp_path, "sqlite:///:memory:")
    extractor = InlineExtractor(extraction_limits(config))
    analyser = Analyser(config, extractor)

    def run(data: bytes) -> ApplicationRecord:
        record = analyser.analyse(RawMessage("test", "INBOX", 1, "1", RECEIVED, data))
        assert record.application is not None, record.error
        return record.application

    yield run
    extractor.close()


def _with(*attachments: tuple[str, str, bytes]) -> bytes:
    letter = ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx())
    return messages.application(attachments=(*attachments, letter))


def test_a_cv_inside_winmail_dat_is_read_and_judged_a_cv(analyse: Analyse) -> None:
    winmail = tnef_bytes([("CV Maria Fernandez.pdf", candidate_files.cv_pdf())])
    application = analyse(_with(("winmail.dat", "application/ms-tnef", winmail)))
    cv = application.documents[0]
    assert (cv.filename, cv.kind, cv.status) == ("CV Maria Fernandez.pdf", "cv", "ok")
    assert "Professional experience" in (cv.text or "")
    assert application.has_cv is True
    assert "cv_missing" not in [flag.code for flag in application.flags]


def test_a_jpeg_photo_of_a_cv_is_read_by_ocr_and_judged_a_cv(analyse: Analyse) -> None:
    photo = image_bytes(candidate_files.CV_TEXT, "JPEG")
    application = analyse(_with(("IMG_2041.jpg", "image/jpeg", photo)))
    cv = application.documents[0]
    assert (cv.kind, cv.status) == ("cv", "ocr")
    assert "Fern" in (cv.text or "")
    assert application.has_cv is True


def test_a_heic_photo_turned_on_its_side_is_read_upright(analyse: Analyse) -> None:
    page = Image.open(io.BytesIO(image_bytes(candidate_files.CV_TEXT, "PNG"))).rotate(
        90, expand=True
    )
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned; show it turned back 90° clockwise
    output = io.BytesIO()
    page.save(output, format="HEIF", exif=exif.tobytes(), quality=90)
    application = analyse(_with(("IMG_2042.HEIC", "image/heic", output.getvalue())))
    cv = application.documents[0]
    assert (cv.kind, cv.status) == ("cv", "ocr")
    assert "Professional experience" in (cv.text or "")
