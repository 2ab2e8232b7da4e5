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
      | afwezig(?:heid)? | automatisch\ antwoord | automatyczna\ odpowied[źz]
      | رد\ تلقائي | автоматический\ ответ
      # Outlook's "Automatic reply" in the other languages it ships in
      | automaattinen\ vastaus | automaatvastus
      | automatick[áa]\ odpov[ěe]ď | automatick[áa]\ odpove[ďd]
      | otomatik\ yan[ıi]t | automatikus\ v[áa]lasz | r[ăa]spuns\ automat | autosvar
      | automatski\ odgovor | samodejni\ odgovor | automatinis\ atsakymas
      | autom[āa]tisk[āa]\ atbilde | balasan\ otomatis | tr[ảa]\ l[ờo]i\ t[ựu]\ [đd][ộo]ng
      | αυτόματη\ απάντηση | автоматична\ відповідь | автоматичен\ отговор
      | תשובה\ אוטומטית | 자동\ ?응답
    )\b|^\W*(?:自動応答|自動返信|自动回复|自動回覆|ตอบกลับอัตโนมัติ)""",
    _FLAGS,
)
# Sentences only an automatic reply writes, or a mailbox nobody reads: enough on their own.
AUTOMATIC_OPENING = re.compile(
    r"""\b(?:
        automatic(?:ally\ generated)?\ (?:reply|response|message) | auto[-\ ]?reply
      | automated\ (?:reply|response|message) | this\ is\ an\ auto
      | r[ée]ponse\ automatique | message\ automatique | abwesenheitsnotiz
      | automatische\ (?:antwort|nachricht|benachrichtigung) | respuesta\ autom[áa]tica
      | risposta\ automatica | resposta\ autom[áa]tica | automatisch\ antwoord
      | automatyczna\ odpowied[źz] | автоматический\ ответ | رد\ تلقائي
      | (?:mailbox|e-?mail\ address|address|inbox)\ is\ (?:no\ longer|not)\ (?:monitored|in\ use
            |active|being\ monitored|read)
      | i\ am\ no\ longer\ (?:with|working|employed) | (?:has|have)\ left\ the\ (?:organi[sz]ation
            |company|ministry|office)
      | n'est\ plus\ (?:consult[ée]e|active|utilis[ée]e) | ne\ fait\ plus\ partie
      | nicht\ mehr\ (?:besetzt|aktiv|im\ unternehmen) | ya\ no\ (?:trabaja|forma\ parte)
      | automaattinen\ vastaus | automatick[áa]\ odpov[ěe]ď | otomatik\ yan[ıi]t
      | automatikus\ v[áa]lasz | r[ăa]spuns\ automat | αυτόματη\ απάντηση
      | автоматична\ відповідь | תשובה\ אוטומטית
    )\b|自动回复|自動回覆|自動応答|自動返信""",
    _FLAGS,
)
# Being away, said the way vacation messages say it: it needs a return or a date as well.
AWAY = re.compile(
    r"""\b(?:
        out\ of\ (?:the\ )?office | away\ from\ (?:the\ |my\ )?(?:office|desk)
      | i(?:\ am|'m|’m|\ will\ be)\ (?:currently\ |now\ )?(?:away|out|off|absent|travelling
            |traveling|attending|at\ a\ conference|not\ in\ the\ office)\b
      | on\ (?:\w+\ ){0,2}leave | on\ (?:holiday|vacation|mission|a\ business\ trip|pto)
      | (?:maternity|paternity|parental|sick)\ leave | the\ office\ is\ closed
      | cong[ée]\ (?:maternit[ée]|paternit[ée]|parental|maladie) | le\ bureau\ est\ ferm[ée]
      | elternzeit | mutterschutz | das\ b[üu]ro\ ist\ geschlossen
      | baja\ (?:por\ )?(?:maternidad|paternidad|enfermedad) | la\ oficina\ (?:est[áa]\ )?cerrada
      | congedo\ (?:di\ )?(?:maternit[àa]|paternit[àa]|parentale) | l'ufficio\ [èe]\ chiuso
      | licen[çc]a\ (?:de\ )?(?:maternidade|paternidade) | o\ escrit[óo]rio\ est[áa]\ fechado
      | absent(?:e|\(e\))?\ du\ bureau | absence\ du\ bureau
      | je\ suis\ (?:actuellement\ |en\ ce\ moment\ )?(?:absent(?:e|\(e\))?
            |en\ (?:mission|formation|r[ée]union|d[ée]placement|vacances|s[ée]minaire|arr[êe]t))
      | je\ serai\ absent(?:e|\(e\))? | en\ cong[ée]s? | absent(?:e|\(e\))?s?
      | nicht\ im\ (?:b[üu]ro|haus) | au[ßs]er\ haus | au[ßs]erhalb\ des\ b[üu]ros
      | im\ urlaub | abwesend | nicht\ erreichbar | ich\ befinde\ mich
      | fuera\ de\ (?:la\ )?oficina | ausente | de\ vacaciones | no\ me\ encuentro
      | estar[ée]\ fuera
      | fuori\ (?:dall'|dall’)?ufficio | in\ ferie | assente
      | fora\ do\ escrit[óo]rio | de\ f[ée]rias
      | afwezig | niet\ op\ kantoor | na\ urlopie | poza\ biurem
      | в\ отпуске | вне\ офиса | не\ в\ офисе
    )|不在办公室|休假""",
    _FLAGS,
)
# What a candidate who says they are away writes about: the post, the application, the papers.
ABOUT_THE_POST = re.compile(
    r"""\b(?:
        apply | applying | application | candidacy | motivation | post | position | vacancy
      | interest | considered | letter | documents? | copies | cv | curriculum | r[ée]sum[ée]
      | (?:will|shall|'ll)\ (?:then\ )?send | send\ (?:it|them|my)
      | candidature | postuler | poste | dossier | lettre | enverrai
      | bewerbung | bewerbe | stelle | unterlagen | lebenslauf
      | candidatura | puesto | vacante | posizione | vaga | documentos
    )\b""",
    _FLAGS,
)
# A subject that answers another message (Outlook, Gmail and their translations), perhaps
# behind a vacation program's own prefix ("Away: Re: …", "Auto: Re: …").
REPLY_SUBJECT = re.compile(
    r"^(?:[^:]{1,40}:\s*)?\W*(?:re|aw|antw|sv|vs|odp|r|rif|réf|ref)\s*:", re.IGNORECASE
)
RETURN_OR_DATE = re.compile(
    r"""\b(?:
        until | till | through | return(?:ing)? | back\ (?:on|in\ the\ office) | limited\ access
      | when\ i(?:'m|\ am)\ back | intermittent\ access | limited\ connectivity
      | (?:respond|reply|answer|get\ back\ to\ you)\ (?:as\ soon\ as|when|upon|on\ my)
      | (?:please\ )?contact | for\ urgent | (?:will|is)\ not\ (?:be\ )?(?:read|forwarded)
      | merci\ de\ contacter | veuillez\ contacter | pour\ toute\ (?:question|urgence)
      | en\ cas\ d'urgence | ne\ sera\ pas\ lu | bitte\ wenden\ sie\ sich
      | in\ dringenden\ f[äa]llen | nicht\ gelesen | nicht\ weitergeleitet
      | en\ caso\ de\ urgencia | contacte\ con | per\ urgenze | contattare
      | em\ caso\ de\ urg[êe]ncia | contacte
      | jusqu'(?:au|à) | de\ retour | retour | acc[èe]s\ limit[ée]
      | bis | zur[üu]ck | wieder\ (?:im\ b[üu]ro|erreichbar) | r[üu]ckkehr
      | hasta | regres | volver[ée] | de\ vuelta
      | fino\ al | rientr | torner[òo]
      | at[ée] | regresso | voltarei | do\ \d | до\ \d
    )\b|\d{1,2}[./-]\d{1,2}|\d{1,2}\.?\ ?(?:st|nd|rd|th|er|\ de)?\ \w{3,}|返回|回来""",
    _FLAGS,
)
# Subjects of delivery failures (Exchange in its languages, Postfix, qmail, Exim, Gmail):
# a fixed title, or delivery and failure named together.
BOUNCE_SUBJECT = re.compile(
    r"""^\W*(?:
        undeliverable | undelivered\ mail | returned\ mail | failure\ notice | mail\ system\ error
      | non\ remis | non\ distribuable | unzustellbar | nicht\ zustellbar
      | no\ se\ puede\ entregar | no\ entregado | non\ recapitabile | n[ãa]o\ (?:foi\ )?entregue
      | (?:warning:\ )?(?:mail\ |message\ )?(?:delivery|delivered|deliver)\b.{0,40}?\b(?:fail
            |failed|failure|delayed|could\ not|not\ delivered)
      | (?:mail|message)\ (?:could\ not\ be|not)\ delivered
      | (?:warning:\ )?(?:message|mail)\ delayed
      | [ée]chec\ de\ (?:la\ )?remise
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
      | did\ not\ reach\ (?:some\ or\ all\ of\ )?the\ intended\ recipient
      | following\ recipients?\ could\ not\ be\ reached | unable\ to\ deliver\ your\ message
      | (?:has|have)\ not\ been\ delivered\ yet | failed\ to\ deliver\ to
      | this\ report\ relates\ to\ a\ message\ you\ sent
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
