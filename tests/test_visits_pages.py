"""The visit pages: /visits/ filtered by the shared FilterSet, and /visits/<id>/."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import EventFactory, OfficialFactory, VisitFactory
from tests.pages_data import rich_visit
from visits.models import Visit

pytestmark = pytest.mark.django_db

VISITS = reverse("visit-list")


def visit_2024():
    return Visit.objects.get(start=datetime.date(2024, 9, 19))


def visit_2025():
    return Visit.objects.get(start=datetime.date(2025, 9, 18))


def listed(response, *visits):
    """Which of `visits` the list shows."""
    html = response.content.decode()
    return {visit for visit in visits if visit.get_absolute_url() in html}


@pytest.fixture
def visit_to_spain(seed):
    """A published visit that is not to Turkey, for the filters to leave out."""
    return VisitFactory(
        host_country="ES",
        city="Madrid",
        kind=Visit.Kind.OFFICIAL,
        start=datetime.date(2023, 3, 1),
        end=datetime.date(2023, 3, 2),
        event=None,
    )


def test_visit_list_shows_both_seed_visits(client, seed):
    response = client.get(VISITS)
    assert response.status_code == 200
    assert listed(response, visit_2024(), visit_2025()) == {visit_2024(), visit_2025()}
    assert "2 visites" in response.content.decode()


def test_2024_visit_shows_its_meetings_dates_event_and_source(client, seed):
    html = client.get(visit_2024().get_absolute_url()).content.decode()
    assert "Abdellatif Hammouchi" in html
    assert "Munir Karaloğlu" in html
    assert "Salami Yıldız" in html
    assert '<time datetime="2024-09-19">19 septembre 2024</time>' in html
    assert '<time datetime="2024-09-21">21 septembre 2024</time>' in html
    assert "Visite de travail" in html
    assert "IGEF 2024" in html
    assert "les autorités turques" in html
    assert "Abdellatif Hammouchi en visite de travail en Turquie" in html
    assert "effectue une visite de travail en Turquie du 19 au 21 septembre" in html


def test_2025_visit_shows_named_and_unnamed_counterparts(client, seed):
    html = client.get(visit_2025().get_absolute_url()).content.decode()
    assert "Mahmoud Demirtaş" in html
    assert "directeur général de la police nationale turque" in html
    assert html.count("chef de délégation") == 3
    for country in ["Jordanie", "Malaisie", "Arabie"]:
        assert country in html
    assert "Visite officielle" in html
    assert "IGEF 2025" in html


def test_visit_detail_links_people_countries_and_event(client, seed):
    visit = visit_2024()
    html = client.get(visit.get_absolute_url()).content.decode()
    assert visit.visitor.get_absolute_url() in html
    assert reverse("official-detail", args=["munir-karaloglu"]) in html
    assert reverse("country-detail", args=["TR"]) in html
    assert reverse("country-detail", args=["MA"]) in html
    assert visit.event.get_absolute_url() in html


@pytest.mark.parametrize("path", ["/visits/999999/", "/visits/abc/", "/en/visits/999999/"])
def test_unknown_visit_is_404(client, seed, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"host_country": "TR"}, {"2024", "2025"}),
        ({"host_country": "ES"}, {"spain"}),
        ({"origin_country": "MA"}, {"2024", "2025", "spain"}),
        ({"origin_country": "TR"}, set()),
        ({"kind": "working"}, {"2024"}),
        ({"kind": "official"}, {"2025", "spain"}),
        ({"official": "abdellatif-hammouchi"}, {"2024", "2025"}),
        ({"event": "igef-2025"}, {"2025"}),
        ({"date_from": "2025-01-01"}, {"2025"}),
        ({"date_to": "2024-09-19"}, {"2024", "spain"}),
        ({"date_from": "2024-09-21", "date_to": "2024-09-21"}, {"2024"}),
        ({"host_country": "TR", "kind": "official"}, {"2025"}),
        ({"host_country": "TR", "date_to": "2024-12-31"}, {"2024"}),
    ],
)
def test_filters_narrow_the_visit_list(client, visit_to_spain, query, expected):
    visits = {"2024": visit_2024(), "2025": visit_2025(), "spain": visit_to_spain}
    response = client.get(VISITS, query)
    assert response.status_code == 200
    assert listed(response, *visits.values()) == {visits[name] for name in expected}


def test_active_filters_are_shown_with_a_link_that_removes_each(client, seed):
    html = client.get(VISITS, {"host_country": "TR", "kind": "working"}).content.decode()
    assert "Pays hôte : Turquie" in html
    assert "Type : visite de travail" in html
    assert 'href="/visits/?kind=working"' in html
    assert 'href="/visits/?host_country=TR"' in html


def test_an_unknown_choice_shows_an_error_and_no_visit(client, seed):
    response = client.get(VISITS, {"host_country": "XX"})
    assert response.status_code == 200
    assert listed(response, visit_2024(), visit_2025()) == set()
    assert "errorlist" in response.content.decode()


def test_sorting_by_date_both_ways(client, seed):
    oldest_first = client.get(VISITS, {"ordering": "date"}).content.decode()
    newest_first = client.get(VISITS, {"ordering": "-date"}).content.decode()
    old, new = visit_2024().get_absolute_url(), visit_2025().get_absolute_url()
    assert oldest_first.index(old) < oldest_first.index(new)
    assert newest_first.index(new) < newest_first.index(old)


def test_pagination_keeps_filters_sorting_and_page_size(client, seed):
    VisitFactory(host_country="TR", start=datetime.date(2020, 1, 6), end=None)
    response = client.get(VISITS, {"host_country": "TR", "ordering": "date", "page_size": 2})
    html = response.content.decode()
    assert len(response.context["object_list"]) == 2
    assert "Page 1 sur 2" in html
    assert 'href="?host_country=TR&amp;ordering=date&amp;page_size=2&amp;page=2"' in html
    second = client.get(
        VISITS, {"host_country": "TR", "ordering": "date", "page_size": 2, "page": 2}
    )
    assert listed(second, visit_2025()) == {visit_2025()}


@pytest.mark.parametrize(
    ("asked", "given"), [("1", 1), ("3", 3), ("1000", 100), ("0", 1), ("x", 20)]
)
def test_page_size_is_bounded(client, db, asked, given):
    response = client.get(VISITS, {"page_size": asked})
    assert response.context["paginator"].per_page == given


def test_official_and_event_filters_are_typed_not_listed(client, seed):
    EventFactory(name="Sommet secret", slug="sommet-secret", status="draft")
    OfficialFactory(name="Personne Inconnue")
    html = client.get(VISITS).content.decode()
    assert "Sommet secret" not in html
    assert "Personne Inconnue" not in html
    assert "IGEF 2024" not in html.split('id="results-count"')[0]
    assert 'name="event"' in html and 'data-complete="/complete/events/"' in html


def test_english_visit_page_says_it_in_english(client, seed):
    html = client.get(f"/en{visit_2024().get_absolute_url()}").content.decode()
    assert "Working visit" in html
    assert "Sept. 19, 2024" in html
    assert "Meetings" in html


@pytest.mark.parametrize("rows,page_size", [(2, 2), (12, 10)])
def test_visit_list_query_count_does_not_grow_with_rows(
    client, db, django_assert_max_num_queries, rows, page_size
):
    for _ in range(rows):
        rich_visit()
    with django_assert_max_num_queries(5):
        response = client.get(VISITS, {"page_size": page_size, "host_country": "TR"})
    assert len(response.context["object_list"]) == page_size


@pytest.mark.parametrize("meetings", [1, 8])
def test_visit_detail_query_count_does_not_grow_with_meetings(
    client, db, django_assert_max_num_queries, meetings
):
    visit = rich_visit()
    for _ in range(meetings):
        rich_visit(visitor=visit.visitor).meetings.update(visit=visit)
    with django_assert_max_num_queries(7):
        response = client.get(visit.get_absolute_url())
    assert response.status_code == 200
