"""Reading the API: every endpoint, list and detail, on the seed records.

A script finds every fact of the two seed articles here, in one representation: countries as
ISO codes, named records as {slug, name, url}, partial dates as {"value", "precision"}.
"""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse

from newsroom.models import ArticleEvent
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OutletFactory,
    TopicFactory,
    VisitFactory,
)
from visits.models import Status

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"
HAMMOUCHI = "abdellatif-hammouchi"

# Endpoint, and a seed record's key for its detail (None: found from the list).
ENDPOINTS = {
    "articles": "igef-2024",
    "outlets": None,
    "officials": HAMMOUCHI,
    "organizations": "dgsn",
    "topics": "cybercriminalite",
    "event-series": "igef",
    "events": "igef-2025",
    "visits": None,
    "meetings": None,
    "countries": "TR",
}


def get(client, path, **params):
    response = client.get(path if path.startswith("http") else API + path, params)
    assert response.status_code == 200, response.content
    return response.json()


def results(client, path, **params):
    return get(client, path, **params)["results"]


def visit_in(client, year):
    visits = results(client, "visits/", host_country="TR", date_from=f"{year}-01-01")
    return next(visit for visit in visits if visit["start"]["value"].startswith(str(year)))


def partial(value, precision):
    return {"value": value, "precision": precision}


@pytest.fixture
def outlet(seed):
    return OutletFactory(slug="le360", name="Le360", country="MA")


def test_the_root_lists_every_endpoint(anonymous):
    root = get(anonymous, "")
    assert set(root) == set(ENDPOINTS)
    assert root["visits"] == "http://testserver/api/v1/visits/"


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_list_is_paginated_and_links_each_record_to_its_detail(anonymous, outlet, endpoint):
    page = get(anonymous, f"{endpoint}/")
    assert set(page) == {"count", "next", "previous", "results"}
    assert page["count"] == len(page["results"]) > 0
    for record in page["results"]:
        assert get(anonymous, record["url"]) == record


@pytest.mark.parametrize(("endpoint", "key"), [(e, k) for e, k in ENDPOINTS.items() if k])
def test_details_are_found_by_slug_or_code(anonymous, seed, endpoint, key):
    record = get(anonymous, f"{endpoint}/{key}/")
    assert record["url"] == f"http://testserver/api/v1/{endpoint}/{key}/"


@pytest.mark.parametrize("endpoint", ["visits", "meetings"])
def test_visits_and_meetings_are_found_by_id(anonymous, seed, endpoint):
    first = results(anonymous, f"{endpoint}/")[0]
    assert get(anonymous, f"{endpoint}/{first['id']}/") == first


@pytest.mark.parametrize(
    "path",
    [
        "articles/no-such-article/",
        "officials/nobody/",
        "events/no-event/",
        "visits/999999/",
        "meetings/999999/",
        "countries/FR/",
        "countries/XX/",
        "visits/99999999999999999999999/",
    ],
)
def test_unknown_records_are_404(anonymous, seed, path):
    assert anonymous.get(API + path).status_code == 404


def test_both_visits_to_turkey_with_their_dates_and_kinds(anonymous, seed):
    visits = results(anonymous, "visits/", host_country="TR")
    assert [(v["start"], v["end"], v["kind"]) for v in visits] == [
        (partial("2025-09-18", "day"), partial("2025-09-20", "day"), "official"),
        (partial("2024-09-19", "day"), partial("2024-09-21", "day"), "working"),
    ]
    for visit in visits:
        assert visit["visitor"]["slug"] == HAMMOUCHI
        assert (visit["origin_country"], visit["host_country"], visit["city"]) == (
            "MA",
            "TR",
            "Ankara",
        )


def test_the_2024_visit_was_for_igef_2024_and_met_karaloglu_and_yildiz(anonymous, seed):
    visit = visit_in(anonymous, 2024)
    assert visit["event"]["slug"] == "igef-2024"
    assert visit["invited_by"] == "les autorités turques"
    met = {
        participant["official"]["name"]
        for meeting in visit["meetings"]
        for participant in meeting["participants"]
        if participant["official"] and participant["official"]["slug"] != HAMMOUCHI
    }
    assert met == {"Munir Karaloğlu", "Salami Yıldız"}
    assert [source["article"]["slug"] for source in visit["sources"]] == ["igef-2024"]
    assert "visite de travail" in visit["sources"][0]["quote"]


