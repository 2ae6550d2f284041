"""Static gazetteers: demonyms, cities, country aliases, organizations and event series."""

# Country demonyms as "code: French masculine/feminine; English", the French plurals derived.
DEMONYMS = """
MA: marocain/marocaine; Moroccan
TR: turc/turque; Turkish
ES: espagnol/espagnole; Spanish
FR: français/française; French
GB: britannique/britannique; British
US: américain/américaine; American
SA: saoudien/saoudienne; Saudi
AE: émirati/émiratie; Emirati
QA: qatari/qatarie; Qatari
JO: jordanien/jordanienne; Jordanian
MY: malaisien/malaisienne; Malaysian
MR: mauritanien/mauritanienne; Mauritanian
NG: nigérian/nigériane; Nigerian
NE: nigérien/nigérienne; Nigerien
BR: brésilien/brésilienne; Brazilian
SN: sénégalais/sénégalaise; Senegalese
CI: ivoirien/ivoirienne; Ivorian
RW: rwandais/rwandaise; Rwandan
PT: portugais/portugaise; Portuguese
DE: allemand/allemande; German
IT: italien/italienne; Italian
BE: belge/belge; Belgian
NL: néerlandais/néerlandaise; Dutch
CH: suisse/suisse; Swiss
DZ: algérien/algérienne; Algerian
TN: tunisien/tunisienne; Tunisian
LY: libyen/libyenne; Libyan
EG: égyptien/égyptienne; Egyptian
KW: koweïtien/koweïtienne; Kuwaiti
BH: bahreïni/bahreïnie; Bahraini
OM: omanais/omanaise; Omani
IQ: irakien/irakienne; Iraqi
SY: syrien/syrienne; Syrian
LB: libanais/libanaise; Lebanese
PS: palestinien/palestinienne; Palestinian
IL: israélien/israélienne; Israeli
IR: iranien/iranienne; Iranian
RU: russe/russe; Russian
CN: chinois/chinoise; Chinese
JP: japonais/japonaise; Japanese
KR: sud-coréen/sud-coréenne; South Korean
IN: indien/indienne; Indian
PK: pakistanais/pakistanaise; Pakistani
ID: indonésien/indonésienne; Indonesian
ML: malien/malienne; Malian
TD: tchadien/tchadienne; Chadian
BF: burkinabè/burkinabè; Burkinabe
GN: guinéen/guinéenne; Guinean
GA: gabonais/gabonaise; Gabonese
CM: camerounais/camerounaise; Cameroonian
CG: congolais/congolaise; Congolese
KE: kényan/kényane; Kenyan
ET: éthiopien/éthiopienne; Ethiopian
ZA: sud-africain/sud-africaine; South African
CA: canadien/canadienne; Canadian
MX: mexicain/mexicaine; Mexican
AR: argentin/argentine; Argentine
CO: colombien/colombienne; Colombian
AT: autrichien/autrichienne; Austrian
GR: grec/grecque; Greek
PL: polonais/polonaise; Polish
RO: roumain/roumaine; Romanian
HU: hongrois/hongroise; Hungarian
SE: suédois/suédoise; Swedish
NO: norvégien/norvégienne; Norwegian
DK: danois/danoise; Danish
FI: finlandais/finlandaise; Finnish
IE: irlandais/irlandaise; Irish
UA: ukrainien/ukrainienne; Ukrainian
AZ: azerbaïdjanais/azerbaïdjanaise; Azerbaijani
UZ: ouzbek/ouzbèke; Uzbek
KZ: kazakh/kazakhe; Kazakh
DJ: djiboutien/djiboutienne; Djiboutian
SD: soudanais/soudanaise; Sudanese
YE: yéménite/yéménite; Yemeni
BJ: béninois/béninoise; Beninese
TG: togolais/togolaise; Togolese
GH: ghanéen/ghanéenne; Ghanaian
AO: angolais/angolaise; Angolan
"""

