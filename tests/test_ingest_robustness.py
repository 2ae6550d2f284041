"""Ingestion never crashes: arbitrary text and bytes, adversarial inputs, and unseen articles."""

import json
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.ingest.reading import MAX_BYTES
from newsroom.services import ingest_text

STATUSES = {"new", "exists", "error"}
# "MM" is the month without a year ("en novembre prochain"), as test_ingest_dates has it.
DATE_FORMS = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{2}-\d{2}|\d{2})$")

FRAGMENTS = [
    "date: ", "date: 2025-13", "date: 2025-02-30", "title:", "titre:\n", "langue: xx", "\n\n",
    "Lire aussi :", "Read also:", "Photo :", "©", "Accueil | Monde > Afrique", "!!!", "?!…", ";;;",
    "Abdellatif Hammouchi", "M. Hammouchia", "Münir", "İbrahim Kalın", "a reçu", "s'est rendu",
    "will travel to", "à Rabat", "in Madrid", "du 30 au 2 octobre", "31 février", "0 mars",
    "le 29 février 2025", "du 32 au 35 mai", "November 24 to 27", "mercredi 10 août",
    "en novembre prochain", "le mois dernier", "lundi prochain", "Publié le 31/02/2024",
    "Roi Mohammed VI", "Royaume", "DGSN", "Interpol", "مديرية الأمن الوطني", "😀🇲🇦", "\u200f",
    "\u202e", "\x07", "\t", "a" * 300, "— « » ’",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=500),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map(
        " ".join
    ),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("\n".join),
)


def check(result):
    """A result of the documented shape, that JSON can carry, with dates in their ISO forms."""
    assert result.status in STATUSES
    data = json.loads(json.dumps(result.to_dict()))
    if result.status == "error":
        assert data["error"]
        return data
    dates = [data["article"]["published_on"]]
    dates += [item[key] for item in data["visits"] + data["events"] for key in ("start", "end")]
    dates += [meeting["date"] for meeting in data["meetings"]]
    for value in dates:
        assert value is None or DATE_FORMS.match(value), value
    return data


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(texts, st.binary(max_size=400)))
def test_any_text_or_bytes_gives_a_result(seed, data):
    check(ingest_text(text=data, dry_run=True))


@pytest.mark.parametrize(
    "text",
    [
        "Hammouchi à Madrid",
        "LIRE AUSSI : Hammouchi reçoit son homologue",
        "title: Hammouchi à Madrid\n\nRead also: Hammouchi in Ankara",
        "date: 2025-13\ntitle:\n\nHammouchi s'est rendu à Madrid le 31 février.",
        "Hammouchi s'est rendu à Madrid le 0 mars puis du 30 au 2 octobre.",
        "Hammouchi s'est rendu à Madrid le 29 février 2025.",
        "Hammouchi s'est rendu à Madrid du 31 au 31 février 2024.",
        "Publié le 31/02/2024\n\nHammouchi s'est rendu à Madrid mercredi 10 août.",
    ],
)
def test_adversarial_texts(seed, text):
    data = check(ingest_text(text=text, dry_run=True))
    assert data["status"] == "new"


def test_impossible_days_are_not_dates(seed):
    data = check(
        ingest_text(text="Abdellatif Hammouchi s'est rendu à Madrid le 31 février.", dry_run=True)
    )
    assert all(visit["start"] != "02-31" for visit in data["visits"])


