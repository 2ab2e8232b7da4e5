"""Word lists, English and French: title stop words, filler words, name particles, job words."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Small words of a title that carry no meaning of their own (folded: no accents).
TITLE_STOPWORDS = _words(
    "of the and for in on to at a an with de d des du la le les l et en au aux a pour sur dans"
)

# Words of a subject that are never part of a name, degrees after a name included (lower case;
# accented and plain spellings).
FILLER = _words(
    """
    application applications apply applying applicant candidate candidacy candidature
    candidatures candidat candidate postulation postuler postule je souhaite souhaiterais
    cv c.v resume résumé curriculum vitae vacancy vacancies notice notices job jobs post
    poste postes position positions role vacance vacances avis offre emploi emplois
    ref réf reference référence ref. no nr num number numero numéro n° nº
    submitted submission submit sent send sending envoi envoyé envoyée soumis soumise soumission
    by from par for the of to a an and with my our your on in at as re regarding concerning about
    au aux des pour et avec mon ma mes notre votre en sur à objet subject subj
    motivation letter letters cover lettre lettres attached attachment attachments enclosed
    ci-joint ci-jointe ci-joints pièce pièces jointe jointes please find documents document
    docs dossier dossiers file files name nom prénom surname firstname first last family
    urgent new updated update final version revised corrected resubmission resent spontaneous
    spontanée spontané unsolicited expression interest intérêt internship stage stagiaire
    recruitment recrutement vacancy-notice advertised advert advertisement announcement
    published website site linkedin call appel competition concours selection process
    here is are herewith hereby fwd fw and/or or ou via mail email e-mail
    question questions query enquiry inquiry deadline information request clarification
    thank thanks reminder confirmation receipt follow-up please kindly confirm attempt
    phd ph.d mba msc bsc llm llb cpa acca cfa pmp esq
    hello hi hey dear greetings bonjour bonsoir salut cher chère chers madam madame sir sirs
    monsieur messieurs mesdames hr rh team équipe
    """
)

# Words that start a name's surname part: kept inside a name, never a name alone.
PARTICLES = _words(
    """
    van von der den de del della dei di da das dos do du la le les lo bin binti bint ibn ben
    abu al el ter ten zu y e st saint mac mc ó ní nic ua ap
    """
)

# Titles of address in front of a name: not part of it.
HONORIFICS = _words(
    "mr mrs ms miss mx dr prof professor mme mlle madame monsieur mister sir dame eng ing"
)

# Words that say what a phrase is a job, not a person.
JOB_WORDS = _words(
    """
    senior junior principal expert officer manager director deputy assistant associate analyst
    specialist consultant adviser advisor intern trainee coordinator coordinateur officer
    attaché attache chargé chargée charge responsable conseiller conseillère directeur
    directrice adjoint adjointe technical technique programme program project projet unit unité
    customs douane douanes organization organisation organisation world mondiale international
    """
)

# The words after which "de" or "d'" means "from" (Candidature de Jean Dupont).
FROM_CONTEXT = _words(
    "candidature candidatures application cv lettre dossier motivation soumise soumis envoyée "
    "envoyé envoi part"
)
FROM_WORDS = _words("de d' d’")

MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre decembre
    """
)
