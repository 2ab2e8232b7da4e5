"""Words of machine receipts and short returns: tickets, read receipts, "back on Monday".

English, French, Spanish, Italian, Portuguese, German and Dutch, as the mailbox receives them.
Every pattern reads the sender's own opening lines, never quoted text.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.VERBOSE

# A help desk or ticket system saying it logged a request.
TICKET_RECEIPT = re.compile(
    r"""\b(?:
        (?:your\ )?(?:request|ticket|case|enquiry|inquiry|query)\b.{0,40}?\b(?:has|have)\ been
            \ (?:received|created|logged|registered|opened|recorded)
      | (?:ticket|case|reference|request)\ (?:number|no\.?|id)\b
      | votre\ (?:demande|requ[êe]te|ticket|dossier)\b.{0,40}?\ a\ (?:bien\ )?[ée]t[ée]
            \ (?:enregistr[ée]e?|re[çc]ue?|cr[ée][ée]e?|prise?\ en\ compte)
      | num[ée]ro\ de\ (?:ticket|demande|dossier|suivi)
      | hemos\ recibido\ su\ (?:solicitud|consulta|petici[óo]n|mensaje)
      | n[úu]mero\ de\ (?:caso|ticket|solicitud|incidencia|expediente)
      | ihre\ anfrage\ wurde | ticketnummer | vorgangsnummer
      | la\ sua\ richiesta\ [èe]\ stata\ (?:registrata|ricevuta|presa\ in\ carico)
      | numero\ di\ (?:ticket|pratica|richiesta)
      | o\ seu\ pedido\ foi\ (?:registado|registrado|recebido)
      | n[úu]mero\ do\ (?:pedido|chamado|ticket|protocolo)
      | uw\ (?:verzoek|aanvraag)\ is\ (?:ontvangen|geregistreerd) | ticketnummer
    )""",
    _FLAGS,
)
# A reference number somewhere near: "#48213", "n° 2025-1138", "número de caso: 55321".
REFERENCE_NUMBER = re.compile(
    r"(?:#|n[°º]|no\.|number|n[úu]mero|numero|nummer|ticket|case|caso|pedido|demande|:)"
    r"\W{0,3}(?:[^\W\d]+\s+){0,2}[\w-]*\d",
    re.IGNORECASE,
)
# A read receipt written as text (Outlook's, in its languages).
READ_RECEIPT = re.compile(
    r"""\b(?:
        was\ read\ on | has\ been\ read | a\ [ée]t[ée]\ lu | wurde\ am\ .{1,40}?\ gelesen
      | deleted\ without\ being\ read | supprim[ée]\ sans\ avoir\ [ée]t[ée]\ lu
      | ungelesen\ gel[öo]scht
      | (?:se\ ley[óo]|fue\ le[íi]do|ha\ sido\ le[íi]do)\ el | [èe]\ stato\ letto
      | foi\ lid[oa] | is\ gelezen\ op
    )""",
    _FLAGS,
)
# A short return notice: "Back on Monday", "De retour lundi", "Vuelvo el lunes"…
BACK_ON = re.compile(
    r"""(?:^|\b)(?:
        (?:i'?ll\ be\ |i\ will\ be\ |i\ am\ |i'm\ )?back\ (?:on|from|in|by|after|at)
      | de\ retour | je\ serai\ de\ retour | retour\ (?:le|au\ bureau)
      | vuelvo | regreso | estar[ée]\ de\ (?:vuelta|regreso)
      | rientro | torno | sar[òo]\ di\ (?:ritorno|nuovo)
      | volto | regresso | estarei\ de\ volta
      | (?:ab|am)\ \w+\ wieder | wieder\ (?:da|im\ b[üu]ro|erreichbar) | zur[üu]ck\ am
      | terug\ op | weer\ aanwezig
    )\b""",
    _FLAGS,
)
# A day or a date the writer returns on.
WHEN = re.compile(
    r"""\b(?:
        monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next\ week
      | lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|la\ semaine\ prochaine
      | lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|ma[ñn]ana
      | luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|domani
      | segunda|ter[çc]a|quarta|quinta|sexta|amanh[ãa]
      | montag|dienstag|mittwoch|donnerstag|freitag|morgen|n[äa]chste\ woche
      | maandag|dinsdag|woensdag|donderdag|vrijdag|morgen
    )\b|\d{1,2}\s*[./-]\s*\d{1,2}|\d{1,2}\.?\s?(?:st|nd|rd|th|er)?\s+\w{3,}
     |\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b""",
    _FLAGS,
)
# A receipt that promises an answer, with no reference number ("we may take up to 5 working
# days to respond").
RECEIVED_NOTICE = re.compile(
    r"""\b(?:
        your\ (?:e-?mail|message|request|enquiry)\ (?:has\ been|was)\ received
      | we\ (?:have\ )?received\ your\ (?:e-?mail|message|request|enquiry)
      | votre\ (?:courriel|message|e-?mail|demande)\ a\ (?:bien\ )?[ée]t[ée]\ re[çc]u
      | nous\ avons\ (?:bien\ )?re[çc]u\ votre\ (?:courriel|message|e-?mail|demande)
      | ihre\ (?:e-?mail|nachricht)\ (?:ist\ (?:bei\ uns\ )?eingegangen|wurde\ empfangen)
      | hemos\ recibido\ su\ (?:correo|mensaje) | abbiamo\ ricevuto\ (?:la\ sua|il\ suo)
      | recebemos\ (?:o\ seu|a\ sua)\ (?:e-?mail|mensagem)
    )""",
    _FLAGS,
)
RESPONSE_TIME = re.compile(
    r"""\b(?:
        (?:working|business)\ days | as\ soon\ as\ possible | shortly | in\ due\ course
      | jours\ ouvr[ée]s | dans\ les\ meilleurs\ d[ée]lais | dans\ les\ plus\ brefs\ d[ée]lais
      | werktage | so\ bald\ wie\ m[öo]glich | d[íi]as\ h[áa]biles | lo\ antes\ posible
      | giorni\ lavorativi | al\ pi[ùu]\ presto | dias\ [úu]teis | brevemente
    )\b""",
    _FLAGS,
)
# A subject that only says the sender is away ("Vacation", "Congés", "Urlaub").
AWAY_SUBJECT = re.compile(
    r"""^\W*(?:
        vacation | holidays? | away | absence | absent | ooo | pto | out\ of\ (?:the\ )?office
      | cong[ée]s? | vacances | urlaub | abwesenheit | vacaciones | ausencia | ferie | assenza
      | f[ée]rias | aus[êe]ncia | afwezig(?:heid)? | vakantie
    )\W*$""",
    _FLAGS,
)
