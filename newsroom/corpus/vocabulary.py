"""The words a synthetic corpus is made of: countries, names, organizations, topics, outlets."""

from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class Country:
    """A country as French and English sentences name it, with its cities and naming culture."""

    code: str
    name_fr: str
    adj_m: str
    adj_f: str
    name_en: str
    adj_en: str
    culture: str
    cities: tuple[tuple[str, str], ...]

    @property
    def in_fr(self) -> str:
        """ "au Maroc", "aux États-Unis", "en Turquie"."""
        if self.name_fr.startswith("le "):
            return "au " + self.name_fr[3:]
        if self.name_fr.startswith("les "):
            return "aux " + self.name_fr[4:]
        return "en " + self.name_fr.removeprefix("la ").removeprefix("l'")

    @property
    def of_fr(self) -> str:
        """ "du Maroc", "des États-Unis", "de la Turquie"."""
        if self.name_fr.startswith("le "):
            return "du " + self.name_fr[3:]
        if self.name_fr.startswith("les "):
            return "des " + self.name_fr[4:]
        return "de " + self.name_fr

    @property
    def adj_mp(self) -> str:
        return self.adj_m if self.adj_m.endswith(("s", "x")) else self.adj_m + "s"

    @property
    def adj_fp(self) -> str:
        return self.adj_f if self.adj_f.endswith("s") else self.adj_f + "s"


# code | French name | adjective (masculine, feminine) | English name, adjective | naming culture
_COUNTRY_TABLE = """
MA | le Maroc | marocain | marocaine | Morocco | Moroccan | maghreb
TR | la Turquie | turc | turque | Türkiye | Turkish | turkish
ES | l'Espagne | espagnol | espagnole | Spain | Spanish | iberian
FR | la France | français | française | France | French | french
PT | le Portugal | portugais | portugaise | Portugal | Portuguese | iberian
IT | l'Italie | italien | italienne | Italy | Italian | european
DE | l'Allemagne | allemand | allemande | Germany | German | european
BE | la Belgique | belge | belge | Belgium | Belgian | french
NL | les Pays-Bas | néerlandais | néerlandaise | the Netherlands | Dutch | european
GB | le Royaume-Uni | britannique | britannique | the United Kingdom | British | anglo
US | les États-Unis | américain | américaine | the United States | American | anglo
SA | l'Arabie saoudite | saoudien | saoudienne | Saudi Arabia | Saudi | arab
AE | les Émirats arabes unis | émirien | émirienne | the United Arab Emirates | Emirati | arab
QA | le Qatar | qatari | qatarie | Qatar | Qatari | arab
EG | l'Égypte | égyptien | égyptienne | Egypt | Egyptian | arab
TN | la Tunisie | tunisien | tunisienne | Tunisia | Tunisian | maghreb
MR | la Mauritanie | mauritanien | mauritanienne | Mauritania | Mauritanian | maghreb
SN | le Sénégal | sénégalais | sénégalaise | Senegal | Senegalese | westafrican
CI | la Côte d'Ivoire | ivoirien | ivoirienne | Côte d'Ivoire | Ivorian | westafrican
ML | le Mali | malien | malienne | Mali | Malian | westafrican
NE | le Niger | nigérien | nigérienne | Niger | Nigerien | westafrican
NG | le Nigeria | nigérian | nigériane | Nigeria | Nigerian | westafrican
GA | le Gabon | gabonais | gabonaise | Gabon | Gabonese | westafrican
JO | la Jordanie | jordanien | jordanienne | Jordan | Jordanian | arab
KR | la Corée du Sud | sud-coréen | sud-coréenne | South Korea | South Korean | eastasian
CN | la Chine | chinois | chinoise | China | Chinese | eastasian
RU | la Russie | russe | russe | Russia | Russian | russian
BR | le Brésil | brésilien | brésilienne | Brazil | Brazilian | iberian
"""
# Cities as "French/English" when the two names differ.
_CITIES = {
    "MA": "Rabat, Casablanca, Marrakech, Tanger/Tangier, Fès/Fez, Laâyoune",
    "TR": "Ankara, Istanbul, Antalya, İzmir",
    "ES": "Madrid, Séville/Seville, Algésiras/Algeciras, Málaga",
    "FR": "Paris, Marseille, Lyon",
    "PT": "Lisbonne/Lisbon, Porto",
    "IT": "Rome, Milan, Naples",
    "DE": "Berlin, Wiesbaden, Munich",
    "BE": "Bruxelles/Brussels, Anvers/Antwerp",
    "NL": "La Haye/The Hague, Amsterdam",
    "GB": "Londres/London, Manchester",
    "US": "Washington, New York, Miami",
    "SA": "Riyad/Riyadh, Djeddah/Jeddah",
    "AE": "Abou Dhabi/Abu Dhabi, Dubaï/Dubai",
    "QA": "Doha",
    "EG": "Le Caire/Cairo, Alexandrie/Alexandria, Charm el-Cheikh/Sharm El Sheikh",
    "TN": "Tunis, Sousse",
    "MR": "Nouakchott, Nouadhibou",
    "SN": "Dakar, Saint-Louis",
    "CI": "Abidjan, Yamoussoukro",
    "ML": "Bamako",
    "NE": "Niamey",
    "NG": "Abuja, Lagos",
    "GA": "Libreville",
    "JO": "Amman, Aqaba",
    "KR": "Séoul/Seoul, Busan",
    "CN": "Pékin/Beijing, Shanghai",
    "RU": "Moscou/Moscow, Saint-Pétersbourg/Saint Petersburg",
    "BR": "Brasília, Rio de Janeiro",
}