def test_a_text_just_under_one_megabyte_completes(seed):
    sentence = "Abdellatif Hammouchi s'est rendu à Madrid du 19 au 21 septembre. "
    text = (sentence * (MAX_BYTES // len(sentence.encode()) + 1)).encode()[: MAX_BYTES - 1]
    started = time.monotonic()
    data = check(ingest_text(text=text.decode("utf-8", "ignore"), dry_run=True))
    assert data["status"] == "new"
    assert time.monotonic() - started < 300  # about 70 s here: slow (superlinear), but done


# Unseen articles, written for these tests: what a careful editor would read in them.

LISBON_FR = """titre: Hammouchi à Lisbonne pour renforcer la coopération sécuritaire
langue: fr

Le Directeur général de la Sûreté nationale et de la Surveillance du territoire, Abdelatif \
Hammouchi, effectue du 19 au 21 septembre une visite de travail au Portugal, à l'invitation \
des autorités portugaises.

À Lisbonne, M. Hammouchia s'est entretenu avec le directeur national de la Police de sécurité \
publique portugaise, José Barros Correia, ainsi qu'avec la ministre de l'Intérieur, Maria \
Lúcia Amaral.

Lire aussi : Le ministre Abdelouafi Laftit reçoit son homologue mauritanien

Les deux parties ont passé en revue les menaces terroristes et la criminalité transfrontalière, \
à l'approche de la Coupe du monde 2030 que

Photo : Abdellatif Hammouchi et José Barros Correia à Lisbonne.
"""

DAKAR_FR = """Le directeur général de la DGSN et de la DGST, Abdellatif Hammouchi, a reçu mercredi \
10 août à Rabat le directeur général de la police nationale sénégalaise, Mame Seydou Ndour, en \
visite de travail au Maroc.

Les entretiens ont porté sur l'échange d'informations et la formation des cadres. M. Ndour était \
accompagné d'une délégation comprenant le commissaire Ibrahima Diop.

Cette visite intervient après la cérémonie présidée par le Roi Mohammed VI à Rabat en juillet. \
M. Hammouchi se rendra à Dakar en novembre prochain.
"""

ANKARA_EN = """title: Moroccan police chief holds talks in Ankara
language: en

Moroccan security chief Abdellatif Hammouchi arrived in Türkiye on Monday for a visit from \
November 24 to 27, at the invitation of the Turkish National Police.

In Ankara, Hammouchi met the Director General of Security, Mahmut Demirtaş, and Turkish \
Interior Minister Ali Yerlikaya. He also held talks with the head of the National Intelligence \
Organisation (MİT), İbrahim Kalın.

Related: Spanish Interior Minister Fernando Grande-Marlaska praises cooperation with Rabat

The visit comes as both countries prepare for major sporting events.
"""

LONDON_EN = """The Director General of Moroccan National Security, Abdellatif Hammouchi, received \
in Rabat on Tuesday, March 4, 2025, the Commissioner of the Metropolitan Police Service, Mark \
Rowley, who is on a working visit to Morocco.

The two officials discussed counter-terrorism cooperation ahead of the 2030 World Cup. Rowley, \
who was accompanied by his deputy, Lynne Owens, also visited the DGSN's forensic laboratory.

Later this year, Hammouchi is expected to travel to London in June to
"""


def _ingest(text):
    return check(ingest_text(text=text, dry_run=True))


def _roles(data):
    return {p["name"]: p["role"] for p in data["people"]}


def _visits(data):
    return {
        (v["visitor"], v["host_country"], v["city"], v["start"], v["end"]) for v in data["visits"]
    }


def _meetings(data):
    return {
        tuple(p if isinstance(p, str) else p["country"] for p in m["participants"])
        for m in data["meetings"]
    }


def test_unseen_french_visit_with_name_variants_and_a_teaser(seed):
    data = _ingest(LISBON_FR)
    roles = _roles(data)
    assert roles["Abdelatif Hammouchi"] == "visitor"
    assert roles["José Barros Correia"] == "met"
    assert roles["Maria Lúcia Amaral"] == "met"
    assert "Abdelouafi Laftit" not in roles
    assert len([name for name in roles if "Hammouchi" in name]) == 1
    assert _visits(data) == {("Abdelatif Hammouchi", "PT", "Lisbonne", "09-19", "09-21")}
    assert _meetings(data) == {
        ("Abdelatif Hammouchi", "José Barros Correia"),
        ("Abdelatif Hammouchi", "Maria Lúcia Amaral"),
    }


def test_unseen_french_reception_at_home_and_a_future_trip(seed):
    data = _ingest(DAKAR_FR)
    roles = _roles(data)
    assert roles["Mame Seydou Ndour"] == "visitor"
    assert roles["Ibrahima Diop"] == "delegation"
    assert roles["Mohammed VI"] == "mentioned"
    assert _visits(data) == {
        ("Mame Seydou Ndour", "MA", "Rabat", "08-10", None),
        ("Abdellatif Hammouchi", "SN", "Dakar", "11", None),
    }
    assert _meetings(data) == {("Abdellatif Hammouchi", "Mame Seydou Ndour")}


def test_unseen_english_visit_with_turkish_letters(seed):
    data = _ingest(ANKARA_EN)
    roles = _roles(data)
    assert roles["Abdellatif Hammouchi"] == "visitor"
    assert {roles["Mahmut Demirtaş"], roles["Ali Yerlikaya"], roles["İbrahim Kalın"]} == {"met"}
    assert "Fernando Grande-Marlaska" not in roles
    assert _visits(data) == {("Abdellatif Hammouchi", "TR", "Ankara", "11-24", "11-27")}


def test_unseen_english_reception_and_a_trip_in_an_excerpt_cut_mid_sentence(seed):
    data = _ingest(LONDON_EN)
    roles = _roles(data)
    assert roles["Mark Rowley"] == "visitor"
    assert roles["Lynne Owens"] == "delegation"
    assert _visits(data) == {
        ("Mark Rowley", "MA", "Rabat", "2025-03-04", None),
        ("Abdellatif Hammouchi", "GB", "London", "2025-06", None),
    }
    assert _meetings(data) == {("Abdellatif Hammouchi", "Mark Rowley")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Abdellatif Hammouchi will travel to London in June.",
        "Abdellatif Hammouchi is expected to travel to London in June.",
        "Abdellatif Hammouchi travels to London in June for talks.",
    ],
)
def test_english_future_and_present_travel_verbs(seed, sentence):
    data = _ingest(sentence)
    assert [(v["visitor"], v["host_country"]) for v in data["visits"]] == [
        ("Abdellatif Hammouchi", "GB")
    ]
