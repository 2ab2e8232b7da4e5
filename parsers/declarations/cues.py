"""The other words a declaration is read by: negation, exception, work, tense, clause breaks."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _any(text: str) -> str:
    return "|".join(text.split())


NEGATION = re.compile(
    r"(?<![\w-])(?:no|not|none|neither|nor|never|nobody|nothing|no\s+one|without|"
    r"aucune?s?|pas|ni|jamais|nul(?:le)?|(?<!une\s)(?<!la\s)(?<!cette\s)personne|rien|ne|n')(?![\w-])|n't(?![\w-])"
)
# Family words of an earlier clause denied by a pronoun ("…, although none of them at the WCO").
NEGATED_REFERENCE = re.compile(
    r"(?<![\w-])(?:(?:none|neither|no\s+one)\s+of\s+them|aucune?\s+d'(?:entre\s+)?(?:eux|elles)|"
    r"(?:they|ils|elles)\s+(?:do\s+not|don't|are\s+not|aren't|ne|n'))(?![\w-])"
)
# Family words inside a negation's list ("no member of my family, including my husband").
INCLUSION = re.compile(
    r"(?<![\w-])(?:including|even|not\s+even|y\s+compris|notamment|pas\s+meme|meme\s+pas|ni)\s*$"
)
EXCEPTION = re.compile(
    r"(?<![\w-])(?:except(?:\s+for)?|excepting|apart\s+from|other\s+than|save\s+for|"
    r"with\s+the\s+exception\s+of|excluding|besides|but(?=\s+(?:my|mon|ma|mes)\s)|sauf|"
    r"hormis|excepte(?:e|s)?|mis\s+a\s+part|a\s+part|a\s+l'exception\s+d(?:e|u|es|')|"
    r"en\s+dehors\s+d(?:e|u|es|')|si\s+ce\s+n'est)(?![\w-])"
)
_VERBS = (
    "works work working employed employs employ serves serving posted assigned seconded based "
    "holds holding heads leads joined appointed recruited travaille travaillent travaillant "
    "employee employees employe emploie emploient sert servent affecte affectee affectes "
    "detache detachee exerce occupe oeuvre recrute recrutee nomme nommee employes employees "
    "salarie salariee embauche embauchee hired engaged"
)
_JOBS = (
    "officer official officials employee adviser advisor director manager assistant analyst "
    "expert specialist head chief secretary coordinator attache interpreter translator "
    "fonctionnaire fonctionnaires agent agents conseiller conseillere directeur directrice "
    "chef administrateur administratrice assistante traducteur traductrice interprete analyste "
    "charge chargee"
)
WORK = re.compile(
    rf"(?<![\w-])(?:{_any(_VERBS)}|{_any(_JOBS)}|has\s+worked|have\s+worked|is\s+with|"
    r"(?:has|have)\s+been\s+(?:with|at|on)|"
    r"are\s+with|is\s+part|en\s+poste|fait\s+partie|font\s+partie|is\s+currently|"
    r"est\s+actuellement)(?![\w-])"
)
COPULA = re.compile(r"(?<![\w-])(?:is|are|est|sont)(?![\w-])")
PAST = re.compile(
    r"(?<![\w-])(?:(?<!has\s)(?<!have\s)worked|was\s+(?:a|an|employed|working|with|at|on|in|"
    r"posted|based|part)|were\s+(?:employed|working|with|at|on|in)|used\s+to|had\s+(?:been|worked)|"
    r"former(?:ly)?|previously|ex-\w+|retired|retirement|late|passed\s+away|deceased|until\s+(?:his|her|"
    r"their|\d{4})|travaillait|travaillaient|a\s+travaille|ont\s+travaille|etait|etaient|"
    r"ancienn?e?s?|retraitee?s?|retraite|defunte?s?|feue?|decedee?s?|jusqu'en)(?![\w-])"
)
BOUNDARY = re.compile(
    r";|,\s*(?:and|but|while|whereas|although|though|however|mais|et|tandis|alors\s+que|"
    r"bien\s+que|cependant|or)(?![\w-])|(?<![\w-])(?:but|whereas|although|however|mais|"
    r"tandis\s+que|alors\s+que|cependant)(?![\w-])|(?<![\w-])(?:and|et)\s+(?=(?:no|none|"
    r"nobody|neither|aucune?|personne|je|j')(?![\w-]))"
)
# Words that break the tie between a relative and a verb (someone else acts), or between the
# verb and the organisation (a relative clause, an exception, a collaboration).
SUBJECT_BLOCKERS = _words("me i je j m moi myself us nous")
PLACE_BLOCKERS = _words(
    "my mon ma mes me i je j which that where who whose qui que dont ou than except other "
    "with avec alongside closely collaborated not no pas while when"
)
# Words allowed between a verb and the organisation without counting as unknown.
CONNECTORS = _words(
    "at in on for of by within as the a an and since from to currently also now still been "
    "has have is are both here full time permanent senior junior au aux dans pour de du des "
    "d l la le les un une en par chez aupres depuis comme et actuellement egalement sein "
    "years year months its their his her member members staff unit division directorate "
    "department service office section team sector bureau direction departement cellule "
    "equipe sous headquarters secretariat general"
)
DIRECT_CONNECTORS = _words("at in on within au a dans chez the l la le aupres de d du")
# Words bridging a negation and the family words it denies ("not aware of any relatives").
BRIDGES = _words(
    "of my mine any have has had do does did i am is are be aware other one in immediate "
    "close single member members la de d ma mes n ai suis est sont a aucun aucune avec un "
    "une to related with family currently at present knowledge best own there is declare "
    "report regarding concerning about signaler declarer que"
)
EVENT_NOUNS = _words(
    "conference conferences meeting meetings session sessions event events workshop workshops "
    "seminar seminars forum council assembly day fellowship programme program course courses "
    "training framework convention standards standard tools family famille conference "
    "accreditation accredited website publication publications award awards scholarship"
)
