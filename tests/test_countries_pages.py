"""The country pages: /countries/ lists the countries on record, /countries/<code>/ each one."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from newsroom.countries import COUNTED
from tests.factories import (
    ArticleCountryFactory,
    EventFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    StaffFactory,
    VisitFactory,
)
from tests.pages_data import rich_article, rich_visit
from visits.models import Status, Visit

pytestmark = pytest.mark.django_db

COUNTRIES = reverse("country-list")


def country(client, code):
    response = client.get(reverse("country-detail", args=[code]))
    assert response.status_code == 200
    return response


def test_country_list_shows_the_countries_the_seed_names(client, seed):
    response = client.get(COUNTRIES)
    rows = {row.country.code: row for row in response.context["countries"]}
    assert set(rows) == {"MA", "TR", "SA", "JO", "MY", "ES", "PT"}
    assert (rows["TR"].visits_to, rows["TR"].visits_from, rows["TR"].meetings) == (2, 0, 6)
    assert (rows["MA"].visits_to, rows["MA"].visits_from, rows["MA"].events) == (0, 2, 3)
    assert (rows["JO"].meetings, rows["JO"].articles) == (1, 1)
    assert (rows["ES"].events, rows["ES"].articles) == (1, 1)
    assert rows["TR"].officials == 3
    html = response.content.decode()
    assert "Turquie" in html
    assert reverse("country-detail", args=["JO"]) in html


def test_every_country_listed_has_a_page(client, seed):
    for row in client.get(COUNTRIES).context["countries"]:
        assert client.get(reverse("country-detail", args=[row.country.code])).status_code == 200


def test_turkey_lists_both_visits_its_meetings_officials_and_articles(client, seed):
    response = country(client, "TR")
    assert response.context["visits_to"].count == 2
    assert response.context["visits_from"].count == 0
    assert response.context["meetings"].count == 6
    assert response.context["events"].count == 2
    assert response.context["officials"].count == 3
    assert response.context["articles"].count == 2
    html = response.content.decode()
    for visit in Visit.objects.all():
        assert visit.get_absolute_url() in html
    assert "<h1>Turquie</h1>" in html
    assert "Mahmoud Demirtaş" in html
    assert reverse("country-feed", args=["TR"]) in html


def test_morocco_lists_the_visits_from_it_and_the_events_it_hosts(client, seed):
    response = country(client, "MA")
    assert response.context["visits_from"].count == 2
    assert sorted(event.slug for event in response.context["events"].rows) == [
        "assemblee-generale-interpol-93",
        "coupe-afrique-des-nations-2025",
        "coupe-du-monde-2030",
    ]


def test_jordan_shows_the_meeting_with_the_head_of_its_delegation(client, seed):
    response = country(client, "JO")
    assert response.context["meetings"].count == 1
    html = response.content.decode()
    assert "chef de délégation" in html
    assert "Abdellatif Hammouchi" in html


@pytest.mark.parametrize("common_links", [1, 1000])
def test_the_articles_on_a_country_are_the_same_whichever_query_finds_them(
    client, seed, monkeypatch, common_links
):
    monkeypatch.setattr("visits.link_filters.COMMON_LINKS", common_links)
    ArticleCountryFactory(country="TR", article__title="Brouillon", article__status=Status.DRAFT)
    response = country(client, "TR")
    assert [article.slug for article in response.context["articles"].rows] == [
        "igef-2025",
        "igef-2024",
    ]
    feed = client.get(reverse("country-feed", args=["TR"])).content.decode()
    assert feed.count("<item>") == 2 and "Brouillon" not in feed


def test_a_lowercase_code_redirects_to_the_uppercase_page(client, seed):
    response = client.get("/countries/tr/")
    assert response.status_code == 301
    assert response["Location"] == "/countries/TR/"


@pytest.mark.parametrize("code", ["XX", "TUR", "T1", "FR"])
def test_an_unknown_code_or_a_country_without_records_is_404(client, seed, code):
    assert client.get(reverse("country-detail", args=[code])).status_code == 404


def test_a_visit_from_spain_adds_spain_visits_from(client, seed):
    VisitFactory(origin_country="ES", host_country="MA", start=datetime.date(2025, 2, 3), end=None)
    response = country(client, "ES")
    assert response.context["visits_from"].count == 1
    assert response.context["visits_to"].count == 0


def test_a_participant_official_country_counts_as_a_meeting_of_that_country(client, db):
    meeting = MeetingFactory(country="MA", city="Rabat", visit=None)
    MeetingParticipantFactory(meeting=meeting, official__country="FR")
    assert country(client, "FR").context["meetings"].count == 1


@pytest.mark.parametrize("rows", [2, 12])
def test_country_pages_query_count_does_not_grow_with_rows(
    client, db, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        rich_visit()
        rich_article()
    with django_assert_max_num_queries(8):
        response = client.get(COUNTRIES)
    assert {row.country.code for row in response.context["countries"]} == {"MA", "TR"}
    with django_assert_max_num_queries(1):
        client.get(COUNTRIES)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("country-detail", args=["TR"])).status_code == 200


# --- Drafts and counts ---


def counts(client, code):
    rows = {row.country.code: row for row in client.get(COUNTRIES).context["countries"]}
    row = rows.get(code)
    return row and tuple(getattr(row, kind) for kind in COUNTED)


@pytest.fixture(params=[Status.DRAFT, Status.REVIEW])
def drafts_naming_japan(request, seed):
    """Unpublished records: the only ones to name Japan, and one more visit to Turkey."""
    status = request.param
    VisitFactory(host_country="TR", status=status)
    VisitFactory(host_country="JP", origin_country="MA", status=status)
    meeting = MeetingFactory(visit=None, country="MA", status=status)
    MeetingParticipantFactory(meeting=meeting, official__country="JP")
    EventFactory(country="MA", co_host_countries=["JP"], status=status)
    ArticleCountryFactory(article__status=status, country="JP")


def test_the_public_counts_leave_out_drafts(client, drafts_naming_japan):
    assert counts(client, "TR") == (2, 0, 6, 2, 2, 3)
    assert counts(client, "JP") is None
    assert client.get(reverse("country-detail", args=["JP"])).status_code == 404
    assert country(client, "TR").context["visits_to"].count == 2


def test_staff_counts_include_drafts(staff_client, drafts_naming_japan):
    assert counts(staff_client, "TR")[:2] == (3, 0)
    assert counts(staff_client, "JP") == (1, 0, 1, 1, 1, 1)
    response = country(staff_client, "JP")
    assert (response.context["meetings"].count, response.context["officials"].count) == (1, 1)


@pytest.mark.parametrize("kind", ["visit", "meeting", "participant", "event", "article"])
def test_a_country_named_only_by_a_draft_has_no_page_for_the_public(client, db, kind):
    draft = Status.DRAFT
    if kind == "visit":
        VisitFactory(origin_country="JP", status=draft)
    elif kind == "meeting":
        MeetingFactory(visit=None, country="JP", status=draft)
    elif kind == "participant":
        meeting = MeetingFactory(visit=None, country="MA", status=draft)
        MeetingParticipantFactory(meeting=meeting, official=None, country="JP", role="ministre")
    elif kind == "event":
        EventFactory(country="MA", co_host_countries=["JP"], status=draft)
    else:
        ArticleCountryFactory(article__status=draft, country="JP")
    assert client.get(reverse("country-detail", args=["JP"])).status_code == 404
    staff = Client()
    staff.force_login(StaffFactory())
    country(staff, "JP")


def test_counts_follow_each_write(client, seed):
    visit = VisitFactory(host_country="TR", status=Status.DRAFT)
    assert counts(client, "TR")[0] == 2
    visit.status = Status.PUBLISHED
    visit.save()
    assert counts(client, "TR")[0] == 3
    visit.delete()
    assert counts(client, "TR")[0] == 2
    article = ArticleCountryFactory(country="JP").article
    assert counts(client, "JP") == (0, 0, 0, 0, 1, 0)
    article.status = Status.REVIEW
    article.save()
    assert counts(client, "JP") is None


def test_a_country_page_counts_what_the_list_counts(client, seed):
    for code in ["TR", "MA", "JO"]:
        response = country(client, code)
        assert tuple(response.context[kind].count for kind in COUNTED) == counts(client, code)
