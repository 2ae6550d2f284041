"""The home page: latest articles, upcoming events, recent visits."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory
from tests.pages_data import rich_article, rich_event, rich_visit

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def test_home_shows_latest_articles_upcoming_events_and_recent_visits(client, seed):
    response = client.get(HOME)
    assert response.status_code == 200
    assert [a.slug for a in response.context["articles"]] == ["igef-2025", "igef-2024"]
    assert [e.slug for e in response.context["upcoming_events"]] == ["coupe-du-monde-2030"]
    assert [v.start.year for v in response.context["visits"]] == [2025, 2024]
    html = response.content.decode()
    assert "Derniers articles" in html
    assert "Événements à venir" in html
    assert "Visites récentes" in html


def test_upcoming_events_come_soonest_first(client, db):
    today = timezone.localdate()
    later = EventFactory(start=today + datetime.timedelta(days=40), end=None)
    sooner = EventFactory(start=today + datetime.timedelta(days=4), end=None)
    EventFactory(start=today - datetime.timedelta(days=4), end=None)
    assert list(client.get(HOME).context["upcoming_events"]) == [sooner, later]


@pytest.mark.parametrize("rows", [2, 12])
def test_home_query_count_does_not_grow_with_rows(client, db, django_assert_max_num_queries, rows):
    for _ in range(rows):
        rich_article()
        rich_visit()
        rich_event(start=timezone.localdate(), end=None)
    with django_assert_max_num_queries(5):
        response = client.get(HOME)
    assert len(response.context["visits"]) == 5
