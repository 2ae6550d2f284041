"""Sentence and title templates, French and English, and the writer that fills them."""

import random

# Slots: {official} {title} {of_org}/{org} {counterpart} {counterpart_short} {Counterpart_short}
# {host} {Host} {host_in} {host_adj*} {origin} {origin_adj*} {third} {third_in} {from_third}
# {city} {at_city} {date} {Date} {year} {next_year} {event} {of_event}/{event_long} {visit}
# {a_visit} {topic} {Topic} {topic2} {to_topic} {threat} {threat2} {to_threat} {to_threat2}
# {n} {m} {tonnes} {pct}. A capital first letter means the value starts a sentence.
FRENCH = {
    "lead:visit": [
        "{official}, {title}, a effectué {date} {a_visit} {host_in}, à l'invitation des "
        "autorités {host_adj_fp}.",
        "{Date}, {official}, {title}, est arrivé {at_city} pour {a_visit} de plusieurs jours "
        "{host_in}.",
        "Une délégation {origin_adj_f} conduite par {official}, {title}, a séjourné {at_city} "
        "{date}, dans le cadre d'{a_visit} {host_in}.",
        "{official} s'est rendu {host_in} {date} pour {a_visit} consacrée au renforcement de la "
        "coopération en matière de {topic}.",
    ],
    "lead:meeting": [
        "{official}, {title}, s'est entretenu {date} {at_city} avec {counterpart}.",
        "{official} a reçu {date} {at_city} {counterpart}, pour une séance de travail consacrée "
        "{to_threat}.",
        "{Date}, {official} et {counterpart} ont tenu {at_city} une réunion de travail sur la "
        "coopération sécuritaire.",
    ],
    "lead:event": [
        "{official}, {title}, a pris part {date} aux travaux {of_event}, qui se tenaient "
        "{at_city}.",
        "{official} a conduit la délégation {origin_adj_f} à l'édition {year} {of_event}, "
        "organisée {at_city} {date}.",
        "{Date}, {official} a participé à {event}, l'édition {year} {of_event}, aux côtés de "
        "représentants de nombreux pays.",
    ],
    "lead:official": [
        "{official}, {title}, a présidé {date} {at_city} une réunion consacrée {to_topic}.",
        "Dans un entretien accordé {date}, {official}, {title}, a détaillé la stratégie "
        "{of_org} face {to_threat}.",
        "{official} a dressé {date} le bilan de l'action {of_org} en matière de {topic}.",
    ],
    "visit": [
        "Cette rencontre s'inscrivait dans le cadre de la {visit} effectuée par {official} "
        "{host_in}.",
        "Ces échanges ont eu lieu lors de la {visit} de {official} {host_in}.",
    ],
    "meeting": [
        "En marge de cette visite, {official} s'est entretenu {at_city} avec {counterpart}.",
        "Au cours de son séjour, {official} a également rencontré {counterpart}.",
    ],
    "event": [
        "Ce déplacement intervenait en marge {of_event}, dont l'édition {year} se tenait "
        "{at_city}.",
        "La délégation a également visité les stands {of_event} ({event}).",
    ],
    "counterpart": [
        "{Counterpart_short} a salué « la qualité de la coopération » entre les services des "
        "deux pays.",
        "De son côté, {counterpart_short} a présenté les priorités de son pays en matière de "
        "{topic2}.",
    ],
    "host": [
        "Les responsables {host_adj_mp} ont présenté les dispositifs mis en place {host_in} pour "
        "lutter contre {threat}.",
        "Les services {host_adj_mp} et {origin_adj_mp} entretiennent une coopération étroite "
        "depuis plusieurs années.",
        "Sur place, la délégation a été reçue au siège de la police, {at_city}, {host_in}.",
    ],
    "origin": [
        "La délégation {origin_adj_f} comprenait notamment des responsables de la police "
        "judiciaire et des services de renseignement.",
        "Pour {origin}, cette coopération constitue un axe stratégique de la politique "
        "sécuritaire.",
        "Les autorités {origin_adj_fp} entendent capitaliser sur cette expérience, notamment en "
        "matière de {topic}.",
    ],
    "third": [
        "Des experts venus {from_third} ont également été associés aux échanges.",
        "Le dispositif s'inspire de l'expérience acquise {third_in} en matière de {topic}.",
    ],
    "org": [
        "Selon un communiqué {of_org}, les discussions se sont déroulées dans un climat de "
        "confiance mutuelle.",
        "Les équipes {of_org} ont présenté leurs outils d'analyse et de traitement des données "
        "criminelles.",
    ],
    "filler": [
        "Les deux parties ont passé en revue l'état de la coopération bilatérale en matière de "
        "{topic} et de {topic2}.",
        "Les échanges ont porté sur le partage d'informations opérationnelles, la formation des "
        "cadres et la lutte contre {threat}.",
        "{official} a souligné l'importance d'une approche intégrée face aux menaces liées "
        "{to_threat} et {to_threat2}.",
        "En {year}, les services concernés ont démantelé {n} réseaux impliqués dans {threat}, "
        "selon les chiffres présentés lors de la réunion.",
        "Plus de {m} policiers ont bénéficié de sessions de formation spécialisées depuis le "
        "lancement du programme.",
        "Les participants ont également évoqué la préparation des grands événements sportifs "
        "prévus sur le continent, dont la Coupe du monde 2030.",
        "Un mémorandum d'entente portant sur {threat2} pourrait être signé dans les prochains "
        "mois.",
        "La sécurité des frontières et la lutte contre les réseaux de passeurs ont occupé une "
        "large part des entretiens.",
        "Les responsables ont visité le centre de commandement et de coordination, ainsi que le "
        "laboratoire de police scientifique.",
        "Les deux délégations ont convenu de renforcer l'échange d'expertise et de multiplier "
        "les stages de formation croisés.",
        "Cette dynamique reflète la volonté commune de faire face aux défis sécuritaires "
        "régionaux, notamment dans la bande sahélo-saharienne.",
        "Des experts en criminalistique et en cybersécurité ont présenté les dernières "
        "évolutions des outils d'enquête numérique.",
        "{official} a rappelé que la coopération internationale demeure essentielle face à la "
        "mobilité croissante des groupes criminels.",
        "Les échanges ont également porté sur la lutte contre le blanchiment d'argent et le "
        "financement du terrorisme.",
        "Un programme d'échanges d'officiers et de formation continue a été arrêté pour l'année "
        "{next_year}.",
        "Le bilan présenté fait état d'une hausse de {pct} % des saisies réalisées au cours de "
        "l'année écoulée.",
        "Les deux parties se sont félicitées du niveau de coordination atteint lors des "
        "opérations conjointes menées récemment.",
        "La menace liée {to_threat} évolue rapidement et exige une veille permanente, a-t-on "
        "souligné de source sécuritaire.",
        "Les enquêteurs ont mis en avant le rôle des plateformes numériques dans le recrutement "
        "et la propagande des réseaux criminels.",
        "Plusieurs cas concrets d'enquêtes transfrontalières ont été présentés, illustrant "
        "l'intérêt d'un échange rapide des données.",
        "La question de la protection des données personnelles dans l'échange d'informations a "
        "fait l'objet d'un débat approfondi.",
        "Les responsables ont insisté sur la nécessité de moderniser les équipements et de "
        "généraliser l'usage de la biométrie aux frontières.",
        "Selon des sources concordantes, {n} officiers suivront une formation spécialisée en "
        "{topic} au cours des prochains mois.",
        "Les discussions ont aussi abordé la prévention de la radicalisation en milieu carcéral "
        "et la réinsertion des détenus.",
        "Un groupe de travail conjoint sera chargé de suivre la mise en œuvre des "
        "recommandations adoptées.",
        "Les saisies de drogue ont atteint un niveau record en {year}, avec plus de {tonnes} "
        "tonnes de résine de cannabis interceptées.",
        "Les deux parties ont également échangé sur les méthodes d'enquête relatives à la "
        "fraude documentaire et à l'usurpation d'identité.",
        "La coopération avec Interpol et Afripol a été évoquée comme un levier essentiel de "
        "l'action commune.",
        "Cette coopération s'étend désormais à la sécurité des sites touristiques et des "
        "infrastructures portuaires.",
        "Les experts ont plaidé pour une meilleure coordination entre services de police, de "
        "douane et de gendarmerie.",
    ],
    "closing": [
        "Les deux parties sont convenues de se réunir à nouveau au cours du premier semestre "
        "{next_year} pour évaluer l'avancement des projets engagés.",
        "Une nouvelle réunion du comité mixte de suivi est prévue d'ici la fin de l'année.",
        "Cette visite devrait être suivie de la signature d'un accord de coopération technique.",
    ],
    "title:visit": [
        "{official} en {visit} {host_in}",
        "{official} {at_city} pour renforcer la coopération en matière de {topic}",
        "Coopération sécuritaire : {official} en visite {at_city}",
        "Visite de {official} {host_in} : {topic} au cœur des entretiens",
        "{official} attendu {at_city} pour {a_visit}",
        "{Host} et {origin} : {a_visit} de {official}",
        "{official} effectue {a_visit} {host_in} {date}",
        "{official} {at_city} {date} : {topic} et {topic2} au programme",
        "{Host} : {official} reçu par les autorités {host_adj_fp} {date}",
    ],
    "title:meeting": [
        "{official} s'entretient avec {counterpart_short} {at_city}",
        "{official} reçoit {counterpart_short} {at_city}",
        "{Topic} : {official} et {counterpart_short} font le point",
        "Entretiens sécuritaires {at_city} entre {official} et {counterpart_short}",
        "{official} et {counterpart_short} se sont entretenus {date} {at_city}",
        "{Topic} et {topic2} : {official} s'entretient avec {counterpart_short}",
    ],
    "title:event": [
        "{event} : {official} conduit la délégation {origin_adj_f}",
        "{event} : {official} plaide pour une coopération accrue contre {threat}",
        "{official} à {event} : « La coopération est notre meilleure arme »",
        "{event} : {official} met {topic_def} à l'ordre du jour",
        "{event} : {official} attendu {at_city} {date}",
        "{official} à {event} : {topic} et {topic2} au cœur des débats",
    ],
    "title:official": [
        "{official} appelle à renforcer la lutte contre {threat}",
        "{Topic} : {official} dresse le bilan de l'année {year}",
        "{official} présente la stratégie {of_org} face {to_threat}",
        "Entretien avec {official}, {title}",
        "{official} dresse {date} le bilan de la lutte contre {threat}",
        "{Topic} et {topic2} : les priorités de {official} pour {next_year}",
    ],
}

