"""Text of scanned pages and pictures by Tesseract OCR; PDF pages rendered with pypdfium2."""

from __future__ import annotations

import io
import math
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytesseract
from PIL import Image, ImageOps, ImageSequence
from pillow_heif import register_heif_opener

from parsers.documents.cleaning import text_extraction
from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits
from parsers.documents.ocr_slots import OcrSlots, Slot
from parsers.documents.problems import UnreadableDocument
from parsers.documents.tesseract import OCR_INSTALL_HINT, ocr_available

RENDER_DPI = 200
#: A page or picture larger than this is scaled down (PDF) or refused (image) before OCR.
MAX_PIXELS = 40_000_000
#: A picture narrower or lower than this holds no readable page (a logo in a signature, an
#: icon): it is not sent to Tesseract.
MIN_PAGE_PIXELS = 200

register_heif_opener()  # Pillow opens phones' HEIC photos too (libheif ships in the wheel)


def ocr_pdf(
    payload: bytes, file_type: str, limits: ExtractionLimits, pages: int | None
) -> Extraction:
    """A PDF without a text layer: OCR of its first pages, or ``no_text`` saying why not."""
    refusal = _refusal(limits)
    if refusal is not None:
        return Extraction(DocumentStatus.NO_TEXT, file_type, pages=pages, problem=refusal)
    document = pypdfium2.PdfDocument(payload)
    try:
        count = min(len(document), limits.max_pages, limits.max_ocr_pages)
        texts = _recognise_all((_render(document[index]) for index in range(count)), limits)
    finally:
        document.close()
    return _ocr_extraction(file_type, texts, limits, pages)


@dataclass(frozen=True)
class PageReading:
    """OCR of some pages of a PDF that has a text layer elsewhere."""

    texts: dict[int, str]  # page index (from 0) to Tesseract's text
    problem: str | None = None


def ocr_pages(payload: bytes, indexes: Sequence[int], limits: ExtractionLimits) -> PageReading:
    """OCR of those pages (``indexes``, from 0, without a text layer) that show a picture: a
    scanned page in a typed document. A page with no picture (left blank) is not rendered."""
    document = pypdfium2.PdfDocument(payload)
    try:
        pictured = [index for index in indexes if _shows_a_picture(document[index])]
        if not pictured:
            return PageReading({})
        refusal = _refusal(limits)
        if refusal is not None:
            return PageReading({}, f"{_page_list(pictured)}: {refusal}")
        chosen = pictured[: limits.max_ocr_pages]
        texts = _recognise_all((_render(document[index]) for index in chosen), limits)
    finally:
        document.close()
    unread = pictured[len(texts) :]
    problem = None
    if unread:
        problem = f"OCR did not read {_page_list(unread)} (max_ocr_pages={limits.max_ocr_pages},"
        problem += f" ocr_seconds={limits.ocr_seconds})"
    return PageReading(dict(zip(chosen, texts, strict=False)), problem)


def read_image(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """A picture attachment (each frame of a TIFF or GIF a page) read by OCR."""
    refusal = _refusal(limits)
    if refusal is not None:
        return Extraction(DocumentStatus.NO_TEXT, file_type, problem=refusal)
    with Image.open(io.BytesIO(payload)) as picture:
        if min(picture.size) < MIN_PAGE_PIXELS:
            width, height = picture.size
            problem = f"picture of {width}×{height} pixels, too small to hold a page of text"
            return Extraction(DocumentStatus.NO_TEXT, file_type, pages=1, problem=problem)
        frames = getattr(picture, "n_frames", 1)
        pictures = _frames(picture, min(limits.max_pages, limits.max_ocr_pages))
        texts = _recognise_all(pictures, limits)
    return _ocr_extraction(file_type, texts, limits, frames)


def _refusal(limits: ExtractionLimits) -> str | None:
    """Why OCR cannot run here, or None when it can."""
    if not limits.ocr:
        return "no text layer; OCR is turned off"
    if not ocr_available():
        return f"no text layer; OCR needs Tesseract: {OCR_INSTALL_HINT}"
    return None


def _shows_a_picture(page: pypdfium2.PdfPage) -> bool:
    """Whether the page draws at least one image (a scan), not only vector paths or nothing."""
    pictures = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)
    return next(iter(pictures), None) is not None


def _page_list(indexes: Sequence[int]) -> str:
    """``page 3`` or ``pages 3, 5`` (counted from 1, as people count pages)."""
    numbers = ", ".join(str(index + 1) for index in indexes)
    return f"page {numbers}" if len(indexes) == 1 else f"pages {numbers}"


def _frames(picture: Image.Image, max_frames: int) -> Iterator[Image.Image]:
    """The first frames of a picture, each checked against the pixel cap."""
    for index, frame in enumerate(ImageSequence.Iterator(picture)):
        if index == max_frames:
            return
        width, height = frame.size
        if width * height > MAX_PIXELS:
            raise UnreadableDocument(f"picture of {width}×{height} pixels, over {MAX_PIXELS}")
        # A phone photo stores its turn in EXIF; Tesseract reads the page upright only.
        yield ImageOps.exif_transpose(frame)