def _country(row: str) -> Country:
    code, name_fr, adj_m, adj_f, name_en, adj_en, culture = row.split(" | ")
    pairs = tuple(tuple((city.split("/") * 2)[:2]) for city in _CITIES[code].split(", "))
    return Country(code, name_fr, adj_m, adj_f, name_en, adj_en, culture, pairs)


COUNTRIES = [_country(row) for row in _COUNTRY_TABLE.strip().splitlines()]
MOROCCO = COUNTRIES[0]

# First names (spaced) and last names (comma-separated) by naming culture: invented people.
PEOPLE = {
    "maghreb": (
        "Abdelhak Mohammed Youssef Hicham Rachid Karim Nabil Mustapha Khalid Saïd Omar Hamid "
        "Driss Aziz Noureddine Abdelkrim Larbi Hassan Jamal Fatima Nadia Latifa Samira Khadija "
        "Meryem Bouchra Zineb Amal Hakim Abdelilah",
        "Benali, Bennani, El Alami, Tazi, Berrada, Alaoui, Idrissi, Chraïbi, El Fassi, "
        "Benjelloun, Lahlou, Ouazzani, Sqalli, Bouzid, Aït Taleb, El Mansouri, Haddaoui, "
        "Zerouali, Kettani, Amrani, Belkadi, Chafik, Daoudi, El Yazidi, Filali, Guessous, "
        "Hajji, Jaïdi, Lamrani, Mekouar, Naciri, Ouali, Rifai, Skalli, Tahiri, Zniber, Bakkali, "
        "Cherkaoui, Dahbi, Essaïdi",
    ),
    "arab": (
        "Abdullah Faisal Saoud Khalifa Hamad Sultan Tariq Majed Ahmed Mahmoud Ibrahim Salem "
        "Nasser Walid Ayman Hussein Fahd Rashid Yasser Mansour",
        "Al-Otaibi, Al-Mansoori, Al-Kuwari, Al-Shamsi, Al-Hashemi, Abdelrahman, Al-Qahtani, "
        "Al-Dosari, El-Sayed, Farouk, Haddad, Al-Majali, Al-Zahrani, Nasr, Al-Suwaidi, Mostafa, "
        "Al-Rawi, Al-Harbi, Al-Shehhi, Al-Muhairi",
    ),
    "turkish": (
        "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Ömer Emre Serkan Çağlar Gökhan "
        "Şükrü Özlem Ayşe Zeynep Selim Erdal Tuğrul",
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, "
        "Kılıç, Aslan, Çetin, Karadağ, Koç, Kurtuluş, Özkan, Şimşek, Güneş",
    ),
    "iberian": (
        "José Juan Francisco Antonio Manuel Javier Fernando Miguel Pedro Luis Carlos João Rui "
        "Ana María Beatriz Inés Sofía Álvaro Gonçalo",
        "García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, "
        "Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Silva, Santos, Ferreira, "
        "Gonçalves",
    ),
    "french": (
        "Jean Pierre François Laurent Nicolas Stéphane Frédéric Jérôme Hélène Céline Émilie "
        "Thierry Benoît Gérald Amélie Sébastien Loïc Clément Aurélie Régis",
        "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, "
        "Lefèvre, Michel, Peeters, Bertrand, Roux, Vincent, Fournier, Janssens, Mercier",
    ),
    "westafrican": (
        "Mamadou Ousmane Abdoulaye Moussa Ibrahima Cheikh Amadou Seydou Issa Aminata Fatou Awa "
        "Koffi Kouassi Yao Chukwuma Emeka Oluwaseun Babacar Modibo",
        "Diop, Ndiaye, Fall, Sow, Diallo, Traoré, Keïta, Coulibaly, Touré, Konaté, Ouattara, "
        "Koné, Bamba, Camara, Sy, Okafor, Adeyemi, Mahamadou, Issoufou, Ndong",
    ),
    "anglo": (
        "John Michael David James Robert Sarah Jennifer Elizabeth Thomas William Christopher "
        "Daniel Matthew Laura Emily Andrew Richard Mark Karen Susan",
        "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, "
        "Moore, Jackson, White, Harris, Clark, Lewis, Walker, Hall, Young, King",
    ),
    "european": (
        "Klaus Jürgen Stefan Andreas Matthias Jan Pieter Giovanni Marco Luca Giuseppe Francesca "
        "Giulia Anke Sabine Dirk Hendrik Alessandro Lorenzo Katrin",
        "Müller, Schmidt, Schneider, Fischer, Weber, Becker, Schäfer, de Vries, van Dijk, "
        "Jansen, Bakker, Visser, Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, "
        "Ricci",
    ),
    "eastasian": (
        "Min-jun Seo-yeon Ji-hoon Hiroshi Takeshi Kenji Yuki Wei Jian Hao Xiaoming Haruto "
        "Sakura Dong-hyun Jae-won",
        "Kim, Lee, Park, Choi, Tanaka, Suzuki, Sato, Watanabe, Wang, Zhang, Liu, Chen, Yang, "
        "Zhao, Huang",
    ),
    "russian": (
        "Alexandre Sergueï Dmitri Vladimir Andreï Nikolaï Igor Oleg Mikhaïl Iouri",
        "Ivanov, Petrov, Smirnov, Kouznetsov, Popov, Sokolov, Lebedev, Kozlov, Novikov, Morozov",
    ),
}
NAME_POOLS = {
    culture: (firsts.split(), lasts.split(", ")) for culture, (firsts, lasts) in PEOPLE.items()
}

