"""The timeline: visits, meetings and events by year, partial dates shown as what they are."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import EventFactory, MeetingFactory, MeetingParticipantFactory
from tests.pages_data import rich_event, rich_visit
from visits.dates import DatePrecision

pytestmark = pytest.mark.django_db

TIMELINE = reverse("timeline")


def entries(response):
    """(year, kind, name) of every entry, in page order."""
    return [
        (year.year, entry.kind, getattr(entry.record, "slug", None) or entry.start.isoformat())
        for year in response.context["years"]
        for entry in year.entries
    ]


def test_timeline_groups_the_seed_by_year_in_date_order(client, seed):
    response = client.get(TIMELINE)
    assert [year.year for year in response.context["years"]] == [2024, 2025, 2030]
    assert entries(response) == [
        (2024, "event", "igef-2024"),
        (2024, "visit", "2024-09-19"),
        (2025, "event", "coupe-afrique-des-nations-2025"),
        (2025, "event", "igef-2025"),
        (2025, "visit", "2025-09-18"),
        (2025, "event", "assemblee-generale-interpol-93"),
        (2030, "event", "coupe-du-monde-2030"),
    ]


def test_interpol_assembly_is_placed_in_november_2025(client, seed):
    html = client.get(TIMELINE).content.decode()
    year_2025 = html.index('id="year-2025"')
    year_2030 = html.index('id="year-2030"')
    interpol = html.index("93e Assemblée générale d&#x27;Interpol")
    assert year_2025 < interpol < year_2030
    assert html.rindex('<time datetime="2025-11">novembre 2025</time>', 0, interpol) > year_2025
    assert '<time datetime="2030">2030</time>' in html


def test_meetings_of_a_visit_show_within_it(client, seed):
    html = client.get(TIMELINE).content.decode()
    assert "Munir Karaloğlu" in html
    assert "Salami Yıldız" in html
    assert html.count("chef de délégation") == 3


def test_a_standalone_meeting_is_its_own_entry(client, db):
    meeting = MeetingFactory(
        visit=None, city="Rabat", country="MA", date=datetime.date(2023, 5, 1), precision="month"
    )
    MeetingParticipantFactory(meeting=meeting, official__name="Directrice Générale")
    response = client.get(TIMELINE)
    assert entries(response) == [(2023, "meeting", "2023-05-01")]
    html = response.content.decode()
    assert "Rabat" in html
    assert "Directrice Générale" in html
    assert '<time datetime="2023-05">mai 2023</time>' in html


def test_undated_records_come_last(client, db):
    EventFactory(slug="undated", start=None, end=None)
    EventFactory(slug="dated", start=datetime.date(2021, 1, 1), end=None, precision="year")
    response = client.get(TIMELINE)
    assert [year.year for year in response.context["years"]] == [2021, None]


def test_english_timeline_says_november(client, seed):
    html = client.get(f"/en{TIMELINE}").content.decode()
    assert '<time datetime="2025-11">November 2025</time>' in html


@pytest.mark.parametrize("rows", [2, 12])
def test_timeline_query_count_does_not_grow_with_rows(
    client, db, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        rich_visit()
        rich_event(precision=DatePrecision.DAY)
    with django_assert_max_num_queries(8):
        response = client.get(TIMELINE)
    assert len(entries(response)) == rows * 4