def _render(page: pypdfium2.PdfPage) -> Image.Image:
    """A page as a bitmap at RENDER_DPI, scaled down so that it stays under MAX_PIXELS."""
    width, height = page.get_size()
    scale = RENDER_DPI / 72
    area = max(width * height, 1.0) * scale * scale
    if area > MAX_PIXELS:
        scale *= math.sqrt(MAX_PIXELS / area)
    bitmap: Image.Image = page.render(scale=scale, grayscale=True).to_pil()
    return bitmap


def _recognise_all(pictures: Iterable[Image.Image], limits: ExtractionLimits) -> list[str]:
    """Tesseract's text for each picture, in order, until ``ocr_seconds`` in all are spent:
    several pictures at once on borrowed ``limits.ocr_slots``, else one at a time."""
    deadline = time.monotonic() + limits.ocr_seconds
    if limits.ocr_slots is not None and limits.ocr_slots.count > 1:
        return _recognise_borrowing(pictures, limits, limits.ocr_slots, deadline)
    texts: list[str] = []
    for picture in pictures:
        text = _recognise(picture, limits, deadline)
        if text is None:
            break
        texts.append(text)
    return texts


# A page being read, and the slot it borrowed (None: the document's own, held by its reader).
_Reading = tuple[Future[str | None], Slot | None]


def _recognise_borrowing(
    pictures: Iterable[Image.Image], limits: ExtractionLimits, slots: OcrSlots, deadline: float
) -> list[str]:
    """One page in the document's own slot, further pages at once in slots borrowed from idle
    workers; the texts kept in page order. A page waits for room once rendered."""
    texts: list[str] = []
    in_flight: deque[_Reading] = deque()
    with ThreadPoolExecutor(max_workers=slots.count, thread_name_prefix="ocr") as threads:
        try:
            for picture in pictures:
                room, borrowed = _room_for_a_page(slots, in_flight, texts)
                if not room:
                    break
                in_flight.append(_start(threads, picture, limits, deadline, borrowed))
            while in_flight and _collect(in_flight.popleft(), texts):
                pass
        finally:
            _drop(in_flight)
    return texts


def _room_for_a_page(
    slots: OcrSlots, in_flight: deque[_Reading], texts: list[str]
) -> tuple[bool, Slot | None]:
    """Room for one more page: the document's own slot when no page uses it, else a borrowed
    one, else the room the oldest page in flight leaves once read. (False, None): stop, a page
    was not read in time."""
    while True:
        if all(borrowed is not None for _, borrowed in in_flight):
            return True, None
        borrowed = _borrow(slots)
        if borrowed is not None:
            return True, borrowed
        if not _collect(in_flight.popleft(), texts):
            return False, None


def _borrow(slots: OcrSlots) -> Slot | None:
    """An idle worker's slot, or None."""
    try:
        return slots.borrow()
    except OSError:
        return None  # the slots' directory is unusable: no page beyond the own one at a time


def _start(
    threads: ThreadPoolExecutor,
    picture: Image.Image,
    limits: ExtractionLimits,
    deadline: float,
    borrowed: Slot | None,
) -> _Reading:
    """The page handed to a thread; a borrowed slot goes back when it ends or is cancelled."""
    try:
        reading = threads.submit(_recognise, picture, limits, deadline)
    except BaseException:
        if borrowed is not None:
            borrowed.release()
        raise
    if borrowed is not None:
        reading.add_done_callback(lambda _: borrowed.release())
    return reading, borrowed


def _collect(reading: _Reading, texts: list[str]) -> bool:
    """Add the page's text; False when it was not read (the time was spent)."""
    text = reading[0].result()
    if text is None:
        return False
    texts.append(text)
    return True


def _drop(in_flight: deque[_Reading]) -> None:
    """Pages after one not read are not kept: the text stays the pages read in order. Those
    already running end by the deadline; every borrowed slot goes back as its page ends."""
    for reading, _ in in_flight:
        reading.cancel()
    in_flight.clear()


def _recognise(picture: Image.Image, limits: ExtractionLimits, deadline: float) -> str | None:
    """Tesseract's text of one picture, or None when the deadline came first."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return None
    try:
        text = pytesseract.image_to_string(picture, lang=limits.ocr_languages, timeout=remaining)
    except RuntimeError as exc:  # pytesseract's only sign that it stopped Tesseract
        if "timeout" not in str(exc).lower():
            raise
        return None
    return str(text)


def _ocr_extraction(
    file_type: str, texts: list[str], limits: ExtractionLimits, pages: int | None
) -> Extraction:
    """The Extraction of OCR'd pages: ``ocr`` with text, ``no_text`` when Tesseract saw none."""
    problem = None
    if pages is not None and pages > len(texts):
        problem = f"OCR read only the first {len(texts)} of {pages} pages"
        problem += f" (max_ocr_pages={limits.max_ocr_pages}, max_pages={limits.max_pages},"
        problem += f" ocr_seconds={limits.ocr_seconds})"
    return text_extraction(
        file_type,
        "\f".join(texts),
        limits,
        pages=pages,
        problems=[problem],
        status=DocumentStatus.OCR,
    )
