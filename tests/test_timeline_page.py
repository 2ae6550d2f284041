"""The timeline: the latest entries, then a year at a time, partial dates shown as what they are.

Every page is a bounded slice in date order: the first page holds the latest entries and the next
ones to come, a year's pages hold that year's entries only, and the query count is the same at
any size.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EventFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    VisitFactory,
)
from tests.pages_data import rich_visit
from visits import timeline
from visits.models import Status

pytestmark = pytest.mark.django_db

TIMELINE = reverse("timeline")


def entries(response):
    """(year, kind, name) of every entry, in page order."""
    assert response.status_code == 200
    return [
        (year.year, entry.kind, getattr(entry.record, "slug", None) or entry.start.isoformat())
        for year in response.context["years"]
        for entry in year.entries
    ]


def positions(response):
    return [entry.position for year in response.context["years"] for entry in year.entries]


def year_nav(response):
    """(year, is current) of each link of the year navigation."""
    return [(link.year, link.current) for link in response.context["year_links"]]


def year_of(client, year, **params):
    return client.get(TIMELINE, {"year": year, **params})


# --- The first page: the latest entries and the next ones to come ---


def test_the_first_page_shows_the_seed_in_date_order_with_its_years(client, seed):
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
    assert year_nav(response) == [(2024, False), (2025, False), (2030, False)]
    html = response.content.decode()
    assert f'<a href="{TIMELINE}" aria-current="page">' in html
    for year in [2024, 2025, 2030]:
        assert f'<a href="?year={year}">{year}</a>' in html


def test_the_first_page_ends_with_the_next_entry_to_come(client, db, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)
    monkeypatch.setattr(timeline, "UPCOMING", 1)
    today = timezone.localdate()
    past = [today - datetime.timedelta(days=days) for days in (400, 30, 20, 10)]
    future = [today + datetime.timedelta(days=days) for days in (10, 20)]
    for day in past + future:
        VisitFactory(start=day, end=None)
    response = client.get(TIMELINE)
    assert [entry.start for entry in positions(response)] == [past[2], past[3], future[0]]
    earlier = client.get(TIMELINE + response.context["earlier_url"])
    assert [entry.start for entry in positions(earlier)][-1] == past[1]
    later = client.get(TIMELINE + response.context["later_url"])
    assert [entry.start for entry in positions(later)] == [future[1]]


def test_the_entries_before_the_first_page_are_the_end_of_their_year(client, db, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 2)
    for year in [2019, 2020, 2021]:
        VisitFactory(start=datetime.date(year, 5, 1), end=None)
    response = client.get(TIMELINE)
    assert [position.start.year for position in positions(response)] == [2020, 2021]
    earlier = client.get(TIMELINE + response.context["earlier_url"])
    assert [position.start.year for position in positions(earlier)] == [2019]
    assert (earlier.context["later_url"], earlier.context["next_year"].year) == ("", 2020)


# --- A year at a time ---


def test_a_year_page_shows_only_that_year(client, seed):
    response = year_of(client, 2024)
    assert entries(response) == [(2024, "event", "igef-2024"), (2024, "visit", "2024-09-19")]
    html = response.content.decode()
    # The 2024 visit shows whom Abdellatif Hammouchi met in Ankara.
    assert "Munir Karaloğlu" in html
    assert "Salami Yıldız" in html
    assert "Mahmoud Demirtaş" not in html
    assert year_nav(response) == [(2024, True), (2025, False), (2030, False)]
    assert 'href="?year=2024" aria-current="page"' in html


def test_a_year_page_links_to_the_years_before_and_after_it(client, seed):
    response = year_of(client, 2025)
    assert response.context["previous_year"].year == 2024
    assert response.context["next_year"].year == 2030
    html = response.content.decode()
    assert '<a href="?year=2024" rel="prev">' in html
    assert '<a href="?year=2030" rel="next">' in html
    assert year_of(client, 2024).context["previous_year"] is None
    assert year_of(client, 2030).context["next_year"] is None


def test_interpol_assembly_is_placed_in_november_2025(client, seed):
    html = year_of(client, 2025).content.decode()
    interpol = html.index("93e Assemblée générale d&#x27;Interpol")
    assert html.index('id="year-2025"') < interpol
    assert html.rindex('<time datetime="2025-11">novembre 2025</time>', 0, interpol) > 0
    assert '<time datetime="2030">2030</time>' in year_of(client, 2030).content.decode()


def test_meetings_of_a_visit_show_within_it(client, seed):
    html = year_of(client, 2025).content.decode()
    assert "Mahmoud Demirtaş" in html
    assert html.count("chef de délégation") == 3
    assert [kind for _year, kind, _name in entries(year_of(client, 2025))].count("meeting") == 0


def test_a_standalone_meeting_is_its_own_entry(client, db):
    meeting = MeetingFactory(
        visit=None, city="Rabat", country="MA", date=datetime.date(2023, 5, 1), precision="month"
    )
    MeetingParticipantFactory(meeting=meeting, official__name="Directrice Générale")
    response = year_of(client, 2023)
    assert entries(response) == [(2023, "meeting", "2023-05-01")]
    html = response.content.decode()
    assert "Rabat" in html
    assert "Directrice Générale" in html
    assert '<time datetime="2023-05">mai 2023</time>' in html


def test_undated_records_have_their_own_page_listed_last(client, db):
    EventFactory(slug="undated", start=None, end=None)
    EventFactory(slug="dated", start=datetime.date(2021, 1, 1), end=None, precision="year")
    response = client.get(TIMELINE)
    assert entries(response) == [(2021, "event", "dated")]
    assert year_nav(response) == [(2021, False), (None, False)]
    assert 'href="?year=undated"' in response.content.decode()
    undated = year_of(client, "undated")
    assert [entry.record.slug for year in undated.context["years"] for entry in year.entries] == [
        "undated"
    ]
    assert year_nav(undated) == [(2021, False), (None, True)]
    assert undated.context["previous_year"].year == 2021
    assert year_of(client, 2021).context["next_year"].year is None


def test_english_timeline_says_november(client, seed):
    html = client.get(f"/en{TIMELINE}", {"year": 2025}).content.decode()
    assert '<time datetime="2025-11">November 2025</time>' in html


@pytest.fixture
def crowded_day(db):
    """Nine entries of 2024, seven of them on one day, and one in 2023; their order in 2024."""
    day = datetime.date(2024, 3, 5)
    first = VisitFactory(start=datetime.date(2024, 1, 2), end=None)
    events = [EventFactory(start=day, end=None) for _ in range(2)]
    visits = [VisitFactory(start=day, end=None) for _ in range(3)]
    meetings = [MeetingFactory(visit=None, date=day) for _ in range(2)]
    last = EventFactory(start=datetime.date(2024, 12, 30), end=None)
    VisitFactory(start=datetime.date(2023, 6, 1), end=None)
    kinds = [("visit", [first]), ("event", events), ("visit", visits), ("meeting", meetings)]
    return [
        timeline.Position(record.date if kind == "meeting" else record.start, kind, record.pk)
        for kind, records in [*kinds, ("event", [last])]
        for record in records
    ]


def walk(client, response, link):
    """The pages reached by following `link` ("earlier_url" or "later_url"), and the last one."""
    pages = [positions(response)]
    while response.context[link]:
        response = client.get(TIMELINE + response.context[link])
        pages.append(positions(response))
    return pages, response


def test_a_year_is_paged_in_date_order_without_gap_or_repeat(client, crowded_day, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)
    forward, last = walk(client, year_of(client, 2024), "later_url")
    assert [len(page) for page in forward] == [3, 3, 3]
    assert [position for page in forward for position in page] == crowded_day
    backward, first = walk(client, last, "earlier_url")
    assert [position for page in reversed(backward) for position in page] == crowded_day
    assert positions(first) == crowded_day[:3]


def test_the_ends_of_a_year_link_to_the_years_around_it(client, crowded_day, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 5)
    first = year_of(client, 2024)
    assert first.context["earlier_url"] == ""
    assert first.context["previous_year"].year == 2023
    assert '<a href="?year=2023" rel="prev">' in first.content.decode()
    second = client.get(TIMELINE + first.context["later_url"])
    assert positions(first) + positions(second) == crowded_day
    assert second.context["later_url"] == ""
    assert second.context["next_year"] is None


@pytest.mark.parametrize(
    "query",
    [
        {"year": "next"},
        {"year": "20240"},
        {"year": "2024", "after": "hier"},
        {"year": "2024", "after": "2024-03-05.trip.1"},
        {"year": "2024", "after": "2024-03-05.visit.1", "before": "2024-03-05.visit.2"},
        {"after": "2024-03-05.visit.1"},
        {"year": "1990"},
    ],
)
def test_a_query_no_page_answers_is_404(client, seed, query):
    assert client.get(TIMELINE, query).status_code == 404


# --- Drafts ---


@pytest.fixture(params=[Status.DRAFT, Status.REVIEW])
def unpublished_2019(request, db):
    """An unpublished visit, the only record of 2019, and an unpublished event of 2024."""
    VisitFactory(start=datetime.date(2024, 4, 2), end=None)
    VisitFactory(
        city="Ville secrète", start=datetime.date(2019, 4, 2), end=None, status=request.param
    )
    EventFactory(
        name="Salon secret", start=datetime.date(2024, 5, 2), end=None, status=request.param
    )


def test_drafts_are_on_no_page_and_give_no_year_to_the_public(client, unpublished_2019):
    latest, year = client.get(TIMELINE), year_of(client, 2024)
    assert year_nav(latest) == [(2024, False)]
    assert year_nav(year) == [(2024, True)]
    for response in [latest, year]:
        html = response.content.decode()
        assert "Ville secrète" not in html and "Salon secret" not in html
        assert "?year=2019" not in html
    assert year_of(client, 2019).status_code == 404


def test_staff_see_drafts_and_their_years(staff_client, unpublished_2019):
    assert year_nav(staff_client.get(TIMELINE)) == [(2019, False), (2024, False)]
    assert "Ville secrète" in year_of(staff_client, 2019).content.decode()
    assert "Salon secret" in year_of(staff_client, 2024).content.decode()


# --- Bounded at any size ---


@pytest.mark.parametrize("rows", [5, 60])
def test_a_page_is_bounded_and_costs_the_same_queries_at_any_size(
    client, db, django_assert_max_num_queries, rows
):
    for day in range(rows):
        rich_visit(start=datetime.date(2024, 1, 1) + datetime.timedelta(days=day), end=None)
    for year in [2023, 2025]:
        VisitFactory(start=datetime.date(year, 6, 1), end=None)
    MeetingFactory(visit=None, date=datetime.date(2024, 2, 1))
    # Each visit of 2024 was made for an event of 2024: two entries, and the standalone meeting.
    in_2024 = 2 * rows + 1
    with django_assert_max_num_queries(14):
        response = year_of(client, 2024)
    assert len(positions(response)) == min(in_2024, timeline.PAGE_SIZE)
    assert bool(response.context["later_url"]) is (in_2024 > timeline.PAGE_SIZE)
    with django_assert_max_num_queries(14):
        response = client.get(TIMELINE)
    assert len(positions(response)) == min(in_2024 + 2, timeline.PAGE_SIZE)
