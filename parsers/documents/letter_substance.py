"""What makes a short email body a letter: it is about the vacancy and says why this candidate.

A covering note ("Please find attached my CV. Regards") and a letter of four sentences differ
not in length but in content: the letter says which post it is for and gives reasons (the
candidate's experience, qualifications or motivation) in sentences of the candidate's own.
Patterns match folded text (``parsers.folding.fold``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.documents import wordlists as words
from parsers.documents.wordlists import whole_words
from parsers.folding import fold

#: A sentence shorter than this is a courtesy or a fragment, not a reason.
MIN_SENTENCE_WORDS = 8
#: Sentences of substance a letter needs, at least one of them giving a reason.
MIN_SUBSTANCE_SENTENCES = 2

VACANCY_NOUN = whole_words(
    "position", "post", "vacancy", "role", "job", "opening", "opportunity", "application",
    "poste", "emploi", "offre", "fonction", "candidature", "recrutement",
    "stelle", "bewerbung", "puesto", "vacante", "candidatura",
)  # fmt: skip
REASON_WORD = whole_words(
    "experience", "experienced", "years?", "background", "skills?", "expertise", "worked",
    "working", "led", "managed", "degree", "master'?s?", "qualified", "qualifications?",
    "speciali[sz]ed", "motivated", "passionate", "keen", "eager", "contribute", "bring",
    "matches?", "suited", "profile", "expert", "trained",
    "ans", "annees", "parcours", "competences?", "titulaire", "travaille", "diplome",
    "formation", "maitrise", "motivee?", "passionnee?", "contribuer", "apporter",
    "correspond", "specialisee?", "acquis", "expert", "profil",
    "erfahrung", "jahre", "kenntnisse", "experiencia", "anos", "formacion",
)  # fmt: skip
COURTESY = whole_words(
    "thank you", "thanks", "i look forward", "looking forward", "at your disposal",
    "retain your attention", "hope to hear", "hear from you", "do not hesitate",
    "further information", "je reste a votre disposition", "a votre disposition", "merci",
    "dans l'attente", "je vous remercie", "retenir votre attention", "tout renseignement",
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


@dataclass(frozen=True)
class Substance:
    """How many sentences of the body carry content, and whether one names the vacancy."""

    sentences: int
    reasons: int
    about_vacancy: bool

    @property
    def gives_reasons(self) -> bool:
        return self.sentences >= MIN_SUBSTANCE_SENTENCES and self.reasons >= 1


def read_substance(text: str) -> Substance:
    """Count the sentences of substance in ``text`` (neither pointers to files nor courtesy)."""
    folded = fold(text)
    substantial = [s for s in _SENTENCE_END.split(folded) if _is_substance(s)]
    return Substance(
        sentences=len(substantial),
        reasons=sum(1 for s in substantial if REASON_WORD.search(s)),
        about_vacancy=bool(words.APPLICATION_PHRASE.search(folded) or VACANCY_NOUN.search(folded)),
    )


def _is_substance(sentence: str) -> bool:
    return (
        len(sentence.split()) >= MIN_SENTENCE_WORDS
        and words.SALUTATION.match(sentence) is None
        and words.CLOSING.search(sentence) is None
        and words.ATTACHED_DOCUMENTS.search(sentence) is None
        and COURTESY.search(sentence) is None
    )