ENGLISH = {
    "lead:visit": [
        "{official}, {title}, paid {a_visit} to {host} {date}, at the invitation of the "
        "{host_adj} authorities.",
        "{Date}, {official}, {title}, arrived {at_city} for {a_visit} to {host} lasting "
        "several days.",
        "A {origin_adj} delegation led by {official}, {title}, was {at_city} {date} as part of "
        "{a_visit} to {host}.",
        "{official} travelled to {host} {date} for {a_visit} focused on strengthening "
        "cooperation on {topic}.",
    ],
    "lead:meeting": [
        "{official}, {title}, held talks {at_city} {date} with {counterpart}.",
        "{official} received {counterpart} {at_city} {date} for a working session on {threat}.",
        "{Date}, {official} and {counterpart} held a working meeting {at_city} on security "
        "cooperation.",
    ],
    "lead:event": [
        "{official}, {title}, took part {date} in {event_long}, held {at_city}.",
        "{official} led the {origin_adj} delegation to the {year} edition of {event_long}, held "
        "{at_city} {date}.",
        "{Date}, {official} attended {event}, the {year} edition of {event_long}, alongside "
        "representatives of many countries.",
    ],
    "lead:official": [
        "{official}, {title}, chaired a meeting {at_city} {date} devoted to {topic}.",
        "In an interview given {date}, {official}, {title}, detailed the strategy of {org} "
        "against {threat}.",
        "{official} reviewed {date} the work of {org} on {topic}.",
    ],
    "visit": [
        "The meeting took place during the {visit} made by {official} to {host}.",
        "These talks were held during the {visit} of {official} to {host}.",
    ],
    "meeting": [
        "On the sidelines of the visit, {official} held talks {at_city} with {counterpart}.",
        "During the stay, {official} also met {counterpart}.",
    ],
    "event": [
        "The trip coincided with {event_long}, whose {year} edition was held {at_city}.",
        "The delegation also toured the stands of {event_long} ({event}).",
    ],
    "counterpart": [
        "{Counterpart_short} praised “the quality of cooperation” between the services of the "
        "two countries.",
        "For the other side, {counterpart_short} set out the priorities on {topic2}.",
    ],
    "host": [
        "{host_adj} officials presented the measures taken in {host} to fight {threat}.",
        "The {host_adj} and {origin_adj} services have cooperated closely for several years.",
        "On arrival, the delegation was received at police headquarters {at_city}, in {host}.",
    ],
    "origin": [
        "The {origin_adj} delegation included senior officers of the judicial police and the "
        "intelligence services.",
        "For {origin}, this cooperation is a strategic pillar of security policy.",
        "The {origin_adj} authorities intend to build on this experience, particularly on {topic}.",
    ],
    "third": [
        "Experts from {third} were also involved in the discussions.",
        "The approach draws on experience gained in {third} in the field of {topic}.",
    ],
    "org": [
        "According to a statement from {org}, the discussions took place in a climate of mutual "
        "trust.",
        "Teams from {org} presented their tools for analysing criminal data.",
    ],
    "filler": [
        "The two sides reviewed bilateral cooperation on {topic} and {topic2}.",
        "The talks covered the sharing of operational intelligence, the training of officers "
        "and the fight against {threat}.",
        "{official} stressed the need for an integrated approach to threats linked to {threat} "
        "and {threat2}.",
        "In {year}, the services concerned dismantled {n} networks involved in {threat}, "
        "according to figures presented at the meeting.",
        "More than {m} police officers have attended specialised training sessions since the "
        "programme began.",
        "Participants also discussed preparations for the major sporting events planned on the "
        "continent, including the 2030 World Cup.",
        "A memorandum of understanding on {threat2} could be signed in the coming months.",
        "Border security and the fight against smuggling networks took up a large part of the "
        "talks.",
        "The officials visited the command and coordination centre and the forensic science "
        "laboratory.",
        "The two delegations agreed to step up the exchange of expertise and to hold more joint "
        "training courses.",
        "This momentum reflects a shared will to face regional security challenges, notably in "
        "the Sahel.",
        "Forensic and cybersecurity experts presented the latest developments in digital "
        "investigation tools.",
        "{official} recalled that international cooperation remains essential given the growing "
        "mobility of criminal groups.",
        "The talks also covered the fight against money laundering and terrorist financing.",
        "A programme of officer exchanges and continuing training was agreed for {next_year}.",
        "The figures presented show a {pct}% rise in seizures over the past year.",
        "Both sides welcomed the level of coordination reached during recent joint operations.",
        "The threat posed by {threat} is evolving fast and calls for constant vigilance, a "
        "security source said.",
        "Investigators highlighted the role of online platforms in the recruitment and "
        "propaganda of criminal networks.",
        "Several cross-border investigations were presented, showing the value of exchanging "
        "data quickly.",
        "The protection of personal data in information sharing was discussed at length.",
        "Officials insisted on the need to modernise equipment and extend the use of biometrics "
        "at borders.",
        "According to several sources, {n} officers will receive specialised training in "
        "{topic} in the coming months.",
        "The discussions also addressed the prevention of radicalisation in prisons and the "
        "rehabilitation of inmates.",
        "A joint working group will monitor the implementation of the recommendations adopted.",
        "Drug seizures reached a record level in {year}, with more than {tonnes} tonnes of "
        "cannabis resin intercepted.",
        "The two sides also exchanged views on investigating document fraud and identity theft.",
        "Cooperation with Interpol and Afripol was described as a key lever of joint action.",
        "This cooperation now extends to the security of tourist sites and port infrastructure.",
        "Experts called for better coordination between police, customs and gendarmerie.",
    ],
    "closing": [
        "The two sides agreed to meet again in the first half of {next_year} to review progress "
        "on the projects under way.",
        "A new meeting of the joint follow-up committee is planned before the end of the year.",
        "The visit is expected to be followed by the signing of a technical cooperation agreement.",
    ],
    "title:visit": [
        "{official} on {a_visit} to {host}",
        "{official} {at_city} to boost cooperation on {topic}",
        "Security cooperation: {official} visits {city}",
        "{official} in {host}: {topic} at the heart of the talks",
        "{official} expected {at_city} for {a_visit}",
        "{Host} and {origin}: {official} on {a_visit}",
        "{official} pays {a_visit} to {host} {date}",
        "{official} {at_city} {date}: {topic} and {topic2} on the agenda",
        "{Host}: {official} received by the {host_adj} authorities {date}",
    ],
    "title:meeting": [
        "{official} holds talks with {counterpart_short} {at_city}",
        "{official} receives {counterpart_short} {at_city}",
        "{Topic}: {official} and {counterpart_short} take stock",
        "Security talks {at_city} between {official} and {counterpart_short}",
        "{official} and {counterpart_short} held talks {at_city} {date}",
        "{Topic} and {topic2}: {official} holds talks with {counterpart_short}",
    ],
    "title:event": [
        "{event}: {official} leads the {origin_adj} delegation",
        "{event}: {official} calls for closer cooperation against {threat}",
        "{official} at {event}: “Cooperation is our best weapon”",
        "{event}: {official} puts {topic} on the agenda",
        "{event}: {official} expected {at_city} {date}",
        "{official} at {event}: {topic} and {topic2} at the heart of the debates",
    ],
    "title:official": [
        "{official} calls for a stronger fight against {threat}",
        "{Topic}: {official} reviews the year {year}",
        "{official} presents the strategy of {org} against {threat}",
        "Interview with {official}, {title}",
        "{official} reviews the fight against {threat} {date}",
        "{Topic} and {topic2}: the priorities of {official} for {next_year}",
    ],
}
TEMPLATES = {"fr": FRENCH, "en": ENGLISH}