# Spelling changes the press makes in transliterating a name: (from, to).
TRANSLITERATIONS = [
    ("ou", "u"),
    ("Mohammed", "Mohamed"),
    ("Mohammed", "Muhammad"),
    ("Youssef", "Yusuf"),
    ("Rachid", "Rashid"),
    ("Hussein", "Husayn"),
    ("ch", "sh"),
    ("Ch", "Sh"),
    ("kh", "h"),
    ("Kh", "H"),
    ("dj", "j"),
    ("ş", "sh"),
    ("Ş", "Sh"),
    ("ç", "ch"),
    ("Ç", "Ch"),
    ("ğ", "gh"),
    ("ü", "ue"),
    ("ö", "oe"),
    ("ä", "ae"),
    ("ei", "ey"),
    ("Sergueï", "Sergey"),
    ("Iouri", "Yuri"),
    ("Dmitri", "Dmitry"),
    ("Al-", "El-"),
    ("Saoud", "Saud"),
    ("Zh", "J"),
]


@dataclass(frozen=True)
class Topic:
    """A security topic in French (bare and with its article) and in English."""

    slug: str
    name: str
    definite: str
    english: str
    threat: bool


# French article | French name (slugified, the seed's topic slugs) | English name | threat or means
_TOPIC_TABLE = """
la | cybercriminalité | cybercrime | threat
le | terrorisme | terrorism | threat
la | criminalité transnationale organisée | transnational organized crime | threat
la | migration irrégulière | irregular migration | threat
la | formation policière | police training | means
la | sécurité des grands événements | security of major events | means
les | technologies de sécurité | security technologies | means
la | gestion des crises | crisis management | means
le | trafic de stupéfiants | drug trafficking | threat
la | traite des êtres humains | human trafficking | threat
"""


