"""The labelled document set: real files (PDF, DOCX, ODT, RTF, scans, images) built from templates.

Each entry says what a person reading the file would say: its kind, whether it also serves as
a motivation letter (CV and letter in one file), and the languages a correct detector may
answer (a bilingual passport page accepts English or French; a photo with a first name under
it is too short to judge, so only ``None``). More than a third have filenames that say nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from parsers.documents.model import DocumentKind
from tests import document_cvs as cvs
from tests import document_letters as letters
from tests import document_others as others
from tests.document_texts import PEOPLE, Person, Text
from tests.documents import (
    docx_bytes,
    image_bytes,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
    scanned_pdf_bytes,
)

Template = Callable[[Person], Text]
OCR_FORMATS = frozenset({"scan", "image"})
CV, LETTER, OTHER = DocumentKind.CV, DocumentKind.MOTIVATION_LETTER, DocumentKind.OTHER


@dataclass(frozen=True)
class Entry:
    """One labelled file before it is built: the template, for whom, in which format."""

    filename: str
    file_format: str
    template: Template
    person: Person
    kind: DocumentKind
    is_letter: bool
    languages: tuple[str | None, ...]

    @property
    def needs_ocr(self) -> bool:
        return self.file_format in OCR_FORMATS


@dataclass(frozen=True)
class LabelledDocument:
    """A built file and its labels."""

    entry: Entry
    payload: bytes


def _combined(first: Template, second: Template) -> Template:
    """Two documents in one file, the second on a new page (a letter and a CV)."""

    def both(person: Person) -> Text:
        letter, cv = first(person), second(person)
        return Text(
            letter.lines + cv.lines, table=letter.table or cv.table, breaks=(len(letter.lines),)
        )

    return both


def _entry(
    kind: DocumentKind,
    template: Template,
    person: int,
    file_format: str,
    filename: str,
    languages: tuple[str | None, ...] | None = None,
) -> Entry:
    who = PEOPLE[person]
    return Entry(
        filename, file_format, template, who, kind, kind is LETTER, languages or (who.language,)
    )


def _combined_entry(template: Template, person: int, file_format: str, filename: str) -> Entry:
    return Entry(
        filename, file_format, template, PEOPLE[person], CV, True, (PEOPLE[person].language,)
    )


_cv, _letter, _other = partial(_entry, CV), partial(_entry, LETTER), partial(_entry, OTHER)
_EN_OR_FR = ("en", "fr")

ENTRIES: tuple[Entry, ...] = (
    # CVs, English
    _cv(cvs.chronological_en, 0, "pdf", "CV_Jane_Doe.pdf"),
    _cv(cvs.chronological_en, 1, "docx", "Doc2.docx"),
    _cv(cvs.chronological_en, 4, "scan", "SCAN_20260105.pdf"),
    _cv(cvs.chronological_en, 7, "rtf", "Mensah Kwame - Resume.rtf"),
    _cv(cvs.academic_en, 2, "pdf", "Priya-Raman-Resume-2026.pdf"),
    _cv(cvs.academic_en, 6, "odt", "document(1).odt"),
    _cv(cvs.academic_en, 4, "docx", "Amina Yusuf CV final v3.docx"),
    _cv(cvs.skills_based_en, 3, "docx", "ThomasWhitfieldCV.docx"),
    _cv(cvs.skills_based_en, 5, "pdf", "Doc1.pdf"),
    _cv(cvs.skills_based_en, 8, "scan", "scan0001.pdf"),
    _cv(cvs.skills_based_en, 9, "rtf", "Rajesh_Patel.rtf"),
    _cv(cvs.table_en, 0, "docx", "Curriculum Vitae - Jane Doe.docx"),
    _cv(cvs.table_en, 5, "docx", "untitled.docx"),
    _cv(cvs.table_en, 9, "odt", "Patel_curriculum.odt"),
    _cv(cvs.table_en, 1, "pdf", "Okafor.pdf"),
    _cv(cvs.europass_en, 3, "pdf", "Europass-CV-20251212-Whitfield-EN.pdf"),
    _cv(cvs.europass_en, 6, "rtf", "file.rtf"),
    _cv(cvs.first_person_en, 8, "docx", "Olivia Chen résumé.docx"),
    _cv(cvs.first_person_en, 2, "pdf", "attachment.pdf"),
    _cv(cvs.first_person_en, 7, "odt", "Kwame.odt"),
    # CVs, French
    _cv(cvs.classic_fr, 10, "pdf", "CV Marie Dupont.pdf"),
    _cv(cvs.classic_fr, 11, "docx", "Document1.docx"),
    _cv(cvs.classic_fr, 14, "scan", "Numérisation_2026-01-07.pdf"),
    _cv(cvs.classic_fr, 17, "rtf", "CV_Traore_Aicha.rtf"),
    _cv(cvs.modern_fr, 12, "pdf", "Diallo_Fatou_CV_2026.pdf"),
    _cv(cvs.modern_fr, 15, "odt", "sans titre.odt"),
    _cv(cvs.modern_fr, 16, "docx", "Girard.docx"),
    _cv(cvs.table_fr, 13, "docx", "Curriculum vitae Lefèvre.docx"),
    _cv(cvs.table_fr, 10, "odt", "Doc3.odt"),
    _cv(cvs.table_fr, 14, "pdf", "IMG_20260108_0001.pdf"),
    # CVs, German and Spanish
    _cv(cvs.german, 18, "pdf", "Lebenslauf_Becker.pdf"),
    _cv(cvs.german, 19, "docx", "Dokument1.docx"),
    _cv(cvs.german, 18, "odt", "Becker.odt"),
    _cv(cvs.spanish, 20, "pdf", "CV Lucía Fernández.pdf"),
    _cv(cvs.spanish, 21, "docx", "Documento sin título.docx"),
    _cv(cvs.spanish, 20, "rtf", "Fernandez.rtf"),
    # Letters, English
    _letter(letters.formal_en, 0, "pdf", "Cover letter - Jane Doe.pdf"),
    _letter(letters.formal_en, 3, "docx", "Doc4.docx"),
    _letter(letters.formal_en, 6, "scan", "SCAN_20260106.pdf"),
    _letter(letters.formal_en, 9, "odt", "Patel cover letter.odt"),
    _letter(letters.enthusiastic_en, 1, "pdf", "Motivation_Letter_Okafor.pdf"),
    _letter(letters.enthusiastic_en, 4, "rtf", "document.rtf"),
    _letter(letters.enthusiastic_en, 7, "docx", "Mensah letter.docx"),
    _letter(letters.plain_en, 2, "pdf", "Raman_motivation.pdf"),
    _letter(letters.plain_en, 5, "docx", "Doc5.docx"),
    _letter(letters.plain_en, 8, "odt", "Chen.odt"),
    _letter(letters.to_whom_en, 3, "rtf", "Whitfield-CoverLetter.rtf"),
    _letter(letters.to_whom_en, 6, "pdf", "Lindqvist.pdf"),
    _letter(letters.to_whom_en, 9, "scan", "scan0002.pdf"),
    _letter(letters.to_whom_en, 0, "docx", "letter.docx"),
    # Letters, French
    _letter(letters.formal_fr, 10, "pdf", "Lettre de motivation - Dupont.pdf"),
    _letter(letters.formal_fr, 11, "docx", "Document2.docx"),
    _letter(letters.formal_fr, 16, "scan", "Numérisation_2026-01-08.pdf"),
    _letter(letters.formal_fr, 14, "rtf", "LM_Benali.rtf"),
    _letter(letters.modern_fr, 13, "odt", "LM Lefèvre.odt"),
    _letter(letters.modern_fr, 15, "pdf", "Doc6.pdf"),
    _letter(letters.modern_fr, 17, "docx", "Traoré.docx"),
    _letter(letters.short_fr, 12, "pdf", "lettre_motivation_diallo.pdf"),
    _letter(letters.short_fr, 16, "odt", "sans titre 2.odt"),
    _letter(letters.short_fr, 11, "rtf", "Moreau.rtf"),
    # Letters, German and Spanish
    _letter(letters.german, 18, "pdf", "Anschreiben_Becker.pdf"),
    _letter(letters.german, 19, "docx", "Dokument2.docx"),
    _letter(letters.german, 19, "rtf", "Schmidt_Bewerbung.rtf"),
    _letter(letters.spanish, 20, "pdf", "Carta de presentación - Fernández.pdf"),
    _letter(letters.spanish, 21, "odt", "Documento2.odt"),
    _letter(letters.spanish, 21, "docx", "Ortega carta.docx"),
    # Others
    _other(others.diploma_en, 0, "scan", "Diploma_MSc.pdf"),
    _other(others.diploma_en, 7, "pdf", "Doc7.pdf"),
    _other(others.diploma_en, 3, "image", "IMG_4471.png"),
    _other(others.diploma_fr, 10, "pdf", "diplome_master.pdf", ("fr",)),
    _other(others.diploma_fr, 12, "scan", "SCAN_20260109.pdf", ("fr",)),
    _other(others.training_certificate_en, 4, "pdf", "Certificate.pdf"),
    _other(others.training_certificate_en, 14, "docx", "Document3.docx", ("en",)),
    _other(others.employment_certificate_en, 5, "pdf", "Okafor_employment.pdf"),
    _other(others.employment_certificate_en, 1, "docx", "Doc8.docx"),
    _other(others.work_attestation_fr, 11, "pdf", "Attestation_travail.pdf", ("fr",)),
    _other(others.work_attestation_fr, 17, "odt", "Document4.odt", ("fr",)),
    _other(others.passport, 0, "image", "passport.png", _EN_OR_FR),
    _other(others.passport, 3, "scan", "scan0003.pdf", _EN_OR_FR),
    _other(others.identity_card_fr, 15, "image", "ID.png", ("fr",)),
    _other(others.identity_card_fr, 13, "pdf", "Doc9.pdf", ("fr",)),
    _other(others.transcript_en, 2, "pdf", "Transcript.pdf", ("en",)),
    _other(others.transcript_en, 8, "docx", "Doc10.docx", ("en",)),
    _other(others.transcript_fr, 10, "pdf", "Doc11.pdf", ("fr",)),
    _other(others.reference_en, 6, "pdf", "Reference letter from Northwind.pdf"),
    _other(others.reference_en, 1, "docx", "Doc12.docx"),
    _other(others.reference_en, 9, "scan", "scan0004.pdf"),
    _other(others.reference_en, 4, "pdf", "letter.pdf"),
    _other(others.reference_subtle_en, 2, "pdf", "Doc13.pdf"),
    _other(others.reference_subtle_en, 7, "odt", "Adeyemi.odt"),
    _other(others.reference_fr, 12, "pdf", "Lettre de recommandation.pdf", ("fr",)),
    _other(others.reference_fr, 11, "docx", "Document5.docx", ("fr",)),
    _other(others.work_reference_de, 18, "pdf", "Arbeitszeugnis.pdf", ("de",)),
    _other(others.language_certificate_fr, 5, "pdf", "DELF_B2.pdf", ("fr",)),
    _other(others.photo, 0, "image", "photo.png", (None,)),
    _other(others.photo, 16, "image", "IMG_0042.png", (None,)),
    # CV and letter in one file
    _combined_entry(
        _combined(letters.formal_en, cvs.chronological_en),
        5,
        "pdf",
        "CV and cover letter - Kowalski.pdf",
    ),
    _combined_entry(
        _combined(letters.to_whom_en, cvs.skills_based_en), 2, "docx", "Application_Raman.docx"
    ),
    _combined_entry(_combined(letters.enthusiastic_en, cvs.academic_en), 8, "pdf", "Doc14.pdf"),
    _combined_entry(
        _combined(letters.formal_fr, cvs.classic_fr), 15, "pdf", "Candidature Martin.pdf"
    ),
    _combined_entry(_combined(letters.modern_fr, cvs.modern_fr), 13, "odt", "CV + LM Lefèvre.odt"),
    _combined_entry(_combined(letters.short_fr, cvs.classic_fr), 12, "scan", "SCAN_20260110.pdf"),
    # Harder cases, written before running them: misleading names, thin or bare documents
    _cv(cvs.chronological_en, 6, "pdf", "Cover letter.pdf"),
    _letter(letters.formal_en, 2, "docx", "CV_Priya_Raman.docx"),
    _letter(letters.formal_fr, 12, "image", "IMG_20260111.png"),
    _letter(letters.cover_note_en, 9, "docx", "Doc15.docx"),
    _cv(cvs.minimal_en, 9, "rtf", "Doc16.rtf"),
    _combined_entry(_combined(cvs.table_en, letters.to_whom_en), 1, "docx", "Okafor_docs.docx"),
)


def build(entry: Entry) -> LabelledDocument:
    """The file's bytes, in its format."""
    return LabelledDocument(entry, _RENDERERS[entry.file_format](entry.template(entry.person)))


def document_set(*, with_ocr: bool = True) -> list[LabelledDocument]:
    """Every entry built; ``with_ocr=False`` leaves out scans and images."""
    return [build(entry) for entry in ENTRIES if with_ocr or not entry.needs_ocr]


def _pages(text: Text) -> list[str]:
    lines, cuts = text.flat_lines(), [0, *text.breaks]
    return [
        "\n".join(lines[start:end])
        for start, end in zip(cuts, [*cuts[1:], len(lines)], strict=True)
    ]


_RENDERERS: dict[str, Callable[[Text], bytes]] = {
    "pdf": lambda text: pdf_bytes(_pages(text)),
    "scan": lambda text: scanned_pdf_bytes(_pages(text)),
    "image": lambda text: image_bytes("\n".join(text.flat_lines())),
    "docx": lambda text: docx_bytes(text.lines, table_rows=text.table),
    "odt": lambda text: odt_bytes(text.lines, table_rows=text.table),
    "rtf": lambda text: rtf_bytes(text.flat_lines()),
}
