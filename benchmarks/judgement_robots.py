"""Labelled robots and non-applications of the judgement benchmark, in six or more languages.

Written for the benchmark, not taken from the rules: header-less out-of-office replies (short
"back on Monday" ones included), help-desk receipts, read receipts, calendar invitations and
questions whose subject looks like an application. None is an application.
"""

from __future__ import annotations

from tests.judged_messages import Case, Want, calendar_event, mail

NOT = Want(application=False)
RE = "Re: Your application – WCO/2025/DD-IS"

_AWAY = (
    ("en", "I'm out of the office and back on Monday."),
    ("en", "Thank you for your email. I am travelling with limited access to email and will "
     "respond on my return on 4 November."),
    ("en", "Back on 3/11."),
    ("fr", "Absente jusqu'au 3 novembre. Pour toute urgence, contactez le secrétariat."),
    ("fr", "De retour lundi."),
    ("es", "Estoy fuera de la oficina hasta el lunes 3 de noviembre."),
    ("es", "Vuelvo el lunes."),
    ("it", "Sono fuori ufficio fino al 3 novembre con accesso limitato alla posta."),
    ("it", "Rientro lunedì."),
    ("pt", "Estou de férias até 3 de novembro. Em caso de urgência contacte a minha colega."),
    ("pt", "Volto na segunda-feira."),
    ("de", "Ich bin bis zum 3. November nicht im Büro."),
    ("de", "Ab Montag wieder da."),
    ("nl", "Ik ben afwezig tot maandag 3 november."),
    ("es", "Me encuentro de baja por maternidad. En caso de urgencia, contacte con Recursos "
     "Humanos."),
    ("it", "Sono in congedo di maternità. Per urgenze contattare l'ufficio del personale."),
    ("pt", "Estou de licença de maternidade. Em caso de urgência, contacte a secretaria."),
    ("fr", "Le bureau est fermé jusqu'au 2 janvier. Nous vous répondrons à notre retour."),
)  # fmt: skip
_HELP_DESK = (
    ("en", "[Ticket #48213] " + RE, "Your request has been received and ticket #48213 has "
     "been created. A member of our support team will get back to you shortly."),
    ("fr", "[Demande 2025-1138] " + RE, "Votre demande n° 2025-1138 a bien été enregistrée. "
     "Nous la traiterons dans les meilleurs délais."),
    ("es", "[Caso 55321] " + RE, "Hemos recibido su solicitud. Número de caso: 55321. Le "
     "responderemos lo antes posible."),
    ("de", "[Ticket#88123] " + RE, "Ihre Anfrage wurde unter der Ticketnummer 88123 erfasst. "
     "Wir melden uns so bald wie möglich."),
    ("it", "[Ticket 7712] " + RE, "La sua richiesta è stata registrata con il numero di "
     "ticket 7712. Le risponderemo al più presto."),
    ("pt", "[Pedido 4410] " + RE, "O seu pedido foi registado com o número 4410. "
     "Responderemos com a maior brevidade possível."),
    ("fr", RE, "Nous avons bien reçu votre message. Une réponse vous sera apportée sous "
     "5 jours ouvrés."),
    ("es", RE, "Hemos recibido su correo y le responderemos en un plazo de 3 días hábiles."),
)  # fmt: skip
_READ = (
    ("en", "Read: " + RE[4:], "Your message\n\n  To: Maria Costa\n  Subject: Your application\n"
     "  Sent: 20/10/2025 11:31\n\nwas read on 21/10/2025 09:12."),
    ("fr", "Lu : " + RE[4:], "Votre message\n\n  À : Jean Petit\n  Objet : Votre candidature\n"
     "  Envoyé : 20/10/2025 11:31\n\na été lu le 21/10/2025 09:12."),
    ("de", "Gelesen: " + RE[4:], "Ihre Nachricht\n\n  An: Lena Vogel\n  Betreff: Ihre "
     "Bewerbung\n  Gesendet: 20.10.2025 11:31\n\nwurde am 21.10.2025 09:12 gelesen."),
    ("es", "Leído: " + RE[4:], "Su mensaje\n\n  Para: Lucía Ruiz\n  Asunto: Su candidatura\n"
     "  Enviado el: 20/10/2025 11:31\n\nse leyó el 21/10/2025 09:12."),
    ("it", "Letto: " + RE[4:], "Il messaggio\n\n  A: Marco Bianchi\n  Oggetto: La sua "
     "candidatura\n  Inviato: 20/10/2025 11:31\n\nè stato letto il 21/10/2025 09:12."),
)  # fmt: skip
_CALENDAR = (
    ("en", "Invitation: Interview – WCO/2025/DD-IS @ Tue 4 Nov 2025", "You have been invited "
     "to the following event.", "Interview – WCO/2025/DD-IS", "REQUEST"),
    ("en", "Accepted: Interview – Deputy Director, Implementation Support", "", "Interview",
     "REPLY"),
    ("fr", "Invitation : Entretien – Directeur adjoint, Appui à la mise en œuvre",
     "Vous avez été invité à l'événement suivant.", "Entretien", "REQUEST"),
    ("es", "Invitación: Entrevista – WCO/2025/HU-NA", "", "Entrevista", "REQUEST"),
)  # fmt: skip
_QUESTIONS = (
    ("en", "Question about the application – WCO/2025/DD-IS – Jonas Berg", "Dear HR team,\n\n"
     "Is the deadline of 26 October Brussels time or UTC? And can I send my diploma later?\n\n"
     "Kind regards,\nJonas Berg"),
    ("en", "Application WCO/2025/HU-NA – query", "Hello,\n\nI would like to know whether "
     "nationals of non-member countries may apply for this post.\n\nThank you,\nAnil Rao"),
    ("fr", "Candidature WCO/2025/DD-IS – question", "Bonjour,\n\nLa lettre de motivation "
     "doit-elle être signée à la main ? Merci d'avance.\n\nClaire Morel"),
    ("es", "Consulta sobre la candidatura – WCO/2025/HU-NA", "Buenos días:\n\n¿Es posible "
     "enviar el CV en español o debe estar en inglés?\n\nGracias,\nPablo Ortega"),
    ("it", "Domanda sulla candidatura – WCO/2025/DD-IS", "Buongiorno,\n\nposso inviare il CV "
     "in italiano oppure deve essere in inglese o francese?\n\nGrazie,\nGiulia Romano"),
    ("pt", "Dúvida sobre a candidatura – WCO/2025/HU-NA", "Bom dia,\n\nGostaria de saber se "
     "a carta de motivação pode ter mais de duas páginas.\n\nObrigado,\nRui Almeida"),
    ("de", "Bewerbung WCO/2025/DD-IS – Rückfrage", "Guten Tag,\n\nmuss der Lebenslauf im "
     "Europass-Format eingereicht werden?\n\nMit freundlichen Grüßen\nJonas Keller"),
)  # fmt: skip


def robot_cases() -> list[Case]:
    """Every labelled non-application, built into a message."""
    cases = [
        Case(f"away {lang} {body[:30]!r}", "out_of_office", mail(RE, body), NOT)
        for lang, body in _AWAY
    ]
    cases += [
        Case(f"ticket {lang}", "help_desk", mail(subject, body), NOT)
        for lang, subject, body in _HELP_DESK
    ]
    cases += [
        Case(f"read {lang}", "read_receipt", mail(subject, body), NOT)
        for lang, subject, body in _READ
    ]
    cases += [
        Case(
            f"calendar {lang} {method}",
            "calendar",
            mail(subject, body, calendar=calendar_event(summary, method)),
            NOT,
        )
        for lang, subject, body, summary, method in _CALENDAR
    ]
    cases += [
        Case(f"question {lang}", "question", mail(subject, body), Want(application=False))
        for lang, subject, body in _QUESTIONS
    ]
    return cases
