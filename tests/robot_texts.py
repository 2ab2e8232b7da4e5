"""What robots write: vacation notices, delivery failure reports and our acknowledgement."""

from __future__ import annotations

# (language, Outlook's subject prefix, the date the writer is back, the notice's body).
VACATIONS: tuple[tuple[str, str, str, str], ...] = (
    ("en", "Automatic reply", "3 November",
     "Thank you for your email. I am currently out of the office until {back} with limited "
     "access to email. For urgent matters, please contact my colleague Ana Silva."),
    ("en", "Automatic reply", "14 November",
     "Hello,\n\nI am out of the office from 20 October until {back}. I will respond to your "
     "message upon my return.\n\nKind regards,\n{name}"),
    ("en", "Out of Office", "Monday 27 October",
     "I'm on annual leave until {back} and will not be checking email. If your message is "
     "urgent, please call the front desk on +44 20 7946 0958.\n\nBest,\n{name}"),
    ("en", "Automatic reply", "31 October",
     "This is an automatic reply. I am travelling on mission and will be back on {back}."),
    ("en", "Automatic reply", "10 November",
     "Dear Sender,\n\nThank you for your message. I am away from the office until {back}. "
     "Your email will not be forwarded.\n\n{name}\nSenior Officer"),
    ("en", "Out of Office", "November 5",
     "Hi,\nI'm on vacation until {back}, with no access to email. I'll get back to you when "
     "I return.\n{name}"),
    ("fr", "Réponse automatique", "3 novembre",
     "Bonjour,\n\nJe suis absente du bureau jusqu'au {back} inclus. Pour toute urgence, "
     "veuillez contacter le secrétariat au +33 1 23 45 67 89.\n\nCordialement,\n{name}"),
    ("fr", "Réponse automatique", "12 novembre",
     "Je suis actuellement en congé et serai de retour le {back}. Votre message ne sera pas "
     "transféré."),
    ("fr", "Réponse automatique", "7 novembre",
     "Ceci est une réponse automatique. Je suis en mission jusqu'au {back} avec un accès "
     "limité à ma messagerie.\n\n{name}"),
    ("fr", "Absence du bureau", "lundi 3 novembre",
     "Madame, Monsieur,\n\nje suis absent(e) du bureau jusqu'au {back}. Votre courriel sera "
     "traité à mon retour.\n\nBien à vous"),
    ("de", "Automatische Antwort", "31. Oktober",
     "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich {back} nicht im Büro und "
     "habe keinen Zugriff auf meine E-Mails."),
    ("de", "Abwesenheitsnotiz", "7. November",
     "Guten Tag,\n\nich bin bis zum {back} im Urlaub. Ihre E-Mail wird nicht weitergeleitet."
     "\n\nMit freundlichen Grüßen\n{name}"),
    ("es", "Respuesta automática", "3 de noviembre",
     "Gracias por su mensaje. Estoy fuera de la oficina hasta el {back} con acceso limitado "
     "al correo electrónico."),
    ("es", "Respuesta automática", "10 de noviembre",
     "Hola:\n\nEstoy de vacaciones hasta el {back}. Responderé a su correo a mi regreso."
     "\n\nSaludos,\n{name}"),
    ("it", "Risposta automatica", "4 novembre",
     "Grazie per il messaggio. Sono fuori ufficio fino al {back} con accesso limitato alla "
     "posta elettronica."),
    ("pt", "Resposta automática", "5 de novembro",
     "Obrigado pela sua mensagem. Estou de férias até {back}, com acesso limitado ao e-mail."),
    ("nl", "Automatisch antwoord", "3 november",
     "Ik ben afwezig tot en met {back}. Uw e-mail wordt niet doorgestuurd.\n\nMet vriendelijke "
     "groet,\n{name}"),
    ("fr", "Réponse automatique", "3 novembre",
     "*** English version below ***\n\nBonjour,\nJe suis absent(e) du bureau jusqu'au {back}."
     "\n\nHello,\nI am out of the office until 3 November."),
    ("ar", "رد تلقائي", "3 نوفمبر",
     "شكراً لرسالتك. أنا خارج المكتب حتى {back}.\n\nThank you for your message. I am out of "
     "the office until 3 November."),
)  # fmt: skip