def test_the_2025_visit_met_demirtas_and_unnamed_heads_of_delegation(anonymous, seed):
    visit = visit_in(anonymous, 2025)
    assert visit["event"]["slug"] == "igef-2025"
    participants = [p for meeting in visit["meetings"] for p in meeting["participants"]]
    named = {p["official"]["slug"] for p in participants if p["official"]}
    assert named == {HAMMOUCHI, "mahmoud-demirtas"}
    unnamed = {(p["country"], p["role"]) for p in participants if not p["official"]}
    assert unnamed == {(code, "chef de délégation") for code in ("SA", "JO", "MY")}
    demirtas = next(p for p in participants if p["official"] and p["official"]["slug"] != HAMMOUCHI)
    assert demirtas["organization"]["slug"] == "police-nationale-turque"


def test_meetings_give_their_month_and_link_their_visit(anonymous, seed):
    meetings = results(anonymous, "meetings/", official="mahmoud-demirtas")
    assert len(meetings) == 1
    assert meetings[0]["date"] == partial("2025-09", "month")
    visit = get(anonymous, meetings[0]["visit"]["url"])
    assert visit["start"] == partial("2025-09-18", "day")


def test_events_carry_their_precision(anonymous, seed):
    events = {event["slug"]: event for event in results(anonymous, "events/")}
    interpol = events["assemblee-generale-interpol-93"]
    assert (interpol["start"], interpol["end"], interpol["city"]) == (
        partial("2025-11", "month"),
        None,
        "Marrakech",
    )
    assert interpol["series"]["slug"] == "assemblee-generale-interpol"
    assert interpol["organizer"]["slug"] == "interpol"
    assert events["coupe-afrique-des-nations-2025"]["start"] == partial("2025", "year")
    world_cup = events["coupe-du-monde-2030"]
    assert world_cup["start"] == partial("2030", "year")
    assert (world_cup["country"], world_cup["co_host_countries"]) == ("MA", ["ES", "PT"])
    assert events["igef-2024"]["start"] == partial("2024-09-19", "day")


def test_articles_are_published_with_what_they_report(anonymous, seed):
    articles = {article["slug"]: article for article in results(anonymous, "articles/")}
    assert set(articles) == {"igef-2024", "igef-2025"}
    article = articles["igef-2025"]
    assert article["status"] == "published"
    assert article["published_on"] == partial("2025-09", "month")
    assert "IGEF 2025" in article["title"]
    assert {link["official"]["slug"] for link in article["officials"]} == {
        HAMMOUCHI,
        "mahmoud-demirtas",
    }
    assert {link["event"]["slug"] for link in article["events"]} == {
        "igef-2025",
        "assemblee-generale-interpol-93",
        "coupe-afrique-des-nations-2025",
        "coupe-du-monde-2030",
    }
    assert len(article["visits"]) == 1
    assert get(anonymous, article["visits"][0]["visit"]["url"])["kind"] == "official"
    assert len(article["meetings"]) == 4
    assert {(c["country"], c["role"]) for c in article["countries"]} >= {
        ("TR", "host"),
        ("MA", "origin"),
        ("SA", "mentioned"),
    }
    assert all(link["quote"] for link in article["officials"])


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Abdelatif", HAMMOUCHI),
        ("Abdelatif Hammouchi", HAMMOUCHI),
        ("hammouchi", HAMMOUCHI),
        ("Demirtas", "mahmoud-demirtas"),
        ("DEMIRTAŞ", "mahmoud-demirtas"),
        ("karaloglu", "munir-karaloglu"),
        ("Yildiz", "salami-yildiz"),
    ],
)
def test_searching_officials_finds_any_spelling_of_any_name(anonymous, seed, text, slug):
    assert [o["slug"] for o in results(anonymous, "officials/", search=text)] == [slug]


def test_an_official_comes_with_other_names_and_positions(anonymous, seed):
    official = get(anonymous, f"officials/{HAMMOUCHI}/")
    assert official["name"] == "Abdellatif Hammouchi"
    assert [name["name"] for name in official["other_names"]] == ["Abdelatif Hammouchi"]
    assert official["other_names"][0]["kind"] == "misspelling"
    assert {(p["organization"]["slug"], p["title"]) for p in official["positions"]} == {
        ("dgsn", "directeur général"),
        ("dgst", "directeur général"),
    }
    assert official["country"] == "MA"