# Cities as "code: name, other spelling, ...".
CITIES = """
MA: Rabat, Casablanca, Marrakech, Marrakesh, Tanger, Tangier, Fès, Fez, Meknès, Agadir, Oujda
MA: Kénitra, Laâyoune, Dakhla, Ifrane, Tétouan, Salé, Benslimane
TR: Ankara, Istanbul, İstanbul, Izmir, İzmir, Antalya
US: Washington, New York, Quantico, Miami
ES: Madrid, Barcelone, Barcelona, Séville, Sevilla, Seville, Malaga, Algésiras, Algeciras
ES: Ceuta, Melilla
FR: Paris, Lyon, Marseille, Strasbourg
PT: Lisbonne, Lisbon, Lisboa, Porto
GB: Londres, London
DE: Berlin, Wiesbaden, Munich, München
BE: Bruxelles, Brussels
NL: La Haye, The Hague, Amsterdam
IT: Rome, Roma, Milan
AT: Vienne, Vienna
CH: Genève, Geneva, Berne, Bern
AE: Abou Dhabi, Abu Dhabi, Dubaï, Dubai
QA: Doha
SA: Riyad, Riyadh, Djeddah, Jeddah, La Mecque
JO: Amman
EG: Le Caire, Cairo
DZ: Alger, Algiers
TN: Tunis
LY: Tripoli
MR: Nouakchott
SN: Dakar
CI: Abidjan, Yamoussoukro
ML: Bamako
NE: Niamey
TD: N'Djamena
BF: Ouagadougou
NG: Abuja, Lagos
RW: Kigali
KE: Nairobi
ET: Addis-Abeba, Addis Ababa
GA: Libreville
CM: Yaoundé
ZA: Pretoria, Johannesburg
KW: Koweït City, Kuwait City
BH: Manama
OM: Mascate, Muscat
IQ: Bagdad, Baghdad
LB: Beyrouth, Beirut
MY: Kuala Lumpur
ID: Jakarta
SG: Singapour, Singapore
CN: Pékin, Beijing, Shanghai
RU: Moscou, Moscow
JP: Tokyo
KR: Séoul, Seoul
IN: New Delhi
PK: Islamabad
AZ: Bakou, Baku
UZ: Tachkent, Tashkent
BR: Brasília, Brasilia
AR: Buenos Aires
CA: Ottawa
"""