def _topic(row: str) -> Topic:
    article, name, english, nature = row.split(" | ")
    return Topic(slugify(name), name, f"{article} {name}", english, nature == "threat")


TOPICS = [_topic(row) for row in _TOPIC_TABLE.strip().splitlines()]

# (name, language, country): invented outlets; URLs use the reserved .example domain.
OUTLETS = [
    ("Atlas Dépêches", "fr", "MA"),
    ("Le Courrier du Détroit", "fr", "MA"),
    ("Rabat Soir", "fr", "MA"),
    ("L'Observateur de Casablanca", "fr", "MA"),
    ("Le Quotidien du Sahel", "fr", "SN"),
    ("La Gazette de l'Oriental", "fr", "MA"),
    ("Maghreb Sécurité", "fr", "MA"),
    ("Le Reporter africain", "fr", "CI"),
    ("Horizons marocains", "fr", "MA"),
    ("La Tribune de Fès", "fr", "MA"),
    ("L'Écho méditerranéen", "fr", "FR"),
    ("Le Journal de l'Atlantique", "fr", "MA"),
    ("Défense & Sécurité Hebdo", "fr", "FR"),
    ("Le Matinal de Tanger", "fr", "MA"),
    ("The Maghreb Monitor", "en", "MA"),
    ("North Africa Security Review", "en", "GB"),
    ("The Atlas Post", "en", "MA"),
    ("Mediterranean Affairs Daily", "en", "US"),
    ("The Sahel Dispatch", "en", "NG"),
    ("Gulf & Maghreb Times", "en", "AE"),
]

# Organizations: (French name, acronym, kind, French article, English name).
INTERNATIONAL_ORGANIZATIONS = [
    (
        "Organisation internationale de police criminelle",
        "Interpol",
        "international",
        "l'",
        "Interpol",
    ),
    ("Mécanisme africain de coopération policière", "Afripol", "international", "le ", "Afripol"),
    (
        "Agence de l'Union européenne pour la coopération des services répressifs",
        "Europol",
        "international",
        "l'",
        "Europol",
    ),
    (
        "Office des Nations unies contre la drogue et le crime",
        "ONUDC",
        "international",
        "l'",
        "the UN Office on Drugs and Crime",
    ),
    (
        "Conseil des ministres arabes de l'Intérieur",
        "CMAI",
        "international",
        "le ",
        "the Council of Arab Interior Ministers",
    ),
]
MOROCCAN_ORGANIZATIONS = [
    (
        "Direction générale de la sûreté nationale",
        "DGSN",
        "police",
        "la ",
        "the General Directorate for National Security (DGSN)",
    ),
    (
        "Direction générale de la surveillance du territoire",
        "DGST",
        "intelligence",
        "la ",
        "the General Directorate for Territorial Surveillance (DGST)",
    ),
    ("Ministère de l'Intérieur", "", "ministry", "le ", "the Moroccan Ministry of the Interior"),
    ("Gendarmerie royale", "", "military", "la ", "the Royal Gendarmerie"),
]
# Each other country's bodies: (kind, French name, French article, English name).
NATIONAL_ORGANIZATIONS = [
    ("police", "Police nationale {adj_f}", "la ", "the {adj} National Police"),
    ("ministry", "Ministère de l'Intérieur {adj_m}", "le ", "the {adj} Ministry of the Interior"),
    ("intelligence", "Service de renseignement {adj_m}", "le ", "the {adj} intelligence service"),
]