def test_countries_give_names_in_both_languages_and_visit_counts(anonymous, seed):
    countries = {c["code"]: c for c in results(anonymous, "countries/")}
    assert {"TR", "MA", "SA", "JO", "MY", "ES", "PT"} <= set(countries)
    turkey = countries["TR"]
    assert (turkey["name_fr"], turkey["visits_to"], turkey["visits_from"]) == ("Turquie", 2, 0)
    assert turkey["name_en"] in {"Turkey", "Türkiye"}
    morocco = get(anonymous, "countries/MA/")
    assert (morocco["name_fr"], morocco["name_en"]) == ("Maroc", "Morocco")
    assert (morocco["visits_to"], morocco["visits_from"]) == (0, 2)


def test_country_counts_leave_out_drafts_for_those_who_may_not_see_them(anonymous, editor, seed):
    VisitFactory(host_country="TR", status=Status.DRAFT)
    VisitFactory(host_country="JP", status=Status.REVIEW)
    public = {c["code"]: c for c in results(anonymous, "countries/")}
    assert (public["TR"]["visits_to"], "JP" in public) == (2, False)
    assert anonymous.get(f"{API}countries/JP/").status_code == 404
    staff = {c["code"]: c for c in results(editor, "countries/")}
    assert (staff["TR"]["visits_to"], staff["JP"]["visits_to"]) == (3, 1)
    assert get(editor, "countries/JP/")["visits_to"] == 1


def test_organizations_link_their_parent(anonymous, seed):
    dgst = get(anonymous, "organizations/dgst/")
    assert (dgst["acronym"], dgst["kind"], dgst["country"]) == ("DGST", "intelligence", "MA")
    assert get(anonymous, dgst["parent"]["url"])["slug"] == "pole-dgsn-dgst"


def test_a_named_record_is_shown_by_slug_name_and_url(anonymous, seed):
    visitor = visit_in(anonymous, 2024)["visitor"]
    assert visitor == {
        "slug": HAMMOUCHI,
        "name": "Abdellatif Hammouchi",
        "url": f"http://testserver/api/v1/officials/{HAMMOUCHI}/",
    }


@pytest.mark.parametrize(
    ("path", "page", "key"),
    [
        ("articles/igef-2024/", "article-detail", "igef-2024"),
        (f"officials/{HAMMOUCHI}/", "official-detail", HAMMOUCHI),
        ("events/igef-2025/", "event-detail", "igef-2025"),
        ("countries/TR/", "country-detail", "TR"),
    ],
)
def test_records_link_to_their_public_page(anonymous, client, seed, path, page, key):
    record = get(anonymous, path)
    try:
        expected = "http://testserver" + reverse(page, args=[key])
    except NoReverseMatch:  # the page is not there yet
        expected = None
    assert record["page_url"] == expected
    if expected:
        assert client.get(expected).status_code == 200


def test_a_visit_links_to_its_public_page(anonymous, client, seed):
    visit = visit_in(anonymous, 2025)
    try:
        expected = "http://testserver" + reverse("visit-detail", args=[visit["id"]])
    except NoReverseMatch:
        expected = None
    assert visit["page_url"] == expected


def test_outlets_show_their_website_and_language(anonymous, outlet):
    record = get(anonymous, "outlets/le360/")
    assert (record["name"], record["country"], record["language"]) == ("Le360", "MA", "fr")
    assert "website" in record


def test_page_size_is_chosen_up_to_100(anonymous, db):
    TopicFactory.create_batch(105)
    assert len(results(anonymous, "topics/", page_size=3)) == 3
    assert len(results(anonymous, "topics/")) == 20
    page = get(anonymous, "topics/", page_size=1000)
    assert (page["count"], len(page["results"])) == (105, 100)
    assert "page=2" in page["next"]
    assert get(anonymous, page["next"])["previous"] is not None


def test_a_page_past_the_end_is_404(anonymous, seed):
    assert anonymous.get(API + "visits/", {"page": 99}).status_code == 404


@pytest.mark.parametrize(
    "path", ["", "visits/", "articles/igef-2024/", "officials/", "countries/TR/", "topics/"]
)
@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_the_browsable_api_renders_for_readers_and_editors(request, seed, path, role):
    response = request.getfixturevalue(role).get(API + path, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_an_event_lists_its_twenty_newest_sources(client, db):
    event = EventFactory(slug="much-reported")
    for day in range(1, 26):
        article = ArticleFactory(slug=f"day-{day:02}", published_on=datetime.date(2024, 1, day))
        ArticleEvent.objects.create(article=article, event=event)
    sources = client.get("/api/v1/events/much-reported/").json()["sources"]
    slugs = [source["article"]["slug"] for source in sources]
    assert slugs == [f"day-{day:02}" for day in range(25, 5, -1)]