# Subjects that a vacation program of each kind writes ({prefix}: Outlook's; {orig}: ours).
CLIENT_SUBJECTS: dict[str, str] = {
    "outlook": "{prefix}: {orig}",
    "gmail": "Re: {orig}",
    "zimbra": "{prefix}",
    "thunderbird": "Re: {orig}",
    "icloud": "Re: {orig}",
}

# (subject, first line, the rest) of delivery failure reports, server by server.
FAILURES: tuple[tuple[str, str, str], ...] = (
    ("Undeliverable: {orig}", "Delivery has failed to these recipients or groups:",
     "{rcpt}\nThe email address you entered couldn't be found. Please check the recipient's "
     "email address and try to resend the message."),
    ("Undelivered Mail Returned to Sender", "This is the mail system at host mx.example.net.",
     "I'm sorry to have to inform you that your message could not\nbe delivered to one or "
     "more recipients. It's attached below.\n\n<{rcpt}>: host mx.example.com said: 550 5.1.1 "
     "User unknown"),
    ("failure notice", "Hi. This is the qmail-send program at mail.example.net.",
     "I'm afraid I wasn't able to deliver your message to the following addresses.\nThis is "
     "a permanent error; I've given up. Sorry it didn't work out.\n\n<{rcpt}>:\nmailbox full"),
    ("Mail delivery failed: returning message to sender",
     "This message was created automatically by mail delivery software.",
     "A message that you sent could not be delivered to one or more of its recipients. This "
     "is a permanent error. The following address(es) failed:\n\n  {rcpt}"),
    ("Returned mail: see transcript for details",
     "The original message was received at Mon, 20 Oct 2025 11:31:02 +0200",
     "----- The following addresses had permanent fatal errors -----\n<{rcpt}>\n    "
     "(reason: 550 Requested action not taken: mailbox unavailable)"),
    ("Delivery Status Notification (Failure)", "Address not found",
     "Your message wasn't delivered to {rcpt} because the address couldn't be found, or is "
     "unable to receive mail."),
    ("Non remis : {orig}", "La remise a échoué pour ces destinataires ou groupes :",
     "{rcpt}\nL'adresse de messagerie que vous avez entrée est introuvable."),
    ("Unzustellbar: {orig}",
     "Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:",
     "{rcpt}\nDie eingegebene E-Mail-Adresse wurde nicht gefunden."),
    ("No se puede entregar: {orig}", "Error en la entrega a estos destinatarios o grupos:",
     "{rcpt}\nNo se encontró la dirección de correo electrónico que especificó."),
    ("Non recapitabile: {orig}", "Recapito non riuscito ai destinatari o gruppi seguenti:",
     "{rcpt}\nImpossibile trovare l'indirizzo di posta elettronica immesso."),
    ("Delivery Status Notification (Delay)",
     "This is an automatically generated Delivery Status Notification",
     "THIS IS A WARNING MESSAGE ONLY.\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\nDelivery to "
     "the following recipient has been delayed:\n\n     {rcpt}"),
)  # fmt: skip

# What auto-responders write above our acknowledgement when they send it back.
ECHO_LINES: tuple[str, ...] = (
    "",
    "Message received.",
    "Received, thank you.",
    "Your request has been received and is being reviewed by our support staff. Ticket 48213.",
    "Thank you for contacting us. This mailbox is not monitored.",
    "Merci, votre message a bien été reçu.",
    "Ihre Nachricht ist eingegangen.",
)

ACK_TEXT = {
    "en": "Dear {name},\n\nThank you for your application. World Customs Organization received "
    "it on 20 October 2025 at 11:30.\n\nVacancy: Deputy Director, Implementation Support "
    "(WCO/2025/DD-IS)\n\nNo documents were attached to your message.\n\nThis message was sent "
    "automatically; there is no need to reply to it.\n\nKind regards,\nWorld Customs Organization",
    "fr": "Bonjour {name},\n\nNous vous remercions de votre candidature. World Customs "
    "Organization l'a reçue le 20 octobre 2025 à 11 h 30.\n\nCe message a été envoyé "
    "automatiquement ; il n'est pas nécessaire d'y répondre.",
}
