"""A second held-out set, written after the rules were widened on the first one.

Twenty header-less robots and fifteen people, never looked at while the rules were written;
benchmarks/robot_accuracy.py reports how they are read without the rules being tuned to them.
"""

from __future__ import annotations

from benchmarks.robot_holdout import CV, LETTER, ORIG, QUOTE, Case, Person

# An image this size is a phone photo of a CV, under the size the rules take for a logo.
SMALL_PHOTO = ("IMG_2231.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(80 * 1024))
FRENCH_QUOTE = (
    "\n\nLe lun. 20 oct. 2025 à 11:31, WCO Recruitment a écrit :\n> Nous vous remercions de "
    "votre candidature. World Customs Organization l'a reçue le 20 octobre 2025."
)

ROBOTS: tuple[Case, ...] = (
    (ORIG, "Greetings, I'm currently travelling with limited connectivity. I'll respond as "
     "soon as possible.", (), False),
    (ORIG, "I'm out of the office today (Monday 20 October) and will be back tomorrow.", (),
     False),
    (ORIG, "Hi there, thanks for reaching out! I'm on PTO through 11/3 and will respond when I "
     "return.", (), False),
    (ORIG, "Your email has been received. Due to the high volume of messages, we may take up "
     "to 5 working days to respond.", (), False),
    (ORIG, "Thank you for your message. The office is closed for the holidays until 3 "
     "November.", (), False),
    (ORIG, "Bonjour, je suis actuellement en congé maternité. Pour toute question, merci de "
     "contacter le secrétariat.", (), False),
    (ORIG, "Ich bin ab sofort in Elternzeit. Ihre E-Mail wird nicht gelesen.", (), False),
    (ORIG, "Vielen Dank für Ihre Nachricht. Ich bin vom 20.10. bis 31.10. nicht im Hause.",
     (), False),
    (ORIG, "Gracias por escribir. Estaré fuera hasta el lunes.", (), False),
    (f"Automatisch antwoord: {ORIG}", "Ik ben met vakantie tot 3 november.", (), False),
    (ORIG, "ただいま休暇中です。11月3日に戻ります。", (), False),
    (f"Otomatik yanıt: {ORIG}", "3 Kasım'a kadar izindeyim.", (), False),
    ("Returned mail: User unknown", "----- The following addresses had permanent fatal "
     "errors -----\n<maria@example.com>", (), False),
    ("Delivery Status Notification", "This is an automatically generated Delivery Status "
     "Notification.\n\nDelivery to the following recipients failed.", (), False),
    ("Notification d'état de remise (échec)", "Votre message n'a pas été distribué à "
     "maria@example.com car l'adresse est introuvable.", (), False),
    ("Message rejected", "Your message was rejected by the recipient's server.\n\n"
     "Remote server replied: 554 5.7.1 Rejected", (), False),
    (ORIG, "Auto-acknowledgement: your message has been logged.", (), True),
    (ORIG, "Bien reçu." + FRENCH_QUOTE, (), False),
    ("Vacation", "Back on Nov 3.", (), False),
    (ORIG, "Thank you for your email. I am on sick leave and will reply on my return.", (),
     False),
)  # fmt: skip

PEOPLE: tuple[Person, ...] = (
    ("Application – Maria FERNÁNDEZ", "Dear Sir/Madam,\nI am currently on leave until 15 "
     "November. Attached please find my CV and cover letter.", (CV, LETTER), False,
     "application"),
    ("Maria FERNÁNDEZ – Deputy Director", "Dear HR team,\nI am on annual leave until 5 "
     "November, so I am sending this from my personal address.\nI would like to be "
     "considered for the Deputy Director post, for which my twelve years in customs reform "
     "prepare me well.", (), False, "application"),
    ("Candidature", "Bonjour,\nJe suis en déplacement jusqu'au 30 octobre, je vous envoie donc "
     "mon dossier depuis mon téléphone.", (CV,), False, "application"),
    ("Candidature – Directeur adjoint", "Madame, Monsieur,\nActuellement en mission à Dakar "
     "jusqu'à fin octobre, je souhaite vous faire part de mon intérêt pour l'offre de "
     "Directeur adjoint.", (), False, "application"),
    (ORIG, "Hello, I noticed my letter was not received. I am travelling until Friday and will "
     "send it then." + QUOTE, (), True, "enquiry"),
    ("Interview", "Good morning, I'm out of the country until December. Is an interview by "
     "video possible?", (), False, "enquiry"),
    ("Candidatura – Lucía GÓMEZ", "Estimados: me encuentro de vacaciones hasta el 3 de "
     "noviembre; adjunto mi CV.", (CV,), False, "application"),
    ("Bewerbung – Anna SCHMIDT", "Sehr geehrte Damen und Herren,\nhiermit bewerbe ich mich um "
     "die ausgeschriebene Position. Ich bin bis 31.10. im Urlaub, danach jederzeit "
     "erreichbar.", (), False, "application"),
    ("Out of Office: returning candidate application", "Please see my documents.", (CV,),
     False, "application"),
    ("Application", "I'm away until Monday; attached is a photo of my CV.", (SMALL_PHOTO,),
     False, "application"),
    ("Maria Fernández", "Out of office today, sending from my phone.", (SMALL_PHOTO,), False,
     "application"),
    ("Fwd: Application – Maria FERNÁNDEZ", "---------- Forwarded message ---------\nFrom: "
     "Maria Fernández\n\nPlease find my application attached.", (CV, LETTER), False,
     "application"),
    ("WCO/2025/DD-IS", "Back from mission on 3 November; my documents are attached.",
     (CV, LETTER), False, "application"),
    ("Deputy Director – Chen WEI", "Dear colleagues,\nI am on home leave until 10 November and "
     "write to express my interest in the Deputy Director vacancy announced last month. "
     "During fifteen years in customs administration I have led reform projects.", (), False,
     "application"),
    ("Re: Application", "Dear HR, I'm on mission until 30 October and will then send the "
     "certified copies you asked for." + QUOTE, (), True, "enquiry"),
)  # fmt: skip
