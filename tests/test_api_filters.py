"""Filtering the API's lists: the pages' FilterSets, `search` and `ordering`, through HTTP."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Article
from tests.factories import OfficialFactory, OutletFactory, VisitFactory
from visits.models import Official

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"
HAMMOUCHI = "abdellatif-hammouchi"


def results(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def starts(client, **params):
    return [visit["start"]["value"] for visit in results(client, "visits/", **params)]


def slugs(client, path, **params):
    return [record["slug"] for record in results(client, path, **params)]


# --- Visits ---


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"host_country": "TR"}, ["2025-09-18", "2024-09-19"]),
        ({"host_country": "ES"}, []),
        ({"origin_country": "MA"}, ["2025-09-18", "2024-09-19"]),
        ({"origin_country": "TR"}, []),
        ({"official": HAMMOUCHI}, ["2025-09-18", "2024-09-19"]),
        ({"kind": "working"}, ["2024-09-19"]),
        ({"kind": "official"}, ["2025-09-18"]),
        ({"event": "igef-2025"}, ["2025-09-18"]),
        ({"date_from": "2025-01-01"}, ["2025-09-18"]),
        ({"date_to": "2024-12-31"}, ["2024-09-19"]),
        ({"date_from": "2024-09-21", "date_to": "2024-09-21"}, ["2024-09-19"]),
        ({"ordering": "date"}, ["2024-09-19", "2025-09-18"]),
        ({"ordering": "-date"}, ["2025-09-18", "2024-09-19"]),
        ({"search": "autorités turques"}, ["2024-09-19"]),
        ({"search": "Ankara"}, ["2025-09-18", "2024-09-19"]),
    ],
)
def test_visit_filters(anonymous, seed, params, expected):
    assert starts(anonymous, **params) == expected


def test_visits_of_an_official_include_those_in_a_delegation(anonymous, seed):
    visit = VisitFactory(host_country="ES", start=datetime.date(2025, 12, 1), end=None)
    visit.delegation.add(Official.objects.get(slug=HAMMOUCHI))
    assert starts(anonymous, official=HAMMOUCHI) == ["2025-12-01", "2025-09-18", "2024-09-19"]


def test_visits_ordered_by_host_country(anonymous, seed):
    VisitFactory(host_country="ES", start=datetime.date(2023, 1, 1), end=None)
    hosts = [v["host_country"] for v in results(anonymous, "visits/", ordering="host_country")]
    assert hosts == ["ES", "TR", "TR"]


# --- Meetings ---


def meeting_dates(client, **params):
    return sorted(m["date"]["value"] for m in results(client, "meetings/", **params))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"official": "munir-karaloglu"}, ["2024-09"]),
        ({"official": HAMMOUCHI}, ["2024-09"] * 2 + ["2025-09"] * 4),
        ({"country": "SA"}, ["2025-09"]),
        ({"country": "TR"}, ["2024-09"] * 2 + ["2025-09"] * 4),
        ({"country": "ES"}, []),
        ({"topic": "cybercriminalite"}, ["2025-09"]),
        ({"date_from": "2025-01-01"}, ["2025-09"] * 4),
        ({"date_to": "2024-12-31"}, ["2024-09"] * 2),
        ({"search": "Malaisie"}, ["2025-09"]),
    ],
)
def test_meeting_filters(anonymous, seed, params, expected):
    assert meeting_dates(anonymous, **params) == expected


@pytest.mark.parametrize(("ordering", "first"), [("date", "2024-09"), ("-date", "2025-09")])
def test_meetings_ordered_by_date(anonymous, seed, ordering, first):
    assert results(anonymous, "meetings/", ordering=ordering)[0]["date"]["value"] == first


# --- Officials ---


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "Abdelatif"}, [HAMMOUCHI]),
        ({"name": "demirtas"}, ["mahmoud-demirtas"]),
        ({"country": "TR"}, ["mahmoud-demirtas", "munir-karaloglu", "salami-yildiz"]),
        ({"organization": "dgsn"}, [HAMMOUCHI]),
        ({"organization": "police-nationale-turque"}, ["mahmoud-demirtas"]),
        ({"search": "Abdelatif"}, [HAMMOUCHI]),
        ({"search": "yildiz"}, ["salami-yildiz"]),
        ({"search": "yildiz", "country": "MA"}, []),
        (
            {"ordering": "-name"},
            ["salami-yildiz", "munir-karaloglu", "mahmoud-demirtas", HAMMOUCHI],
        ),
    ],
)
def test_official_filters(anonymous, seed, params, expected):
    assert slugs(anonymous, "officials/", **params) == expected


# --- Events ---

MOROCCO_EVENTS = ["assemblee-generale-interpol-93", "coupe-afrique-des-nations-2025"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"series": "igef"}, ["igef-2024", "igef-2025"]),
        ({"kind": "sports"}, ["coupe-afrique-des-nations-2025", "coupe-du-monde-2030"]),
        ({"country": "ES"}, ["coupe-du-monde-2030"]),
        ({"country": "MA"}, [*MOROCCO_EVENTS, "coupe-du-monde-2030"]),
        ({"date_from": "2025-10-01", "date_to": "2025-12-31"}, ["assemblee-generale-interpol-93"]),
        ({"date_to": "2024-12-31"}, ["igef-2024"]),
        ({"search": "Marrakech"}, ["assemblee-generale-interpol-93"]),
        ({"when": "upcoming"}, [*MOROCCO_EVENTS, "coupe-du-monde-2030"]),
        ({"when": "past"}, ["igef-2024", "igef-2025"]),
    ],
)
def test_event_filters(anonymous, seed, monkeypatch, params, expected):
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2025, 10, 1))
    assert sorted(slugs(anonymous, "events/", **params)) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("date", ["igef-2024", "coupe-afrique-des-nations-2025", "igef-2025"]),
        ("-date", ["coupe-du-monde-2030", "assemblee-generale-interpol-93", "igef-2025"]),
        ("name", ["assemblee-generale-interpol-93", "coupe-afrique-des-nations-2025"]),
    ],
)
def test_events_ordering(anonymous, seed, ordering, expected):
    assert slugs(anonymous, "events/", ordering=ordering)[: len(expected)] == expected


# --- Articles ---


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "Karaloğlu"}, ["igef-2024"]),
        ({"q": "Interpol Marrakech"}, ["igef-2025"]),
        ({"date_from": "2025-01-01"}, ["igef-2025"]),
        ({"date_to": "2024-12-31"}, ["igef-2024"]),
        ({"official": "mahmoud-demirtas"}, ["igef-2025"]),
        ({"official": HAMMOUCHI}, ["igef-2024", "igef-2025"]),
        ({"country": "SA"}, ["igef-2025"]),
        ({"country": "TR"}, ["igef-2024", "igef-2025"]),
        ({"event": "coupe-du-monde-2030"}, ["igef-2025"]),
        ({"topic": "cybercriminalite"}, ["igef-2025"]),
        ({"language": "fr"}, ["igef-2024", "igef-2025"]),
        ({"language": "en"}, []),
        ({"search": "visite de travail"}, ["igef-2024"]),
    ],
)
def test_article_filters(anonymous, seed, params, expected):
    assert sorted(slugs(anonymous, "articles/", **params)) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("date", ["igef-2024", "igef-2025"]), ("-date", ["igef-2025", "igef-2024"])],
)
def test_articles_ordering(anonymous, seed, ordering, expected):
    assert slugs(anonymous, "articles/", ordering=ordering) == expected


def test_articles_of_an_outlet(anonymous, seed):
    Article.objects.filter(slug="igef-2024").update(outlet=OutletFactory(slug="le360"))
    assert slugs(anonymous, "articles/", outlet="le360") == ["igef-2024"]


# --- Organizations, topics, series, outlets, countries ---


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        (
            "organizations/",
            {"country": "TR"},
            ["ministere-interieur-turc", "police-nationale-turque"],
        ),
        ("organizations/", {"kind": "intelligence"}, ["dgst"]),
        ("organizations/", {"parent": "pole-dgsn-dgst"}, ["dgsn", "dgst"]),
        ("organizations/", {"search": "DGST"}, ["dgst", "pole-dgsn-dgst"]),
        ("topics/", {"search": "transnationale"}, ["criminalite-transnationale-organisee"]),
        ("event-series/", {"kind": "fair"}, ["igef"]),
        ("event-series/", {"search": "Interpol"}, ["assemblee-generale-interpol"]),
    ],
)
def test_filters_of_the_other_lists(anonymous, seed, path, params, expected):
    assert sorted(slugs(anonymous, path, **params)) == expected


def test_topics_ordering(anonymous, seed):
    names = [topic["name"] for topic in results(anonymous, "topics/", ordering="-name")]
    assert names == sorted(names, reverse=True)


def test_outlet_filters(anonymous, db):
    OutletFactory(slug="le360", country="MA", language="fr")
    OutletFactory(slug="daily-sabah", name="Daily Sabah", country="TR", language="en")
    assert slugs(anonymous, "outlets/", country="TR") == ["daily-sabah"]
    assert slugs(anonymous, "outlets/", language="fr") == ["le360"]
    assert slugs(anonymous, "outlets/", search="sabah") == ["daily-sabah"]


def codes(client, **params):
    return [country["code"] for country in results(client, "countries/", **params)]


def test_country_search_and_ordering(anonymous, seed):
    assert codes(anonymous, search="turq") == ["TR"]
    assert codes(anonymous, search="Morocco") == ["MA"]
    assert codes(anonymous, ordering="-visits_to")[0] == "TR"
    assert codes(anonymous, ordering="-visits_from")[0] == "MA"
    assert codes(anonymous) == sorted(codes(anonymous))


# --- Bad parameters ---


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("visits/", {"host_country": "XX"}),
        ("visits/", {"official": "nobody"}),
        ("visits/", {"date_from": "2025-13-01"}),
        ("visits/", {"ordering": "summary"}),
        ("events/", {"when": "someday"}),
        ("meetings/", {"topic": "nothing"}),
        ("articles/", {"language": "xx"}),
        ("countries/", {"ordering": "population"}),
        ("officials/", {"search": "nul\x00"}),
        ("officials/", {"name": "nul\x00"}),
        ("visits/", {"official": "nul\x00"}),
        ("articles/", {"outlet": "\x00"}),
        ("events/", {"series\x00": "igef"}),
    ],
)
def test_a_bad_filter_value_is_a_400(anonymous, seed, path, params):
    assert anonymous.get(API + path, params).status_code == 400


def test_an_official_nobody_may_see_is_not_a_choice(anonymous, seed):
    OfficialFactory(slug="unpublished-official")
    response = anonymous.get(API + "visits/", {"official": "unpublished-official"})
    assert response.status_code == 400
    assert "official" in response.json()
