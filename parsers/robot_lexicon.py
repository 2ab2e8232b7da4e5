"""Words of automatic replies and delivery failures, in the languages the mailbox receives."""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.VERBOSE

# Subjects that start like an automatic reply (after any punctuation or bracket).
OUT_OF_OFFICE_SUBJECT = re.compile(
    r"""^\W*(?:
        out\ of\ (?:the\ )?office | automatic\ reply | auto[-\ ]?reply | auto[-\ ]?response
      | autoreply | automated\ (?:reply|response) | vacation\ (?:reply|response|notice)
      | away\ from\ (?:the\ )?office
      | r[ée]ponse\ automatique | absence\ du\ bureau | absent\ du\ bureau | message\ d'absence
      | abwesenheitsnotiz | automatische\ antwort | abwesend | nicht\ im\ b[üu]ro
      | respuesta\ autom[áa]tica | fuera\ de\ (?:la\ )?oficina
      | risposta\ automatica | fuori\ (?:dall'|dall’)?ufficio
      | resposta\ autom[áa]tica | fora\ do\ escrit[óo]rio | ausente\ do\ escrit[óo]rio
      | afwezig(?:heid)? | automatisch\ antwoord
    )\b""",
    _FLAGS,
)
# Sentences only an automatic reply writes: enough on their own in the first lines.
AUTOMATIC_OPENING = re.compile(
    r"""\b(?:
        automatic(?:ally\ generated)?\ (?:reply|response|message) | auto[-\ ]?reply
      | automated\ (?:reply|response|message) | this\ is\ an\ auto
      | r[ée]ponse\ automatique | message\ automatique | abwesenheitsnotiz
      | automatische\ (?:antwort|nachricht|benachrichtigung) | respuesta\ autom[áa]tica
      | risposta\ automatica | resposta\ autom[áa]tica | automatisch\ antwoord
      | автоматический\ ответ
    )\b""",
    _FLAGS,
)
# Being away, said the way vacation messages say it: it needs a return or a date as well.
AWAY = re.compile(
    r"""\b(?:
        out\ of\ (?:the\ )?office | away\ from\ (?:the\ |my\ )?(?:office|desk)
      | i(?:\ am|'m|’m|\ will\ be)\ (?:currently\ |now\ )?(?:away|absent|on\ (?:annual\ |sick\ |
            parental\ |maternity\ )?leave|on\ holiday|on\ vacation|on\ mission|travelling
            |traveling|off\ work|not\ in\ the\ office)
      | absent(?:e|\(e\))?\ du\ bureau | absence\ du\ bureau
      | je\ suis\ (?:actuellement\ |en\ ce\ moment\ )?(?:absent(?:e|\(e\))?|en\ cong[ée]s?
            |en\ mission|en\ d[ée]placement|en\ vacances)
      | je\ serai\ absent(?:e|\(e\))?
      | nicht\ im\ (?:b[üu]ro|haus) | au[ßs]er\ haus | au[ßs]erhalb\ des\ b[üu]ros
      | ich\ bin\ (?:.{0,40}?\ )?(?:abwesend|im\ urlaub|nicht\ erreichbar)
      | fuera\ de\ (?:la\ )?oficina | ausente\ de\ la\ oficina
      | estoy\ (?:.{0,30}?\ )?(?:de\ vacaciones|ausente) | estar[ée]\ (?:ausente|fuera)
      | fuori\ (?:dall'|dall’)?ufficio | sono\ (?:.{0,30}?\ )?(?:in\ ferie|assente)
      | sar[òo]\ assente
      | fora\ do\ escrit[óo]rio | estou\ (?:.{0,30}?\ )?(?:de\ f[ée]rias|ausente)
      | afwezig | niet\ op\ kantoor | нахожусь\ в\ отпуске | вне\ офиса
    )""",
    _FLAGS,
)
RETURN_OR_DATE = re.compile(
    r"""\b(?:
        until | till | return(?:ing)? | back\ (?:on|in\ the\ office) | limited\ access
      | jusqu'(?:au|à) | de\ retour | retour\ le | acc[èe]s\ limit[ée]
      | bis\ (?:zum|einschlie[ßs]lich)? | zur[üu]ck | wieder\ (?:im\ b[üu]ro|erreichbar)
      | hasta\ el | regres | volver[ée] | de\ vuelta
      | fino\ al | rientr | torner[òo]
      | at[ée]\b | regresso | voltarei
    )|\d{1,2}[./-]\d{1,2}|\d{1,2}\.?\ ?(?:st|nd|rd|th|er|\ de)?\ \w{3,}""",
    _FLAGS,
)
# Subjects of delivery failures (Exchange in its languages, Postfix, qmail, Exim, Gmail).
BOUNCE_SUBJECT = re.compile(
    r"""^\W*(?:
        undeliverable | undelivered\ mail | mail\ delivery\ failed | returned\ mail
      | delivery\ status\ notification\ \((?:failure|delay)\) | delivery\ (?:has\ )?failed
      | delivery\ failure | failure\ notice | message\ not\ delivered | mail\ system\ error
      | non\ remis | non\ distribuable | [ée]chec\ de\ (?:la\ )?remise | unzustellbar
      | nicht\ zustellbar | no\ se\ puede\ entregar | no\ entregado | non\ recapitabile
      | n[ãa]o\ (?:foi\ )?entregue
    )\b""",
    _FLAGS,
)
# Opening sentences of delivery failure reports in the body.
BOUNCE_OPENING = re.compile(
    r"""\b(?:
        delivery\ has\ failed\ to\ these\ recipients | this\ is\ the\ mail\ system\ at\ host
      | this\ is\ the\ qmail-send\ program | i'm\ afraid\ i\ wasn't\ able\ to\ deliver
      | created\ automatically\ by\ mail\ delivery\ software
      | (?:message|mail)\ (?:could\ not|couldn't|wasn't|was\ not)\ (?:be\ )?delivered
      | your\ message\ (?:wasn't|was\ not|couldn't\ be|could\ not\ be)\ delivered
      | delivery\ to\ the\ following\ recipients?\ (?:failed|has\ been\ delayed)
      | (?:permanent|fatal)\ (?:error|failure)\ (?:delivering|while\ delivering)
      | la\ remise\ (?:du\ message\ )?a\ [ée]chou[ée]
      | n'a\ pas\ pu\ [êe]tre\ (?:remis|distribu[ée])
      | konnte\ nicht\ zugestellt\ werden | zustellung\ .{0,60}?fehlgeschlagen
      | recapito\ non\ riuscito
      | no\ (?:se\ )?(?:pudo|ha\ podido)\ (?:ser\ )?entreg | error\ en\ la\ entrega
      | non\ [èe]\ stato\ possibile\ recapitare | impossibile\ recapitare
    )""",
    _FLAGS,
)
# Sentences of our own acknowledgements (the shipped English and French templates).
OUR_ACKNOWLEDGEMENT = re.compile(
    r"""(?:
        thank\ you\ for\ your\ (?:application|message)\.\ .{1,200}?\ received\ it\ on
      | this\ message\ was\ sent\ automatically;\ there\ is\ no\ need\ to\ reply
      | nous\ vous\ remercions\ de\ votre\ (?:candidature|message)\.\ .{1,200}?\ l'a\ re[çc]ue?\ le
      | ce\ message\ a\ [ée]t[ée]\ envoy[ée]\ automatiquement
    )""",
    _FLAGS,
)
# Our acknowledgements' Message-IDs are ``<ack.{token}@{domain}>``.
OUR_ACK_ID = re.compile(r"<ack\.[\w.-]+@[\w.-]+>", re.IGNORECASE)
FORWARD_PREFIX = re.compile(r"^\W*(?:fwd?|fw|tr|wg|rv|i|enc|doorst)\s*:", re.IGNORECASE)
