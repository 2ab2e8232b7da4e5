"""parse_message on real messages built with the email package, and on hostile raw bytes."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from parsers.documents.letter import body_is_letter
from parsers.errors import MessageParseError
from parsers.html_text import html_to_text
from parsers.message import parse_message
from parsers.model import ParsedMessage
from tests.judged_messages import html_letter

PDF = b"%PDF-1.4\n% a CV\n"


def simple_message(subject: str = "Application", body: str = "Dear Sir or Madam") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Maria Fernández <Maria.Fernandez@Example.COM>"
    message["To"] = "recruitment@example.org"
    message["Subject"] = subject
    message["Date"] = "Mon, 20 Oct 2025 09:30:00 +0200"
    message["Message-ID"] = "<cv-123@example.com>"
    message.set_content(body)
    return message


def raw_message(headers: str, body: bytes = b"Hello") -> bytes:
    return headers.replace("\n", "\r\n").encode() + b"\r\n\r\n" + body


def encoded_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode('ascii')}?="


def nested_multipart(depth: int) -> bytes:
    lines = [b"From: a@example.com", b"Subject: deep", b"MIME-Version: 1.0"]
    lines.append(b"Content-Type: multipart/mixed; boundary=b0\n")
    for level in range(1, depth + 1):
        lines.append(b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n" % (level - 1, level))
    lines.append(b"--b%d\nContent-Type: text/plain\n\nhello" % depth)
    lines.extend(b"--b%d--" % level for level in range(depth, -1, -1))
    return b"\n".join(lines) + b"\n"


# Subject ------------------------------------------------------------------------------


def test_utf8_encoded_subject_is_decoded() -> None:
    raw = raw_message(f"Subject: {encoded_word('Candidature – Maria Fernández', 'utf-8')}")
    assert parse_message(raw).subject == "Candidature – Maria Fernández"


def test_iso_8859_1_quoted_printable_subject_is_decoded() -> None:
    raw = raw_message("Subject: =?ISO-8859-1?Q?R=E9ponse_=E0_l'annonce?=")
    assert parse_message(raw).subject == "Réponse à l'annonce"


def test_shift_jis_encoded_subject_is_decoded() -> None:
    raw = raw_message(f"Subject: {encoded_word('応募書類 山田太郎', 'shift_jis')}")
    assert parse_message(raw).subject == "応募書類 山田太郎"


def test_folded_subject_is_unfolded_and_stripped_of_control_characters() -> None:
    raw = raw_message("Subject: Application for the post of\n\tDeputy Director\x07\x01\n  -  Maria")
    assert parse_message(raw).subject == "Application for the post of Deputy Director  -  Maria"


def test_adjacent_encoded_words_are_joined_before_decoding_a_split_character() -> None:
    data = "é".encode()
    first = base64.b64encode(b"Caf" + data[:1]).decode()
    second = base64.b64encode(data[1:]).decode()
    raw = raw_message(f"Subject: =?utf-8?B?{first}?=\n =?utf-8?B?{second}?=")
    assert parse_message(raw).subject == "Café"


def test_subject_with_unknown_charset_and_broken_base64_is_kept_readable() -> None:
    raw = raw_message("Subject: =?x-nonsense?Q?Maria?= and =?utf-8?B?!!!?=")
    assert parse_message(raw).subject == "Maria and =?utf-8?B?!!!?="


def test_raw_8bit_utf8_subject_is_read_as_utf8() -> None:
    raw = "Subject: Candidature Hélène\r\n\r\nbody".encode()
    assert parse_message(raw).subject == "Candidature Hélène"


def test_raw_8bit_subject_is_read_in_the_charset_of_the_body() -> None:
    headers = "Subject: Заявка Иванов\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n"
    raw = headers.encode("windows-1251") + "Резюме".encode("windows-1251")
    parsed = parse_message(raw)
    assert parsed.subject == "Заявка Иванов"
    assert parsed.body_text == "Резюме"


def test_missing_subject_is_empty_string() -> None:
    assert parse_message(raw_message("From: a@example.com")).subject == ""


# Identity headers ---------------------------------------------------------------------


def test_message_id_is_trimmed_to_its_bracketed_form() -> None:
    assert parse_message(raw_message("Message-ID:   <abc@example.com>  ")).message_id == (
        "<abc@example.com>"
    )


def test_message_id_without_brackets_gets_them() -> None:
    assert parse_message(raw_message("Message-ID: abc@example.com")).message_id == (
        "<abc@example.com>"
    )


def test_missing_message_id_is_none() -> None:
    assert parse_message(raw_message("Subject: x")).message_id is None


def test_sender_is_lowercased_address_with_decoded_display_name() -> None:
    parsed = parse_message(simple_message().as_bytes())
    assert parsed.sender == "maria.fernandez@example.com"
    assert parsed.sender_name == "Maria Fernández"


def test_sender_display_name_with_comma_is_kept_whole() -> None:
    parsed = parse_message(raw_message('From: "Fernández, Maria" <maria@example.com>'))
    assert (parsed.sender, parsed.sender_name) == ("maria@example.com", "Fernández, Maria")


def test_domainless_mailer_daemon_sender_is_kept() -> None:
    parsed = parse_message(raw_message("From: MAILER-DAEMON (Mail Delivery System)"))
    assert parsed.sender == "mailer-daemon"


def test_reply_to_address_is_lowercased() -> None:
    message = simple_message()
    message["Reply-To"] = "Maria <Maria.Private@Example.net>"
    assert parse_message(message.as_bytes()).reply_to == "maria.private@example.net"


def test_null_return_path_is_empty_string() -> None:
    assert parse_message(raw_message("Return-Path: <>")).return_path == ""


def test_return_path_address_is_lowercased() -> None:
    assert parse_message(raw_message("Return-Path: <Bounce@Example.com>")).return_path == (
        "bounce@example.com"
    )


def test_absent_return_path_is_none() -> None:
    assert parse_message(raw_message("Subject: x")).return_path is None


# Date ---------------------------------------------------------------------------------


def test_date_header_is_parsed_at_the_senders_offset() -> None:
    parsed = parse_message(raw_message("Date: Tue, 21 Oct 2025 23:59:00 +0545"))
    assert parsed.date_header == "Tue, 21 Oct 2025 23:59:00 +0545"
    assert parsed.date_claimed == datetime(2025, 10, 21, 18, 14, tzinfo=UTC)
    assert parsed.date_claimed.utcoffset() == timedelta(hours=5, minutes=45)


def test_date_with_unknown_zone_is_read_as_utc() -> None:
    parsed = parse_message(raw_message("Date: Tue, 21 Oct 2025 10:00:00 -0000"))
    assert parsed.date_claimed == datetime(2025, 10, 21, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    "forged_date",
    ["garbage", "<HR>", "Fri, 31 Feb 2025 10:00:00 +0000", "Tue, 1 Oct 99999 10:00:00 +0000",
     "Tue, 1 Oct 2025 10:00:00 +9999", "Tue, 1 Oct 2025 25:61:00 +0000", ""],
)  # fmt: skip
def test_garbage_or_forged_date_gives_none_without_raising(forged_date: str) -> None:
    parsed = parse_message(raw_message(f"Subject: x\nDate: {forged_date}"))
    assert parsed.date_claimed is None
    assert parsed.date_header == forged_date


def test_missing_date_gives_none() -> None:
    parsed = parse_message(raw_message("Subject: x"))
    assert (parsed.date_header, parsed.date_claimed) == (None, None)


# Headers ------------------------------------------------------------------------------


def test_all_headers_are_kept_in_order_with_decoded_values() -> None:
    raw = raw_message("Received: one\nReceived: two\nX-Note: =?utf-8?Q?caf=C3=A9?=\nSubject: s")
    parsed = parse_message(raw)
    assert parsed.headers == (
        ("Received", "one"),
        ("Received", "two"),
        ("X-Note", "café"),
        ("Subject", "s"),
    )
    assert parsed.header("x-note") == "café"


# Body ---------------------------------------------------------------------------------


def test_plain_text_alternative_is_preferred_over_html() -> None:
    message = simple_message(body="Plain version")
    message.add_alternative("<p>HTML version</p>", subtype="html")
    assert parse_message(message.as_bytes()).body_text == "Plain version"


def test_html_only_body_becomes_readable_text() -> None:
    html = (
        "<html><head><style>p {color: red}</style><script>alert('x')</script></head>"
        "<body><p>Dear Sir or Madam,</p><p>I apply for the post.<br>Best&nbsp;regards,<br>"
        "Maria</p></body></html>"
    )
    message = simple_message()
    message.set_content(html, subtype="html")
    assert parse_message(message.as_bytes()).body_text == (
        "Dear Sir or Madam,\n\nI apply for the post.\nBest regards,\nMaria"
    )


def test_body_of_forwarded_message_is_included() -> None:
    outer = MIMEMultipart()
    outer.attach(MIMEText("See below."))
    outer.attach(MIMEMessage(simple_message(body="My motivation letter.")))
    assert parse_message(outer.as_bytes()).body_text == "See below.\n\nMy motivation letter."


def test_body_without_declared_charset_in_cp1252_is_read() -> None:
    raw = b"Subject: x\r\n\r\nR\xe9sum\xe9 attached"
    assert parse_message(raw).body_text == "Résumé attached"


def test_body_loses_nul_and_control_characters_but_keeps_tabs_and_newlines() -> None:
    raw = b"Subject: x\r\n\r\nName:\tMaria\x00\x1b\r\nPost: DD"
    assert parse_message(raw).body_text == "Name:\tMaria\nPost: DD"


def test_body_in_unknown_charset_is_decoded_with_a_defect() -> None:
    raw = raw_message("Content-Type: text/plain; charset=x-klingon", "Qapla\u2019".encode())
    parsed = parse_message(raw)
    assert parsed.body_text == "Qapla\u2019"
    assert "UndecodableCharset: x-klingon" in parsed.defects


def test_body_in_punycode_charset_is_not_decoded_with_punycode() -> None:
    raw = raw_message("Content-Type: text/plain; charset=punycode", b"x" * 300_000)
    parsed = parse_message(raw)
    assert parsed.body_text == "x" * 300_000
    assert "UndecodableCharset: punycode" in parsed.defects


# Attachments --------------------------------------------------------------------------


def test_rfc2231_filename_with_accents_is_decoded() -> None:
    message = simple_message()
    message.add_attachment(PDF, maintype="application", subtype="pdf",
                           filename="Lettre de motivation é.pdf")  # fmt: skip
    (attachment,) = parse_message(message.as_bytes()).attachments
    assert attachment.filename == "Lettre de motivation é.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.payload == PDF


def test_rfc2231_filename_in_iso_8859_1_with_continuations_is_decoded() -> None:
    raw = raw_message(
        "Content-Type: multipart/mixed; boundary=X",
        b"--X\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;\r\n"
        b" filename*0*=iso-8859-1''Lettre%20de%20;\r\n filename*1*=motivation%20%E9.pdf\r\n"
        b"\r\n%PDF\r\n--X--\r\n",
    )
    (attachment,) = parse_message(raw).attachments
    assert attachment.filename == "Lettre de motivation é.pdf"


def test_rfc2047_encoded_word_filename_is_decoded() -> None:
    name = encoded_word("Curriculum vitæ Müller.pdf", "utf-8")
    raw = raw_message(
        "Content-Type: multipart/mixed; boundary=X",
        f'--X\r\nContent-Type: application/pdf; name="{name}"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n--X--\r\n".encode(),
    )
    (attachment,) = parse_message(raw).attachments
    assert (attachment.filename, attachment.payload) == ("Curriculum vitæ Müller.pdf", b"%PDF")


def test_raw_utf8_filename_is_decoded() -> None:
    part = '--X\r\nContent-Disposition: attachment; filename="CV Hélène.pdf"\r\n\r\nx\r\n--X--'
    raw = raw_message("Content-Type: multipart/mixed; boundary=X", part.encode())
    assert parse_message(raw).attachments[0].filename == "CV Hélène.pdf"


def test_attachment_inside_forwarded_message_is_listed() -> None:
    forwarded = simple_message(body="Please find my CV.")
    forwarded.add_attachment(PDF, maintype="application", subtype="pdf", filename="CV.pdf")
    outer = MIMEMultipart()
    outer.attach(MIMEText("Forwarding my application from my old address."))
    outer.attach(MIMEMessage(forwarded))
    outer.attach(MIMEApplication(b"letter", "msword", Name="Letter.doc"))
    parsed = parse_message(outer.as_bytes())
    assert [(a.filename, a.content_type, a.payload) for a in parsed.attachments] == [
        ("CV.pdf", "application/pdf", PDF),
        ("Letter.doc", "application/msword", b"letter"),
    ]


def test_attachment_without_filename_gets_a_name_from_its_content_type() -> None:
    outer = MIMEMultipart()
    outer.attach(MIMEText("CV attached"))
    outer.attach(MIMEApplication(PDF, "pdf"))
    outer.attach(MIMEApplication(b"\x00\x01", "x-unknown-thing"))
    parsed = parse_message(outer.as_bytes())
    assert [a.filename for a in parsed.attachments] == ["attachment-1.pdf", "attachment-2.bin"]


def test_inline_image_referenced_by_content_id_is_kept_as_attachment() -> None:
    message = simple_message()
    message.add_alternative('<p>Regards</p><img src="cid:logo@example">', subtype="html")
    html_part = message.get_body(preferencelist=("html",))
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(b"\x89PNG", maintype="image", subtype="png", cid="<logo@example>")
    (attachment,) = parse_message(message.as_bytes()).attachments
    assert (attachment.filename, attachment.content_type) == ("attachment-1.png", "image/png")


def test_filename_with_a_path_is_reduced_to_its_last_component() -> None:
    raw = raw_message(
        "Content-Type: multipart/mixed; boundary=X",
        b'--X\r\nContent-Disposition: attachment; filename="..\\\\..\\\\C:/tmp/cv.pdf"\r\n'
        b"\r\nx\r\n--X--\r\n",
    )
    assert parse_message(raw).attachments[0].filename == "cv.pdf"


def test_overlong_filename_is_cut_keeping_its_extension() -> None:
    message = simple_message()
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="a" * 900 + ".pdf")
    parsed = parse_message(message.as_bytes())
    assert parsed.attachments[0].filename == "a" * 251 + ".pdf"
    assert "FilenameTruncated" in parsed.defects


def test_top_level_content_type_is_reported() -> None:
    message = simple_message()
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="cv.pdf")
    assert parse_message(message.as_bytes()).content_type == "multipart/mixed"


# Hostile and malformed input ----------------------------------------------------------


def test_empty_input_raises_message_parse_error() -> None:
    with pytest.raises(MessageParseError):
        parse_message(b"")


def test_whitespace_only_input_raises_message_parse_error() -> None:
    with pytest.raises(MessageParseError):
        parse_message(b" \r\n\r\n ")


def test_message_without_headers_is_parsed_with_a_defect() -> None:
    parsed = parse_message(b"\r\nJust a body")
    assert parsed.body_text == "Just a body"
    assert parsed.sender is None
    assert "NoHeaders" in parsed.defects


def test_multipart_without_boundary_keeps_its_text_as_body() -> None:
    raw = raw_message(
        "Subject: x\nContent-Type: multipart/alternative",
        b"--X\r\nContent-Type: text/plain\r\n\r\nhello\r\n--X--\r\n",
    )
    parsed = parse_message(raw)
    assert "hello" in parsed.body_text
    assert "NoBoundaryInMultipartDefect" in parsed.defects


def test_broken_base64_attachment_keeps_what_decodes_and_notes_a_defect() -> None:
    raw = raw_message(
        "Content-Type: multipart/mixed; boundary=X",
        b"--X\r\nContent-Type: application/pdf; name=cv.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0x!!\xff\x00=a\r\n--X--\r\n",
    )
    parsed = parse_message(raw)
    assert parsed.attachments[0].filename == "cv.pdf"
    assert parsed.attachments[0].payload.startswith(b"%PDF")
    assert "BrokenBase64" in parsed.defects


def test_8bit_garbage_in_headers_does_not_raise() -> None:
    raw = b"From: \xff\xfe\x00 <a@example.com>\r\nSubject: \x80\x81\xfe\xff \xc3\r\n\r\nbody"
    parsed = parse_message(raw)
    assert parsed.sender == "a@example.com"
    assert "garbage" not in parsed.subject
    assert parsed.body_text == "body"


def test_200_level_nested_multipart_is_parsed() -> None:
    assert parse_message(nested_multipart(200)).body_text == "hello"


def test_5000_level_nested_multipart_raises_message_parse_error_from_recursion() -> None:
    with pytest.raises(MessageParseError) as raised:
        parse_message(nested_multipart(5000))
    assert isinstance(raised.value.__cause__, RecursionError)


def test_one_megabyte_header_is_capped_with_a_defect() -> None:
    parsed = parse_message(raw_message("From: a@example.com\nSubject: " + "x" * 1_000_000))
    assert parsed.subject == "x" * (64 * 1024)
    assert "HeaderTruncated: Subject" in parsed.defects


def test_header_of_four_thousand_encoded_words_is_decoded() -> None:
    parsed = parse_message(raw_message("Subject: " + "=?utf-8?q?a?= " * 4_000))
    assert parsed.subject == "a" * 4_000


def test_header_of_eighty_thousand_encoded_words_is_capped_and_decoded() -> None:
    parsed = parse_message(raw_message("Subject: " + "=?utf-8?q?a?= " * 80_000))
    assert parsed.subject.startswith("a" * 4_000)
    assert "HeaderTruncated: Subject" in parsed.defects


def test_from_header_of_150000_addresses_yields_the_first() -> None:
    parsed = parse_message(raw_message("From: " + "a@example.com, " * 150_000))
    assert parsed.sender == "a@example.com"


def test_content_type_of_a_million_semicolons_is_parsed() -> None:
    raw = raw_message("Content-Type: text/plain; " + ";" * 1_000_000, b"hello")
    assert parse_message(raw).body_text == "hello"


HOSTILE_INPUTS = {
    "nul bytes": b"\x00" * 100,
    "every byte value": bytes(range(256)) * 50,
    "headers only, no newline": b"Subject: x",
    "rfc2231 filename in undefined codec": raw_message(
        "Content-Type: multipart/mixed; boundary=X",
        b"--X\r\nContent-Disposition: attachment; filename*=undefined''a%E9.pdf\r\n\r\nx\r\n--X--",
    ),
    "utf-7 lone surrogate": raw_message("Content-Type: text/plain; charset=utf-7", b"+2D3-"),
    "bytes codec as charset": raw_message("Content-Type: text/plain; charset=base64", b"aGk="),
    "x-uuencode garbage": raw_message("Content-Transfer-Encoding: x-uuencode", b"begin 6\n!!\n"),
    "forwarded messages 200 deep": b"Content-Type: message/rfc822\n\n" * 200 + b"\nhi",
    "unterminated html": raw_message("Content-Type: text/html", b"<a b='>'" * 20_000),
}


@pytest.mark.parametrize("raw", HOSTILE_INPUTS.values(), ids=HOSTILE_INPUTS.keys())
def test_hostile_input_gives_a_parsed_message_or_message_parse_error(raw: bytes) -> None:
    try:
        parsed = parse_message(raw)
    except MessageParseError:
        return
    assert isinstance(parsed, ParsedMessage)


# HTML to text -------------------------------------------------------------------------


def test_html_lists_tables_and_preformatted_text_stay_readable() -> None:
    html = (
        "<ul><li>English</li><li>Fran&ccedil;ais</li></ul>"
        "<table><tr><td>Post</td><td>DD</td></tr></table><pre>  keep\n  this</pre>"
    )
    assert html_to_text(html) == "  * English\n  * Français\nPost  DD\n\n  keep\n  this"


@pytest.mark.parametrize("outlook", [False, True])
def test_an_html_only_letter_keeps_its_paragraphs_and_reads_as_a_letter(outlook: bool) -> None:
    paragraphs = [
        "Madame, Monsieur,",
        "Je vous adresse ma candidature au poste de Directeur adjoint, Appui à la mise en "
        "œuvre. Depuis dix ans, je conduis des programmes de modernisation des douanes.",
        "Mon expérience de la gestion de projets financés par des bailleurs internationaux "
        "serait utile à l'Organisation et à ses Membres.",
        "Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.",
        "Claire Morel",
    ]
    message = EmailMessage()
    message["From"] = "Claire Morel <claire@example.fr>"
    message["Subject"] = "Candidature – WCO/2025/DD-IS – Claire MOREL"
    message.set_content(html_letter(paragraphs, outlook), subtype="html")
    body = parse_message(message.as_bytes()).body_text
    assert body.split("\n\n") == paragraphs
    assert body_is_letter(body).is_letter


def test_html_comments_and_conditional_sections_are_dropped() -> None:
    html = "<!--[if mso]>hidden<![endif]--><p>Shown</p><![if !supportLists]>1.<![endif]>"
    assert html_to_text(html) == "Shown\n\n1."


def test_html_attribute_with_a_closing_bracket_does_not_leak() -> None:
    assert html_to_text('<a title="a > b" href="x">link</a> text') == "link text"


def test_unclosed_script_drops_the_rest() -> None:
    assert html_to_text("<p>Kept</p><script>var a = '<p>not text</p>';") == "Kept"


@pytest.mark.parametrize(
    ("from_lines", "addresses", "group"),
    [
        ("Maria <Maria@Example.com>", ("maria@example.com",), False),
        ('"ceo@victim.example" <attacker@evil.example>', ("attacker@evil.example",), False),
        ("=?utf-8?q?Fern=C3=A1ndez=2C_Maria?= <m@example.com>", ("m@example.com",), False),
        ('"=?utf-8?q?M=0D=0ABcc:_v@evil.example?=" <m@example.com>', ("m@example.com",), False),
        ('"john doe"@example.com', ('"john doe"@example.com',), False),
        ("undisclosed-recipients:;", (), True),
        ("team: a@example.com, b@example.net;", ("a@example.com", "b@example.net"), True),
        ("a@example.com, b@example.net", ("a@example.com", "b@example.net"), False),
        ("a@example.com\nFrom: b@example.net", ("a@example.com", "b@example.net"), False),
        ("(" * 5000, (), False),
    ],
)
def test_from_addresses_and_groups_are_read_as_the_email_package_reads_them(
    from_lines: str, addresses: tuple[str, ...], group: bool
) -> None:
    parsed = parse_message(raw_message(f"From: {from_lines}\nSubject: Application"))
    assert (parsed.from_addresses, parsed.from_is_group) == (addresses, group)


def message_with_boundary_at(offset: int) -> tuple[bytes, bytes]:
    """A CRLF multipart message whose CR ending the text part is ``offset`` bytes from the
    last byte of the parser's first slice, and the attachment it carries."""
    from parsers.message import _FEED_BYTES

    attachment = bytes(range(256)) * 40
    head = (
        b"From: Maria <maria@example.com>\r\nSubject: Application\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\n--XYZ\r\n'
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    )
    length = _FEED_BYTES - 1 + offset - len(head) - 1
    filler = ((b"a" * 70 + b"\r\n") * (length // 72 + 1))[:length].rstrip(b"\r\n")
    filler = filler.ljust(length, b"a")
    tail = (
        b"x\r\n--XYZ\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="cv.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(attachment).replace(b"\n", b"\r\n")
        + b"--XYZ--\r\n"
    )
    raw = head + filler + tail
    assert raw[_FEED_BYTES - 1 + offset : _FEED_BYTES + 1 + offset] == b"\r\n"
    return raw, attachment


@pytest.mark.parametrize("offset", [-3, -2, -1, 0, 1, 2, 3, 12])
def test_message_read_in_slices_parses_alike_wherever_a_line_break_falls(offset: int) -> None:
    raw, attachment = message_with_boundary_at(offset)

    parsed = parse_message(raw)

    assert [(a.filename, a.payload) for a in parsed.attachments] == [("cv.pdf", attachment)]
    assert parsed.body_text.rstrip().endswith("aax")
    assert "XYZ" not in parsed.body_text
