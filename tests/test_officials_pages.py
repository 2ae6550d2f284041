"""The officials pages: /officials/ searched by any spelling, and each official's dossier."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import OfficialFactory, OrganizationFactory, PositionFactory, VisitFactory
from tests.pages_data import rich_official
from visits.models import Official, Visit

pytestmark = pytest.mark.django_db

OFFICIALS = reverse("official-list")


def dossier(client, slug):
    response = client.get(reverse("official-detail", args=[slug]))
    assert response.status_code == 200
    return response


def listed(response):
    return [official.slug for official in response.context["object_list"]]


def test_official_list_shows_the_four_seed_officials_with_their_posts(client, seed):
    response = client.get(OFFICIALS)
    assert listed(response) == [
        "abdellatif-hammouchi",
        "mahmoud-demirtas",
        "munir-karaloglu",
        "salami-yildiz",
    ]
    html = response.content.decode()
    assert "Abdelatif Hammouchi" in html  # the other spelling, shown with the canonical name
    assert "ministre délégué" in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Abdelatif", ["abdellatif-hammouchi"]),
        ("abdellatif hammouchi", ["abdellatif-hammouchi"]),
        ("hammouchi", ["abdellatif-hammouchi"]),
        ("HAMMOUCHİ", ["abdellatif-hammouchi"]),
        ("Demirtas", ["mahmoud-demirtas"]),
        ("demirtaş", ["mahmoud-demirtas"]),
        ("karaloglu", ["munir-karaloglu"]),
        ("Yildiz", ["salami-yildiz"]),
        ("Dupont", []),
    ],
)
def test_an_official_is_found_by_any_spelling(client, seed, name, expected):
    assert listed(client.get(OFFICIALS, {"name": name})) == expected


def test_officials_filter_by_country_and_organization(client, seed):
    assert listed(client.get(OFFICIALS, {"country": "MA"})) == ["abdellatif-hammouchi"]
    assert listed(client.get(OFFICIALS, {"organization": "police-nationale-turque"})) == [
        "mahmoud-demirtas"
    ]
    assert listed(client.get(OFFICIALS, {"country": "TR", "name": "salami"})) == ["salami-yildiz"]


def test_hammouchi_dossier_lists_both_visits_names_positions_and_meetings(client, seed):
    response = dossier(client, "abdellatif-hammouchi")
    made = response.context["visits_made"]
    assert made.count == 2
    assert {visit.start.year for visit in made.rows} == {2024, 2025}
    html = response.content.decode()
    for visit in Visit.objects.all():
        assert visit.get_absolute_url() in html
    assert "Abdelatif Hammouchi" in html
    assert "Direction générale de la sûreté nationale" in html
    assert "Direction générale de la surveillance du territoire" in html
    assert response.context["meetings"].count == 6
    for name in ["Munir Karaloğlu", "Salami Yıldız", "Mahmoud Demirtaş"]:
        assert name in html
    assert response.context["sources"].count == 2
    assert reverse("official-feed", args=["abdellatif-hammouchi"]) in html


def test_karaloglu_dossier_shows_the_visit_he_received_and_the_meeting(client, seed):
    response = dossier(client, "munir-karaloglu")
    assert response.context["visits_made"].count == 0
    received = response.context["visits_received"].rows
    assert [visit.start for visit in received] == [datetime.date(2024, 9, 19)]
    html = response.content.decode()
    assert "Abdellatif Hammouchi" in html
    assert "septembre 2024" in html
    assert "Ministre délégué" in html  # his post
    assert "directeur général de la Sûreté nationale et de la Surveillance du territoire" in html


def test_a_delegate_has_the_visit_among_visits_made(client, seed):
    delegate = OfficialFactory(name="Membre Délégation")
    visit = Visit.objects.get(start__year=2025)
    visit.delegation.add(delegate)
    response = dossier(client, delegate.slug)
    assert response.context["visits_made"].rows == [visit]


def test_positions_are_shown_with_their_dates(client, db):
    official = rich_official()
    PositionFactory(
        official=official,
        title="préfet de police",
        organization=OrganizationFactory(name="Préfecture"),
        start=datetime.date(2010, 3, 1),
        end=datetime.date(2014, 6, 1),
        precision="month",
    )
    html = dossier(client, official.slug).content.decode()
    assert "Préfet de police" in html
    assert (
        '<time datetime="2010-03">mars 2010</time> – <time datetime="2014-06">juin 2014</time>'
        in html
    )


@pytest.mark.parametrize("slug", ["nobody", "official-number-0"])
def test_unknown_official_is_404(client, seed, slug):
    assert client.get(reverse("official-detail", args=[slug])).status_code == 404


def test_an_official_no_published_record_names_is_404_to_the_public(client, seed):
    official = OfficialFactory(slug="not-yet-public")
    VisitFactory(visitor=official, status="draft")
    assert client.get(official.get_absolute_url()).status_code == 404
    assert "not-yet-public" not in client.get(OFFICIALS).content.decode()


def test_the_dossier_links_to_the_filtered_lists_when_cut(client, db):
    official = rich_official()
    for _ in range(11):
        VisitFactory(visitor=official)
    html = dossier(client, official.slug).content.decode()
    assert f"/visits/?official={official.slug}" in html


@pytest.mark.parametrize("rows,page_size", [(2, 2), (12, 10)])
def test_official_list_query_count_does_not_grow_with_rows(
    client, db, django_assert_max_num_queries, rows, page_size
):
    for _ in range(rows):
        rich_official()
    # A cold cache: the count and the organization choices each read the tables' version.
    with django_assert_max_num_queries(8):
        response = client.get(OFFICIALS, {"page_size": page_size})
    assert len(response.context["object_list"]) == page_size


@pytest.mark.parametrize("visits", [1, 9])
def test_dossier_query_count_does_not_grow_with_visits(
    client, db, django_assert_max_num_queries, visits
):
    official = rich_official()
    for _ in range(visits):
        rich_official().visits.update(visitor=official)
    # A cold cache: the tables' version once, then each section's count; sources read ids first.
    with django_assert_max_num_queries(14):
        response = client.get(official.get_absolute_url())
    assert response.context["visits_made"].count == visits + 1
    assert Official.objects.count() > visits