# Titles by organization kind: (French, English).
TITLES = {
    "police": [
        ("directeur général de la police", "director general of the police"),
        ("directeur de la police judiciaire", "director of the judicial police"),
        ("chef de la coopération internationale", "head of international cooperation"),
        ("inspecteur général de la police", "inspector general of the police"),
    ],
    "intelligence": [
        ("directeur général du renseignement", "director general of intelligence"),
        ("directeur adjoint du renseignement", "deputy director of intelligence"),
    ],
    "ministry": [
        ("ministre de l'Intérieur", "interior minister"),
        ("secrétaire général du ministère de l'Intérieur", "secretary general of the ministry"),
        ("conseiller sécurité du ministre", "security adviser to the minister"),
    ],
    "military": [("commandant de la gendarmerie", "commander of the gendarmerie")],
    "international": [
        ("secrétaire général", "secretary general"),
        ("directeur exécutif", "executive director"),
    ],
}

# Unnamed counterparts: (French role, English role), both with the country's adjective.
COUNTERPART_ROLES = [
    ("chef de la délégation {adj_f}", "head of the {adj} delegation"),
    ("directeur de la police {adj_f}", "director of the {adj} police"),
    ("ambassadeur {adj_m}", "{adj} ambassador"),
    ("attaché de sécurité {adj_m}", "{adj} security attaché"),
    ("représentant du ministère de l'Intérieur {adj_m}", "representative of the {adj} ministry"),
]

# Event series themes: (kind, French name, French "of" before it, English name).
EVENT_THEMES = [
    ("fair", "Salon international de la sécurité intérieure", "du", "Homeland Security Fair"),
    ("fair", "Salon des technologies de sécurité", "du", "Security Technology Fair"),
    ("conference", "Forum africain de la cybersécurité", "du", "African Cybersecurity Forum"),
    (
        "conference",
        "Conférence régionale sur la lutte antiterroriste",
        "de la",
        "Regional Counter-Terrorism Conference",
    ),
    ("conference", "Forum méditerranéen de la sécurité", "du", "Mediterranean Security Forum"),
    (
        "conference",
        "Rencontres internationales de la police judiciaire",
        "des",
        "International Criminal Police Meetings",
    ),
    ("summit", "Sommet des chefs de police africains", "du", "African Police Chiefs Summit"),
    ("summit", "Sommet sur la sécurité des frontières", "du", "Border Security Summit"),
    (
        "assembly",
        "Assemblée régionale des services de police",
        "de l'",
        "Regional Police Assembly",
    ),
    (
        "training",
        "Séminaire de formation à la sécurité des grands événements",
        "du",
        "Major Events Security Seminar",
    ),
    ("training", "Exercice conjoint de gestion des crises", "de l'", "Joint Crisis Exercise"),
    (
        "conference",
        "Dialogue stratégique sur la migration irrégulière",
        "du",
        "Strategic Dialogue on Irregular Migration",
    ),
    (
        "conference",
        "Conférence sur la criminalité transnationale organisée",
        "de la",
        "Conference on Transnational Organized Crime",
    ),
    ("ceremony", "Journées de la police scientifique", "des", "Forensic Science Days"),
    (
        "conference",
        "Forum sur la sécurité des grands événements sportifs",
        "du",
        "Forum on Security at Major Sporting Events",
    ),
]

VISIT_KINDS = [
    ("working", "de travail", "working"),
    ("official", "officielle", "official"),
    ("state", "d'État", "state"),
    ("other", "de courtoisie", "courtesy"),
]

MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

AUTHORS = [
    "Amine Rhazi",
    "Leïla Benkirane",
    "Hamza Ouchen",
    "Sanaa El Khatib",
    "Yassine Belhaj",
    "Nora Saïdi",
    "Mehdi Tounsi",
    "Ghita Lahbabi",
    "Julien Marchand",
    "Claire Fontaine",
    "Peter Hughes",
    "Anna Whitfield",
]
