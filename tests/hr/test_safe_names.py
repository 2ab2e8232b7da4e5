"""The rules that turn a candidate's file name or a person's name into a safe file name."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.hr.export.safe_names import (
    FALLBACK,
    FILE_NAME_BYTES,
    FOLDER_NAME_BYTES,
    UniqueNames,
    numbered,
    safe_name,
)

SEPARATORS_AND_FORBIDDEN = set('/\\<>:"|?*')
DIRECTION_MARKS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
RESERVED_STEMS = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{device}{digit}" for device in ("COM", "LPT") for digit in "0123456789¹²³"
}


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def is_reserved(name: str) -> bool:
    return name.split(".", 1)[0].rstrip().upper() in RESERVED_STEMS


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("../../etc/passwd.pdf", "_.._etc_passwd.pdf"),
        ("..\\..\\Windows\\win.ini", "_.._Windows_win.ini"),
        ("CV\x00.pdf", "CV.pdf"),
        ("CV\r\nBcc: x.pdf", "CVBcc_ x.pdf"),
        ("tab\there.docx", "tabhere.docx"),
        ("bell\x07\x7f\x85\x9f.pdf", "bell.pdf"),
        ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
        ("CV.pdf. . .", "CV.pdf"),
        ("   CV.pdf   ", "CV.pdf"),
        (".hidden", "hidden"),
        ("..", FALLBACK),
        (".", FALLBACK),
        ("....", FALLBACK),
        ("", FALLBACK),
        ("\x00\r\n\u202e", FALLBACK),
        ("résumé.pdf", "résumé.pdf"),
        ("Lebenslauf Jürgen Groß.pdf", "Lebenslauf Jürgen Groß.pdf"),
        ("简历.docx", "简历.docx"),
    ],
)
def test_hostile_names_become_plain_names(hostile: str, expected: str) -> None:
    assert safe_name(hostile) == expected


@pytest.mark.parametrize(
    "reserved",
    ["CON", "con", "CON.docx", "con.tar.gz", "Nul.txt", "AUX", "prn.pdf", "COM1", "com9.doc",
     "LPT0.pdf", "COM¹", "lpt³.txt", "CONIN$", "conout$.log", "CON .pdf", "CON..."],
)  # fmt: skip
def test_windows_device_names_get_a_prefix(reserved: str) -> None:
    name = safe_name(reserved)
    assert name.startswith("_")
    assert not is_reserved(name)


@pytest.mark.parametrize("harmless", ["CONTRACT.pdf", "Console.docx", "COM10.pdf", "NULL.txt"])
def test_names_that_only_begin_like_a_device_are_kept(harmless: str) -> None:
    assert safe_name(harmless) == harmless


def test_direction_override_cannot_disguise_the_extension() -> None:
    # "cv\u202efdp.exe" is shown by many file managers as "cvexe.pdf".
    assert safe_name("cv\u202efdp.exe") == "cvfdp.exe"
    assert safe_name("\u2067report\u2069\u200f.pdf") == "report.pdf"


def test_a_lone_surrogate_is_dropped() -> None:
    assert safe_name("cv\udcff.pdf") == "cv.pdf"


def test_names_are_composed_nfc() -> None:
    decomposed = "Rese\u0301sume\u0301.pdf"
    assert safe_name(decomposed) == unicodedata.normalize("NFC", decomposed)


def test_a_300_character_name_is_shortened_keeping_its_extension() -> None:
    name = safe_name("x" * 300 + ".pdf")
    assert name == "x" * (FILE_NAME_BYTES - 4) + ".pdf"


def test_300_multibyte_characters_are_cut_on_a_character_boundary() -> None:
    name = safe_name("é" * 150 + "日本" * 75 + "😀" * 75 + ".docx")
    assert utf8_len(name) <= FILE_NAME_BYTES
    assert name.endswith(".docx")
    assert name.startswith("é" * 57)


def test_a_long_extension_is_not_kept_whole() -> None:
    name = safe_name("cv." + "x" * 300)
    assert utf8_len(name) == FILE_NAME_BYTES
    assert name.startswith("cv.xxx")


def test_shortening_never_leaves_a_trailing_space_or_dot() -> None:
    stem = "a" * (FILE_NAME_BYTES - 6)
    assert safe_name(stem + " . . ." + "b" * 50 + ".pdf") == stem + ".pdf"


def test_folder_names_take_their_own_limit() -> None:
    name = safe_name("Maria " * 40, limit=FOLDER_NAME_BYTES, fallback="candidate")
    assert utf8_len(name) <= FOLDER_NAME_BYTES
    assert safe_name("", limit=FOLDER_NAME_BYTES, fallback="candidate") == "candidate"


def test_collisions_are_numbered_ignoring_case() -> None:
    names = UniqueNames()
    claimed = [names.claim(name) for name in ("CV.pdf", "cv.PDF", "CV.pdf", "Cv (2).pdf")]
    assert claimed == ["CV.pdf", "cv (2).PDF", "CV (3).pdf", "Cv (2) (2).pdf"]
    assert len({name.casefold() for name in claimed}) == len(claimed)


def test_collisions_are_found_after_unicode_case_folding() -> None:
    names = UniqueNames()
    assert names.claim("Straße.pdf") == "Straße.pdf"
    assert names.claim("STRASSE.pdf") == "STRASSE (2).pdf"
    assert names.claim("ÉLODIE.pdf") == "ÉLODIE.pdf"
    assert names.claim(safe_name("e\u0301lodie.pdf")) == "élodie (2).pdf"


def test_names_taken_in_advance_are_never_handed_out() -> None:
    names = UniqueNames(taken=("index.csv",))
    assert names.claim("INDEX.csv") == "INDEX (2).csv"


def test_a_numbered_name_still_fits_the_limit() -> None:
    longest = safe_name("y" * 300 + ".pdf")
    assert utf8_len(numbered(longest, 1000)) <= FILE_NAME_BYTES
    assert numbered(longest, 1000).endswith(" (1000).pdf")


# Any character, with the troublesome ones drawn far more often than chance would draw them.
HOSTILE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8")
    | st.sampled_from(list("./\\ .\x00\r\n\t\x7f\x85\u202e\u2066\u00a0CONLPTcom1¹²é日😀")),
    max_size=400,
)


@given(HOSTILE_TEXT)
def test_any_text_gives_a_safe_name(text: str) -> None:
    name = safe_name(text)
    assert name
    assert utf8_len(name) <= FILE_NAME_BYTES
    assert not SEPARATORS_AND_FORBIDDEN & set(name)
    assert not DIRECTION_MARKS & set(name)
    assert all(unicodedata.category(char) not in ("Cc", "Cs") for char in name)
    assert not name.startswith(".") and name not in (".", "..")
    assert name == name.strip() and not name.endswith(".")
    assert not is_reserved(name)
    assert unicodedata.is_normalized("NFC", name)
    assert safe_name(name) == name


@given(st.lists(HOSTILE_TEXT, max_size=30))
def test_claimed_names_never_collide(texts: list[str]) -> None:
    names = UniqueNames()
    claimed = [names.claim(safe_name(text)) for text in texts]
    folded = {unicodedata.normalize("NFC", name.casefold()) for name in claimed}
    assert len(folded) == len(claimed)
    assert all(utf8_len(name) <= FILE_NAME_BYTES for name in claimed)
    assert not any(is_reserved(name) or name.startswith(".") for name in claimed)
