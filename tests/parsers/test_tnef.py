"""Outlook's winmail.dat (TNEF): the files inside become attachments of their own."""

from __future__ import annotations

from email.message import EmailMessage

from parsers.message import parse_message
from parsers.tnef import unpack
from tests import candidate_files
from tests.tnef_files import tnef_bytes


def _outlook_message(winmail: bytes, content_type: str = "application/ms-tnef") -> bytes:
    """A message as Outlook sends it in Rich Text mode: a short text part and winmail.dat."""
    message = EmailMessage()
    message["From"] = "Jean Martin <jean.martin@example.fr>"
    message["To"] = "recruitment@example.org"
    message["Subject"] = "Candidature - Directeur adjoint - Jean MARTIN"
    message.set_content("Veuillez trouver ci-joint ma candidature.")
    maintype, subtype = content_type.split("/")
    message.add_attachment(winmail, maintype=maintype, subtype=subtype, filename="winmail.dat")
    return message.as_bytes()


def test_files_inside_winmail_dat_become_attachments_and_the_wrapper_goes() -> None:
    cv = candidate_files.cv_pdf()
    winmail = tnef_bytes([("CV Jean Martin.pdf", cv), ("Lettre de motivation.txt", b"Madame")])
    parsed = parse_message(_outlook_message(winmail))
    assert [(a.filename, a.content_type) for a in parsed.attachments] == [
        ("CV Jean Martin.pdf", "application/pdf"),
        ("Lettre de motivation.txt", "text/plain"),
    ]
    assert parsed.attachments[0].payload == cv
    assert "UnreadableTnef" not in parsed.defects


def test_winmail_dat_sent_as_octet_stream_is_recognised_by_its_bytes() -> None:
    winmail = tnef_bytes([("cv.pdf", candidate_files.cv_pdf())])
    parsed = parse_message(_outlook_message(winmail, "application/octet-stream"))
    assert [a.filename for a in parsed.attachments] == ["cv.pdf"]


def test_the_body_inside_winmail_dat_is_used_when_the_message_has_none() -> None:
    content = unpack(tnef_bytes([], body="Madame, Monsieur,\r\nJe postule."))
    assert content is not None
    assert content.body == "Madame, Monsieur,\r\nJe postule."
    assert content.files == ()


def test_a_folder_in_a_tnef_filename_is_dropped() -> None:
    winmail = tnef_bytes([("..\\..\\Windows\\cv.pdf", candidate_files.cv_pdf())])
    assert [a.filename for a in parse_message(_outlook_message(winmail)).attachments] == ["cv.pdf"]


def test_a_broken_winmail_dat_stays_one_attachment_and_is_noted() -> None:
    winmail = tnef_bytes([("cv.pdf", candidate_files.cv_pdf())])[:40]
    parsed = parse_message(_outlook_message(winmail))
    assert [a.filename for a in parsed.attachments] == ["winmail.dat"]
    assert "UnreadableTnef" in parsed.defects


def test_the_body_inside_winmail_dat_does_not_repeat_the_text_part() -> None:
    winmail = tnef_bytes([("cv.pdf", candidate_files.cv_pdf())], body="Texte dans winmail.")
    parsed = parse_message(_outlook_message(winmail))
    assert parsed.body_text == "Veuillez trouver ci-joint ma candidature."
