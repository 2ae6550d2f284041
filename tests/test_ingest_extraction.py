"""Extraction on press-like texts: names, typos, teasers, receptions at home, English."""

import pytest

from tests.ingest_support import extract, names, person

pytestmark = pytest.mark.django_db


def test_surname_alone_resolves_to_the_full_name_given_earlier(seed):
    result = extract(
        "Le directeur général de la DGSN, Abdellatif Hammouchi, a effectué une visite de travail "
        "en Espagne. À Madrid, M. Hammouchi s'est entretenu avec le ministre espagnol de "
        "l'Intérieur, Carlos Ruiz Vega."
    )
    assert names(result) == {"Abdellatif Hammouchi", "Carlos Ruiz Vega"}
    assert result["meetings"][0]["participants"] == ["Abdellatif Hammouchi", "Carlos Ruiz Vega"]


def test_a_surname_run_into_a_verb_is_not_a_new_person(seed):
    result = extract(
        "Abdellatif Hammouchi est en visite de travail au Qatar. Au cours de cette visite, "
        "M. Hammouchia eu des entretiens avec le ministre qatari de l'Intérieur, Khalid Al Thani."
    )
    assert names(result) == {"Abdellatif Hammouchi", "Khalid Al Thani"}


def test_typo_in_an_unknown_surname_joins_the_same_person():
    result = extract(
        "Le directeur de la police judiciaire, Hicham Belkadi, a effectué une visite de travail "
        "en France. M. Belqadi y a rencontré le directeur de la police, Martin Keller."
    )
    assert names(result) == {"Hicham Belkadi", "Martin Keller"}


def test_accent_variants_are_one_person(seed):
    result = extract(
        "Turkish Deputy Interior Minister Münir Karaloğlu received Abdellatif Hammouchi in Ankara. "
        "Munir Karaloglu said cooperation would grow."
    )
    karaloglu = person(result, "Münir Karaloğlu")
    assert karaloglu["official"]["slug"] == "munir-karaloglu"
    assert len([p for p in result["people"] if "Karalo" in p["name"]]) == 1


def test_unknown_person_is_proposed_as_a_new_official():
    result = extract(
        "Le directeur général de la police nationale espagnole, Ramón Ortega, a été reçu à Rabat."
    )
    ortega = person(result, "Ramón Ortega")
    assert ortega["official"] is None
    assert ortega["title"] == "directeur général de la police nationale espagnole"
    assert ortega["country"] == "ES"


def test_foreign_official_received_at_home_is_the_visitor_and_morocco_the_host(seed):
    result = extract(
        "date: 2024-03-14\n\nAbdellatif Hammouchi a reçu mercredi à Rabat le directeur général "
        "de la police nationale turque, Mahmoud Demirtas, en visite de travail au Maroc "
        "du 12 au 14 mars."
    )
    [visit] = result["visits"]
    assert (visit["visitor"], visit["host_country"], visit["city"]) == (
        "Mahmoud Demirtas",
        "MA",
        "Rabat",
    )
    assert (visit["start"], visit["end"]) == ("2024-03-12", "2024-03-14")
    assert person(result, "Abdellatif Hammouchi")["role"] == "met"
    assert result["meetings"][0]["date"] == "2024-03-13"


def test_read_also_teaser_gives_nothing(seed):
    result = extract(
        "Abdellatif Hammouchi effectue une visite officielle en Turquie.\n\n"
        "Lire aussi : Le ministre espagnol Pedro Alonso reçu à Rabat par Hammouchi\n\n"
        "Les discussions ont porté sur la cybercriminalité."
    )
    assert names(result) == {"Abdellatif Hammouchi"}
    assert len(result["visits"]) == 1
    assert result["meetings"] == []


def test_king_at_a_ceremony_is_only_mentioned(seed):
    result = extract(
        "Abdellatif Hammouchi a reçu à Rabat la directrice générale de la sécurité intérieure "
        "française, Claire Vautrin, qui effectue une visite de travail au Maroc. Cette rencontre "
        "intervient après le discours prononcé par le Roi Mohammed VI à l'occasion de la Fête "
        "du Trône."
    )
    assert person(result, "Mohammed VI")["role"] == "mentioned"
    assert person(result, "Claire Vautrin")["role"] == "visitor"


def test_several_visits_in_one_article(seed):
    result = extract(
        "date: 2025-03-07\n\nAbdellatif Hammouchi a entamé lundi 3 mars 2025 une visite "
        "officielle aux Émirats arabes unis. Le responsable sécuritaire marocain s'est ensuite "
        "rendu au Qatar, où il a effectué les 5 et 6 mars une visite de travail."
    )
    visits = [(v["host_country"], v["start"], v["end"], v["kind"]) for v in result["visits"]]
    assert visits == [
        ("AE", "2025-03-03", None, "official"),
        ("QA", "2025-03-05", "2025-03-06", "working"),
    ]


def test_english_working_visit_without_a_year(seed):
    result = extract(
        "Moroccan police chief Abdellatif Hammouchi is in Spain on a working visit from "
        "November 24 to 27. He held talks in Madrid with the head of the Spanish delegation."
    )
    [visit] = result["visits"]
    assert (visit["host_country"], visit["city"], visit["kind"]) == ("ES", "Madrid", "working")
    assert (visit["start"], visit["end"], visit["precision"]) == ("11-24", "11-27", "day-no-year")
    assert result["meetings"][0]["participants"][1] == {
        "country": "ES",
        "role": "chef de délégation",
    }


def test_organizations_with_acronyms_and_countries():
    result = extract(
        "Il a rencontré le directeur adjoint du Federal Bureau of Investigation (FBI) et des "
        "responsables du ministère de l'Intérieur turc, ainsi que du MI5."
    )
    found = {(o["name"], o["acronym"], o["country"]) for o in result["organizations"]}
    assert ("Federal Bureau of Investigation", "FBI", "US") in found
    assert ("MI5", "MI5", "GB") in found
    assert ("ministère de l'Intérieur turc", None, "TR") in found


@pytest.mark.parametrize(
    ("text", "name", "edition"),
    [
        ("au salon Milipol Qatar 2022, organisé à Doha", "Milipol Qatar 2022", "Doha"),
        ("la 93ème session de l'Assemblée générale d'Interpol", None, None),
        ("the 2030 World Cup", "2030 World Cup", None),
        ("le salon GITEX 2024", "GITEX 2024", None),
    ],
)
def test_events_with_their_edition(text, name, edition):
    [event] = extract(f"Le texte évoque {text}.")["events"]
    if name:
        assert event["name"] == name
    if edition:
        assert event["city"] == edition
    assert event["start"] is None or event["start"][:2] == "20"
