"""Feeds: RSS and Atom of published articles (all, per official, per country); events.ics."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleCountryFactory,
    ArticleFactory,
    ArticleOfficialFactory,
    EventFactory,
    OfficialFactory,
    VisitFactory,
)
from tests.pages_data import rich_article
from visits.dates import DatePrecision
from visits.models import Status

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = "<script>alert(1)</script>"


def rss_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


TITLE_2024 = "Abdellatif Hammouchi en visite de travail en Turquie"
TITLE_2025 = "Abdellatif Hammouchi en visite officielle en Turquie pour l'IGEF 2025"


def test_rss_lists_published_articles_newest_first_with_their_links(client, seed):
    response = client.get(reverse("article-feed"))
    assert rss_titles(response) == [TITLE_2025, TITLE_2024]
    item = ET.fromstring(response.content).find("channel/item")
    assert item.findtext("link") == "http://testserver/articles/igef-2025/"
    assert "Mahmoud Demirtaş" in item.findtext("description")
    assert item.findtext("pubDate").startswith("Mon, 01 Sep 2025")


def test_atom_lists_the_same_articles(client, seed):
    assert atom_titles(client.get(reverse("article-feed-atom"))) == [TITLE_2025, TITLE_2024]


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("abdellatif-hammouchi", [TITLE_2025, TITLE_2024]),
        ("mahmoud-demirtas", [TITLE_2025]),
        ("munir-karaloglu", [TITLE_2024]),
    ],
)
def test_official_feeds_list_the_articles_naming_them(client, seed, slug, expected):
    assert rss_titles(client.get(reverse("official-feed", args=[slug]))) == expected
    assert atom_titles(client.get(reverse("official-feed-atom", args=[slug]))) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("TR", [TITLE_2025, TITLE_2024]), ("JO", [TITLE_2025]), ("PT", [TITLE_2025])],
)
def test_country_feeds_list_the_articles_on_the_country(client, seed, code, expected):
    assert rss_titles(client.get(reverse("country-feed", args=[code]))) == expected
    assert atom_titles(client.get(reverse("country-feed-atom", args=[code]))) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/officials/nobody/",
        "/feeds/officials/nobody/atom/",
        "/feeds/countries/XX/",
        "/feeds/countries/tr/",
        "/feeds/countries/FR/",
        "/feeds/countries/FR/atom/",
    ],
)
def test_unknown_officials_and_countries_have_no_feed(client, seed, path):
    assert client.get(path).status_code == 404


def test_a_country_named_only_by_drafts_has_no_feed_even_for_staff(staff_client, seed):
    ArticleCountryFactory(article__status=Status.DRAFT, country="JP")
    VisitFactory(host_country="JP", status=Status.REVIEW)
    assert staff_client.get(reverse("country-feed", args=["JP"])).status_code == 404
    assert staff_client.get(reverse("country-feed-atom", args=["JP"])).status_code == 404


@pytest.mark.parametrize("articles", [2, 12])
def test_a_country_feed_costs_the_same_queries_at_any_size(
    client, db, django_assert_max_num_queries, articles
):
    for _ in range(articles):
        rich_article()
    with django_assert_max_num_queries(4):
        assert len(rss_titles(client.get(reverse("country-feed", args=["TR"])))) == articles


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_feeds_never_carry_a_draft_even_for_staff(staff_client, seed, status):
    hidden = ArticleFactory(title="Brouillon secret", status=status)
    ArticleOfficialFactory(article=hidden, official__slug="only-in-a-draft")
    ArticleCountryFactory(article=hidden, country="TR")
    for name in ["article-feed", "article-feed-atom"]:
        assert b"Brouillon secret" not in staff_client.get(reverse(name)).content
    country = staff_client.get(reverse("country-feed", args=["TR"]))
    assert b"Brouillon secret" not in country.content
    official = reverse("official-feed", args=["only-in-a-draft"])
    assert staff_client.get(official).status_code == 404


def test_an_article_text_arrives_in_a_feed_as_text(client, db):
    ArticleFactory(title="Titre", summary=f"Résumé {SCRIPT}")
    description = ET.fromstring(client.get(reverse("article-feed")).content).findtext(
        "channel/item/description"
    )
    assert SCRIPT not in description
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in description


def ics(client):
    response = client.get(reverse("event-calendar"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def unfolded_events(content: bytes) -> list[dict]:
    text = content.decode().replace("\r\n ", "")
    events, current = [], None
    for line in text.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_calendar_lines_end_in_crlf_and_fit_in_75_octets(client, seed):
    EventFactory(name="Très long " * 20 + "événement", slug="long", summary="é" * 200)
    content = ics(client)
    assert content.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert content.endswith(b"END:VCALENDAR\r\n")
    lines = content.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # never cut inside a character
    long = next(e for e in unfolded_events(content) if e["UID"] == "event-long@newsroom")
    assert long["SUMMARY"] == "Très long " * 20 + "événement"


@pytest.mark.parametrize(
    ("slug", "start", "end"),
    [
        ("igef-2024", "20240919", "20240922"),
        ("assemblee-generale-interpol-93", "20251101", "20251201"),
        ("coupe-afrique-des-nations-2025", "20250101", "20260101"),
        ("coupe-du-monde-2030", "20300101", "20310101"),
    ],
)
def test_calendar_events_are_all_day_spans_of_their_precision(client, seed, slug, start, end):
    event = next(e for e in unfolded_events(ics(client)) if e["UID"] == f"event-{slug}@newsroom")
    assert event["DTSTART;VALUE=DATE"] == start
    assert event["DTEND;VALUE=DATE"] == end
    assert event["URL"] == f"http://testserver/events/{slug}/"


def test_calendar_escapes_text_and_states_partial_dates(client, seed):
    events = {e["UID"]: e for e in unfolded_events(ics(client))}
    interpol = events["event-assemblee-generale-interpol-93@newsroom"]
    assert interpol["SUMMARY"] == "93e Assemblée générale d'Interpol"
    assert interpol["LOCATION"] == "Marrakech\\, Maroc"
    assert interpol["DESCRIPTION"].startswith("novembre 2025 (jours exacts inconnus)\\n\\n")
    EventFactory(slug="punctuated", name="Sommet; Rabat, Salé\\ 2026")
    events = {e["UID"]: e for e in unfolded_events(ics(client))}
    assert events["event-punctuated@newsroom"]["SUMMARY"] == "Sommet\\; Rabat\\, Salé\\\\ 2026"


def test_december_month_ends_at_new_year(client, db):
    EventFactory(
        slug="december", start=datetime.date(2026, 12, 1), end=None, precision=DatePrecision.MONTH
    )
    (event,) = unfolded_events(ics(client))
    assert event["DTEND;VALUE=DATE"] == "20270101"


def test_calendar_leaves_out_drafts_and_undated_events(staff_client, seed):
    EventFactory(slug="draft-summit", status=Status.DRAFT)
    EventFactory(slug="review-summit", status=Status.REVIEW)
    EventFactory(slug="undated", start=None, end=None)
    uids = {e["UID"] for e in unfolded_events(ics(staff_client))}
    assert len(uids) == 5
    assert not {"event-draft-summit@newsroom", "event-undated@newsroom"} & uids


def test_english_calendar_states_partial_dates_in_english(client, seed):
    response = client.get("/en/events.ics")
    events = {e["UID"]: e for e in unfolded_events(response.content)}
    description = events["event-assemblee-generale-interpol-93@newsroom"]["DESCRIPTION"]
    assert description.startswith("November 2025 (exact days not known)")


def test_an_official_named_only_by_drafts_has_no_feed(client, db):
    official = OfficialFactory(slug="draft-only")
    ArticleOfficialFactory(official=official, article__status=Status.DRAFT)
    assert client.get(reverse("official-feed", args=["draft-only"])).status_code == 404


def test_calendar_holds_the_events_that_start_last(client, db, monkeypatch):
    monkeypatch.setattr("visits.feeds.CALENDAR_SIZE", 3)
    for year in range(2020, 2026):
        EventFactory(slug=f"summit-{year}", start=datetime.date(year, 5, 1), end=None)
    uids = [e["UID"] for e in unfolded_events(ics(client))]
    assert uids == [f"event-summit-{year}@newsroom" for year in (2023, 2024, 2025)]