# Other names of countries, beside the French and English names django-countries gives.
COUNTRY_ALIASES = {
    "US": ["États-Unis", "Etats-Unis", "USA", "U.S.", "United States", "Amérique"],
    "GB": ["Grande-Bretagne", "Great Britain", "UK", "U.K.", "Britain", "Angleterre"],
    "AE": ["Émirats", "Emirats", "EAU", "UAE", "Emirates"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "KR": ["Corée", "Korea"],
    "CI": ["Ivory Coast", "Côte-d'Ivoire"],
    "CD": ["RDC", "DRC"],
    "PS": ["Palestine"],
    "CZ": ["Tchéquie"],
    "NL": ["Hollande", "Holland"],
    "VA": ["Vatican"],
    "MA": ["Royaume du Maroc", "Kingdom of Morocco"],
    "SA": ["Arabie", "KSA"],
}

# A bare "Royaume" or "Kingdom" is Morocco in the Moroccan press this CMS follows.
HOME_COUNTRY = "MA"
HOME_ALIASES = ["Royaume", "Kingdom"]

# Organizations as (names, acronym, country, kind); a country of "" is international.
ORGANIZATIONS = [
    (
        [
            "Direction générale de la sûreté nationale",
            "Sûreté nationale",
            "General Directorate of National Security",
        ],
        "DGSN",
        "MA",
        "police",
    ),
    (
        [
            "Direction générale de la surveillance du territoire",
            "Surveillance du territoire",
            "General Directorate of Territorial Surveillance",
        ],
        "DGST",
        "MA",
        "intelligence",
    ),
    (["Direction générale des études et de la documentation"], "DGED", "MA", "intelligence"),
    (["Gendarmerie royale", "Royal Gendarmerie"], "", "MA", "police"),
    (["Institut royal de police"], "IRP", "MA", "police"),
    (["Federal Bureau of Investigation", "Bureau fédéral d'enquête"], "FBI", "US", "police"),
    (["Central Intelligence Agency"], "CIA", "US", "intelligence"),
    (["Drug Enforcement Administration"], "DEA", "US", "police"),
    (
        ["Department of Homeland Security", "département de la Sécurité intérieure"],
        "DHS",
        "US",
        "ministry",
    ),
    (["National Crime Agency"], "NCA", "GB", "police"),
    (["MI5"], "MI5", "GB", "intelligence"),
    (["Secret Intelligence Service", "MI6"], "MI6", "GB", "intelligence"),
    (["Direction générale de la sécurité intérieure"], "DGSI", "FR", "intelligence"),
    (["Direction générale de la sécurité extérieure"], "DGSE", "FR", "intelligence"),
    (["Guardia Civil", "Garde civile"], "", "ES", "police"),
    (["Policía Nacional"], "", "ES", "police"),
    (["Centro Nacional de Inteligencia"], "CNI", "ES", "intelligence"),
    (["Emniyet Genel Müdürlüğü", "Direction générale de la sûreté turque"], "EGM", "TR", "police"),
    (["Gendarmerie General Command", "Commandement général de la gendarmerie"], "", "TR", "police"),
    (
        ["Millî İstihbarat Teşkilatı", "National Intelligence Organization"],
        "MIT",
        "TR",
        "intelligence",
    ),
    (["Bundeskriminalamt"], "BKA", "DE", "police"),
    (["Bundesnachrichtendienst"], "BND", "DE", "intelligence"),
    (["Interpol", "Organisation internationale de police criminelle"], "", "", "international"),
    (["Europol"], "", "", "international"),
    (["Afripol"], "", "", "international"),
    (
        ["Organisation des Nations unies", "Nations unies", "United Nations"],
        "ONU",
        "",
        "international",
    ),
    (
        [
            "Office des Nations unies contre la drogue et le crime",
            "United Nations Office on Drugs and Crime",
        ],
        "UNODC",
        "",
        "international",
    ),
    (["Union européenne", "European Union"], "UE", "", "international"),
    (["Union africaine", "African Union"], "UA", "", "international"),
    (
        ["Conseil des ministres arabes de l'Intérieur", "Council of Arab Interior Ministers"],
        "",
        "",
        "international",
    ),
]

# Event series as (names, acronym, kind); an edition is a year or an ordinal next to the name.
EVENT_SERIES = [
    (
        [
            "Salon international des équipements de sécurité intérieure",
            "International Fair of Internal Security Equipment",
        ],
        "IGEF",
        "fair",
    ),
    (["Milipol"], "", "fair"),
    (["GITEX"], "GITEX", "fair"),
    (
        [
            "Assemblée générale d'Interpol",
            "Interpol General Assembly",
            "General Assembly of Interpol",
            "Assemblée générale de l'Interpol",
        ],
        "",
        "assembly",
    ),
    (
        ["Conférence régionale africaine d'Interpol", "Interpol African Regional Conference"],
        "",
        "conference",
    ),
    (
        ["Conférence régionale européenne d'Interpol", "Interpol European Regional Conference"],
        "",
        "conference",
    ),
    (["Coupe d'Afrique des Nations", "Africa Cup of Nations"], "CAN", "sports"),
    (["AFCON"], "AFCON", "sports"),
    (
        ["Coupe du monde", "Coupe du monde de football", "World Cup", "FIFA World Cup", "Mondial"],
        "",
        "sports",
    ),
    (["Jeux olympiques", "Jeux Olympiques", "Olympic Games", "Olympics"], "", "sports"),
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words, folded, that head a person's title: "directeur général de ...", "Deputy Interior Minister".
TITLE_HEADS = _words(
    """
    directeur directrice directeurs ministre ministres secretaire chef cheffe chefs commandant
    commissaire prefet ambassadeur ambassadrice president presidente patron patronne procureur
    inspecteur inspectrice gouverneur conseiller conseillere responsable responsables attache
    consul roi reine prince emir wali homologue homologues coordinateur adjoint vice director
    directors minister ministers secretary undersecretary chief head heads commissioner
    commander ambassador king queen emir deputy inspector governor adviser advisor attorney
    superintendent counterpart counterparts spokesman spokesperson chairman coordinator
    """
)
# Words, folded, that stand before a name without being part of it.
HONORIFICS = _words(
    """
    m mme mlle mm mr mrs ms dr pr me sm sa majeste sir lord dame haj hadj cheikh sheikh cheikha
    sheikha general gen major lieutenant colonel col commissaire commissioner inspector
    inspecteur commandant commander capitaine captain brigadier marechal prefet professeur
    professor juge judge roi king reine queen prince princesse princess emir president ministre
    minister directeur director deputy chief le la l les the son sa ses his her
    """
)
# Lower-case words inside names: "Abdallah ben Mohammed", "Sidi Mohamed Ould Cheikh".
NAME_PARTICLES = _words(
    """
    ben bin bint ould ibn abu abou el al ait de da del di van von der
    """
)
# Capitalized words that never start or make a person's name.
NOT_NAME_WORDS = _words(
    """
    le la les l un une des du de d au aux ce cet cette ces il elle ils elles on en dans pour par
    selon lors apres avant depuis outre sur sous avec et ou mais ainsi entre vers chez cependant
    the a an this that these those he she they it its in at for with by from to of and or but
    after before during his her their our we as on also while when where who which what lire
    read voir see related photo caption source publie published share partager monsieur madame
    direction directorate department departement ministere ministry police gendarmerie garde
    guard agence agency service services bureau office securite security surete surveillance
    commandement command division unite unit brigade institut institute centre center conseil
    council organisation organization assemblee assembly conference forum salon sommet summit
    congres congress exposition exhibition coupe cup world monde games jeux nations union
    federal national nationale generale general public publique interieur interior state etat
    royaume kingdom republique republic affaires affairs etrangeres foreign justice defense
    defence intelligence renseignement renseignements investigation crime criminal criminelle
    judiciaire judicial laboratory laboratoire academy academie ecole school university
    universite majeste sa son ses dgsn dgst fbi interpol europol janvier fevrier mars avril mai
    juin juillet aout septembre octobre novembre decembre january february march april may june
    july august september october november december lundi mardi mercredi jeudi vendredi samedi
    dimanche monday tuesday wednesday thursday friday saturday sunday
    """
)