def write(
    rng: random.Random, language: str, kind: str, slots: dict[str, str], mentions: list[str]
) -> tuple[str, dict[str, str]]:
    """A body of about 3,000 characters and, by mention, the sentence that makes it.

    The lead tells the story of `kind`; each of `mentions` ("event", "host", ...) gets a
    sentence of its own; fillers and a closing sentence make up the length.
    """
    templates = TEMPLATES[language]
    lead = rng.choice(templates[f"lead:{kind}"]).format_map(slots)
    quotes = {"lead": lead}
    middle = []
    for mention in mentions:
        quotes[mention] = rng.choice(templates[mention]).format_map(slots)
        middle.append(quotes[mention])
    closing = rng.choice(templates["closing"]).format_map(slots)
    length = len(lead) + len(closing) + sum(len(sentence) + 1 for sentence in middle)
    target = rng.randint(2700, 3300)
    fillers = templates["filler"]
    for index in rng.sample(range(len(fillers)), len(fillers)):
        if length >= target:
            break
        sentence = fillers[index].format_map(slots)
        middle.insert(rng.randint(0, len(middle)), sentence)
        length += len(sentence) + 1
    sentences = [lead, *middle, closing]
    paragraphs, start = [], 0
    while start < len(sentences):
        size = rng.randint(1, 2) if start == 0 else rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[start : start + size]))
        start += size
    return "\n\n".join(paragraphs), quotes


def title(rng: random.Random, language: str, kind: str, slots: dict[str, str]) -> str:
    return rng.choice(TEMPLATES[language][f"title:{kind}"]).format_map(slots)
