"""The event pages: /events/ by series, kind, country, dates, upcoming or past; each event."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory
from tests.pages_data import rich_event
from visits.dates import DatePrecision
from visits.models import Event

pytestmark = pytest.mark.django_db

EVENTS = reverse("event-list")


def slugs(response):
    return sorted(event.slug for event in response.context["object_list"])


def test_event_list_shows_the_five_seed_events(client, seed):
    response = client.get(EVENTS)
    assert slugs(response) == [
        "assemblee-generale-interpol-93",
        "coupe-afrique-des-nations-2025",
        "coupe-du-monde-2030",
        "igef-2024",
        "igef-2025",
    ]
    html = response.content.decode()
    assert '<time datetime="2025-11">novembre 2025</time>' in html
    assert '<time datetime="2030">2030</time>' in html
    assert "Maroc, Espagne, Portugal" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"series": "igef"}, ["igef-2024", "igef-2025"]),
        ({"kind": "sports"}, ["coupe-afrique-des-nations-2025", "coupe-du-monde-2030"]),
        ({"country": "ES"}, ["coupe-du-monde-2030"]),
        ({"country": "TR"}, ["igef-2024", "igef-2025"]),
        ({"date_from": "2025-09-19", "date_to": "2025-09-19"}, ["igef-2025"]),
        ({"series": "igef", "date_from": "2025-01-01"}, ["igef-2025"]),
    ],
)
def test_filters_narrow_the_event_list(client, seed, query, expected):
    assert slugs(client.get(EVENTS, query)) == expected


def test_upcoming_and_past_split_by_today(client, db):
    today = timezone.localdate()
    EventFactory(slug="last-year", start=today - datetime.timedelta(days=365), end=None)
    EventFactory(slug="tomorrow", start=today + datetime.timedelta(days=1), end=None)
    EventFactory(
        slug="this-month",
        start=today.replace(day=1),
        end=None,
        precision=DatePrecision.MONTH,
    )
    EventFactory(slug="undated", start=None, end=None)
    assert slugs(client.get(EVENTS, {"when": "upcoming"})) == ["this-month", "tomorrow"]
    assert slugs(client.get(EVENTS, {"when": "past"})) == ["last-year"]


@pytest.mark.parametrize(
    ("today", "upcoming"),
    [
        (datetime.date(2025, 10, 31), True),
        (datetime.date(2025, 11, 1), True),
        (datetime.date(2025, 11, 30), True),
        (datetime.date(2025, 12, 1), False),
    ],
)
def test_a_month_precision_event_is_upcoming_until_the_month_is_out(seed, today, upcoming):
    interpol = Event.objects.filter(slug="assemblee-generale-interpol-93")
    assert interpol.upcoming(today).exists() is upcoming
    assert interpol.past(today).exists() is not upcoming


def test_interpol_assembly_page_shows_its_month_and_place(client, seed):
    html = client.get(reverse("event-detail", args=["assemblee-generale-interpol-93"])).content
    html = html.decode()
    assert '<time datetime="2025-11">novembre 2025</time>' in html
    assert "Marrakech" in html
    assert "Interpol" in html
    assert "la 93e Assemblée générale d&#x27;Interpol prévue à Marrakech en novembre" in html


def test_igef_2024_page_shows_the_visit_and_the_other_edition(client, seed):
    response = client.get(reverse("event-detail", args=["igef-2024"]))
    assert [visit.start.year for visit in response.context["visits"].rows] == [2024]
    assert [event.slug for event in response.context["editions"].rows] == ["igef-2025"]
    html = response.content.decode()
    assert "Abdellatif Hammouchi" in html
    assert "/events/?series=igef" in html


def test_world_cup_page_names_its_co_hosts(client, seed):
    html = client.get(reverse("event-detail", args=["coupe-du-monde-2030"])).content.decode()
    for country in ["MA", "ES", "PT"]:
        assert reverse("country-detail", args=[country]) in html
    assert '<time datetime="2030">2030</time>' in html


def test_unknown_event_is_404(client, seed):
    assert client.get(reverse("event-detail", args=["igef-1999"])).status_code == 404


@pytest.mark.parametrize("rows,page_size", [(2, 2), (12, 10)])
def test_event_list_query_count_does_not_grow_with_rows(
    client, db, django_assert_max_num_queries, rows, page_size
):
    for _ in range(rows):
        rich_event()
    # A cold cache: the count and the series choices each read the tables' version.
    with django_assert_max_num_queries(6):
        response = client.get(EVENTS, {"page_size": page_size, "country": "TR"})
    assert len(response.context["object_list"]) == page_size


@pytest.mark.parametrize("editions", [1, 8])
def test_event_page_query_count_does_not_grow_with_editions(
    client, db, django_assert_max_num_queries, editions
):
    event = rich_event()
    for _ in range(editions):
        rich_event(series=event.series)
    # A cold cache: the tables' version once, then each section's count; sources read ids first.
    with django_assert_max_num_queries(8):
        response = client.get(event.get_absolute_url())
    assert response.context["editions"].count == editions
