"""The surnames a personal name may carry, as folded keys to look up in a staff register.

How a name is read, first rule that applies:

1. A comma (or semicolon) puts the surname first: ``Park, Ji-hoon``, ``Fernández Ruiz, María``;
   particles left at the end move back to it: ``Vries, Pieter de`` is ``de Vries``.
2. Words in capitals beside words that are not mark the surname: ``PARK Ji-hoon``,
   ``DE VRIES Anna``, ``Carlos FERNÁNDEZ RUIZ``, ``Pieter de VRIES``.
3. Two words, the second hyphenated with a small letter after the hyphen (``Park Ji-hoon``,
   a romanised East Asian given name), or words all in Han, kana or Hangul (``김 민준``): the
   first word is the surname.
4. A name ending in an initial (``Claire D.``) has no surname written out: no key at all.
5. Otherwise Western order: never the first word (a given name) unless it is the only one.
   A particle after the first word starts the surname (``Anna de Vries``), so does the word
   before a connector (``José Ortega y Gasset``). Else the last word is the surname, and with
   three words or more the last two are a possible compound (``María Fernández Ruiz``); the
   middle word alone counts only when it ends in "-ez", an Iberian patronymic, because a middle
   word is more often a second given name (``Jean Pierre Dupont``).

Keys are folded (no accents, no case) and drop spaces, hyphens and apostrophes, so
``de Vries`` = ``DeVries``, ``Dupont-Moretti`` = ``Dupont Moretti``, ``D'Souza`` = ``Dsouza``;
an umlaut also gives its spelled-out key (``Müller`` = ``Mueller`` = ``Muller``). A surname of
several parts (a compound, a hyphenated pair, or one after a particle that registers often
drop: ``de Vries`` -> ``Vries``) also gives each part, marked as not the whole surname.
Titles in front (Mr, Dr, Mme, ``M.``), degrees after (PhD, MBA, Jr), initials, bracketed
remarks and words with digits or ``@`` are left out. A name that carries no surname this way
gives no key: a missed hint is better than a given name taken for a surname.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from parsers.folding import fold
from parsers.subject.lexicon import HONORIFICS


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_NAME_CHARS = 200
MAX_WORDS = 12
# Particles a register may keep or drop: "de Vries" is also looked up as "Vries".
DETACHABLE = _word_set(
    "de van von der den ter ten da di del della dei das dos do du des la le lo al el "
    "bin ibn bint binti ben abu"
)
# Particles that belong to the surname: "Mac Donald" is "MacDonald", never "Donald".
BOUND = frozenset({"mac", "mc"})
CONNECTORS = frozenset({"y", "e", "i"})  # Ortega y Gasset, Souza e Silva, Puig i Cadafalch
DEGREES = _word_set("phd dphil mphil mba msc bsc llm llb cpa acca cfa pmp esq jr sr ii iii iv")
_ELISIONS = ("d'", "l'")
_BRACKETED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?|<[^>]*>?")
_JUNK = re.compile(r"[@\d/\\]")
_SEPARATORS = re.compile(r"[\s,;:|/\\(){}<>\[\]\"«»“”„!?*+=#&~^%$@_•·…]+")
_EDGES = "'’ʼ`´.-‐‑–—"
# Han, kana and Hangul: a name in these scripts is written surname first.
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_SCOTTISH = re.compile(r"^(Mc|Mac)(?=\w\w)")  # McDONALD is in capitals
_HYPHEN = re.compile(r"[-‐‑]")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


@dataclass(frozen=True)
class SurnameKey:
    """One way a surname may be filed: the whole surname, or one part of a multi-part one."""

    key: str  # folded, letters only: "devries"
    written: str  # as written in the name: "de Vries", "FERNÁNDEZ RUIZ"
    whole: bool  # False: one part of a compound, or the surname without its particle


def surname_keys(name: str) -> tuple[SurnameKey, ...]:
    """Every key under which the surname of ``name`` (a full name as written) may be filed."""
    head, _, tail = _without_remarks(name).replace(";", ",").partition(",")
    before = _trimmed(_words(head))
    after = _trimmed([word for word in _words(tail) if _bare(word) not in DEGREES])
    if _names_only(before) and after:
        moved = _trailing_particles(after)
        return _unique(_keys(moved + _names_only(before)))
    return _unique(_read_in_order(before or after))


def keys_of_surname(surname: str) -> tuple[SurnameKey, ...]:
    """The keys of a surname given alone (a register's ``surname`` column): every word counts."""
    return _unique(_keys(_names_only(_words(_without_remarks(surname)))))


def display_surname(written: str) -> str:
    """A surname written in capitals in name case: ``DE VRIES`` -> ``de Vries``."""
    if written.upper() != written:
        return written
    words = written.split()
    return " ".join(
        word.lower() if fold(word) in DETACHABLE and index < len(words) - 1 else word.title()
        for index, word in enumerate(words)
    )


def name_case(name: str) -> str:
    """Every run of capitalised words in name case, the rest as written, for greeting someone:
    ``Maria FERNÁNDEZ RUIZ`` -> ``Maria Fernández Ruiz``, ``Pieter DE VRIES`` -> ``Pieter de
    Vries``, ``Élodie Marchand`` unchanged."""
    words = name.split()
    shouted = [len(word) > 1 and word.isupper() for word in words]
    result: list[str] = []
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and shouted[end]:
            end += 1
        if end == index:
            result.append(words[index])
            index += 1
        else:
            result.append(display_surname(" ".join(words[index:end])))
            index = end
    return " ".join(result)


def _without_remarks(name: str) -> str:
    text = unicodedata.normalize("NFC", name[:MAX_NAME_CHARS])
    return " ".join(chunk for chunk in _BRACKETED.sub(" ", text).split() if not _JUNK.search(chunk))


def _words(text: str) -> list[str]:
    """Words of a name as written, initials (``J.``, ``J.R.R.``) and connectors included."""
    words = (chunk.strip(_EDGES) for chunk in _SEPARATORS.split(text))
    return [word for word in words if any(char.isalpha() for char in word)][:MAX_WORDS]


def _names_only(words: list[str]) -> list[str]:
    """``words`` without initials: an initial is never a surname."""
    return [word for word in words if not _is_initial(word)]


def _is_initial(word: str) -> bool:
    """``J``, ``J.R.R``: single letters of a cased script (``김``, ``王`` are whole surnames)."""
    single = max(len(part) for part in word.split(".")) <= 1
    return single and word not in CONNECTORS and word.lower() != word.upper()


def _trimmed(words: list[str]) -> list[str]:
    """``words`` without titles in front and degrees after, unless nothing would be left."""
    start, end = 0, len(words)
    while end - start > 1 and _bare(words[start]) in HONORIFICS:
        start += 1
    while end - start > 1 and _bare(words[end - 1]) in DEGREES:
        end -= 1
    return words[start:end]


@lru_cache(maxsize=8192)
def _bare(word: str) -> str:
    """``word`` folded, without dots: ``Ph.D.`` -> ``phd``; names recur, so this is remembered."""
    return fold(word).replace(".", "")


def _trailing_particles(words: list[str]) -> list[str]:
    """The particles ending a given-name part: ``Pieter de`` -> ``de``."""
    end = len(words)
    while end > 1 and _is_particle(words[end - 1]):
        end -= 1
    return words[end:]


def _read_in_order(written: list[str]) -> list[SurnameKey]:
    words = _names_only(written)
    if len(written) <= 1:
        return _keys(words)
    capitals = _in_capitals(words)
    if capitals:
        return _keys(capitals)
    if _is_initial(written[-1]):  # "Claire D.": the surname is not written out
        return []
    if len(words) <= 1:
        return _keys(words)
    if len(words) == 2 and _asian_given_name(words[1]) and "-" not in words[0]:
        return _keys(words[:1])
    if all(_EAST_ASIAN.fullmatch(word) for word in words):
        return _keys(words[:1])
    start = _surname_start(words)
    if start is not None:
        return _keys(words[start:])
    return _western(words)


def _in_capitals(words: list[str]) -> list[str]:
    """The first run of words in capitals, with particles just before it, when not all are."""
    flags = [_is_capitals(word) for word in words]
    if all(flags) or not any(flags):
        return []
    start = end = flags.index(True)
    while end < len(words) and (flags[end] or _joins_capitals(words, flags, end)):
        end += 1
    while start > 0 and _is_particle(words[start - 1]) and (start > 1 or words[0].islower()):
        start -= 1
    return words[start:end]


def _joins_capitals(words: list[str], flags: list[bool], index: int) -> bool:
    """A connector between two words in capitals: ``FERNÁNDEZ y RUIZ``."""
    return words[index] in CONNECTORS and index + 1 < len(words) and flags[index + 1]


def _is_capitals(word: str) -> bool:
    core = _SCOTTISH.sub("", word)
    return len(core) > 1 and core.upper() == core and core.lower() != core


def _asian_given_name(word: str) -> bool:
    """``Ji-hoon``, ``Min-jun``: a capital, then a hyphen followed by a small letter."""
    first, _, rest = word.partition("-")
    return bool(first[:1].isupper() and rest[:1].islower())


def _surname_start(words: list[str]) -> int | None:
    """Where a particle or a connector makes a surname start, never at the first word."""
    ends_in_particle = _is_particle(words[-1])
    for index in range(1, len(words) - 1):
        if _is_particle(words[index]) and not ends_in_particle:
            return index
        if words[index] in CONNECTORS and index > 1:
            return index - 1
    return None


def _western(words: list[str]) -> list[SurnameKey]:
    found = _keys(words[-1:])
    if len(words) >= 3:
        pair = [word for word in words[-2:] if word not in CONNECTORS]
        found += [key for key in _keys(pair) if key.whole]
        if _key([words[-2]]).endswith("ez") and len(words[-2]) >= 5:
            found += [SurnameKey(key, words[-2], whole=False) for key in _spellings([words[-2]])]
    return found


def _keys(words: Sequence[str]) -> list[SurnameKey]:
    """The whole surname made of ``words``, then each of its parts."""
    units = list(_units(words))
    written = " ".join(words)
    if not units:
        return []
    found = [SurnameKey(key, written, whole=True) for key in _spellings(_flat(units))]
    for particles, core in units:
        if len(units) > 1:
            unit = [*particles, core]
            found += [SurnameKey(key, _joined(unit), False) for key in _spellings(unit)]
        if particles and not any(_bare(particle) in BOUND for particle in particles):
            found += [SurnameKey(key, core, whole=False) for key in _spellings([core])]
    return found


def _units(words: Sequence[str]) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each part of a surname: its particles and its core word."""
    pending: list[str] = []
    cores = 0
    for piece in _pieces(words):
        if _is_particle(piece):
            pending.append(piece)
        else:
            yield tuple(pending), piece
            pending, cores = [], cores + 1
    if pending and not cores:  # a surname made of particle words only: "Le", "Da"
        yield (), " ".join(pending)


def _pieces(words: Sequence[str]) -> Iterator[str]:
    """Words split at hyphens and after an elided particle (``D'Souza`` -> ``D'``, ``Souza``)."""
    for word in words:
        if word in CONNECTORS:
            continue
        for piece in _HYPHEN.split(word):
            if _bare(piece[:2]) in _ELISIONS and len(piece) > 2:
                yield piece[:2]
                yield piece[2:]
            elif piece:
                yield piece


def _is_particle(word: str) -> bool:
    bare = _bare(word)
    return bare in DETACHABLE or bare in BOUND or bare in _ELISIONS


def _flat(units: Sequence[tuple[tuple[str, ...], str]]) -> list[str]:
    return [word for particles, core in units for word in (*particles, core)]


def _joined(pieces: Sequence[str]) -> str:
    return "".join(p if p.endswith(("'", "’")) else p + " " for p in pieces).strip()


def _spellings(words: Sequence[str]) -> list[str]:
    """The key of ``words``, and its spelled-out form when it has an umlaut."""
    plain = _key(words)
    spelled = _key(["".join(words).lower().translate(_UMLAUTS)])
    return [plain] if spelled == plain else [plain, spelled]


def _key(words: Sequence[str]) -> str:
    return _letters_only("".join(words))


@lru_cache(maxsize=8192)
def _letters_only(text: str) -> str:
    """Letters and their marks (Devanagari vowel signs) of ``text`` folded."""
    return "".join(char for char in fold(text) if char.isalpha() or _is_mark(char))


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _unique(keys: Sequence[SurnameKey]) -> tuple[SurnameKey, ...]:
    """One entry a key, the whole reading first; empty keys left out."""
    best: dict[str, SurnameKey] = {}
    for key in keys:
        if key.key and (key.key not in best or (key.whole and not best[key.key].whole)):
            best[key.key] = key
    return tuple(best.values())
