"""Officials and events are typed and completed in filters, never listed in full."""

import pytest

from tests.factories import (
    ArticleFactory,
    ArticleOfficialFactory,
    EventFactory,
    OfficialFactory,
    OfficialNameFactory,
    VisitFactory,
)
from visits.models import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafted(db):
    """An official named only by a draft visit, and a draft event."""
    official = OfficialFactory(name="Secret Draftee", slug="secret-draftee")
    VisitFactory(visitor=official, status=Status.DRAFT)
    EventFactory(name="Salon secret 2031", slug="salon-secret-2031", status=Status.DRAFT)
    return official


def names(client, kind, text):
    response = client.get(f"/complete/{kind}/", {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [row["value"] for row in response.json()["results"]]


def test_an_official_is_completed_from_any_spelling(client, seed):
    assert names(client, "officials", "hammou") == ["Abdellatif Hammouchi"]
    assert names(client, "officials", "ABDELATIF") == ["Abdellatif Hammouchi"]


def test_an_event_is_completed_from_part_of_its_name(client, seed):
    assert names(client, "events", "igef") == ["IGEF 2025", "IGEF 2024"]


def test_completion_offers_nothing_for_one_letter(client, seed):
    assert names(client, "officials", "a") == []


def test_completion_never_offers_what_only_drafts_name(client, seed, drafted):
    assert names(client, "officials", "draftee") == []
    assert names(client, "events", "secret") == []


def test_staff_are_offered_drafts(staff_client, seed, drafted):
    assert names(staff_client, "officials", "draftee") == ["Secret Draftee"]
    assert names(staff_client, "events", "secret") == ["Salon secret 2031"]


def test_completion_is_bounded(client, db):
    for n in range(15):
        official = OfficialFactory(name=f"Karim Alaoui {n:02}")
        VisitFactory(visitor=official)
    assert len(names(client, "officials", "alaoui")) == 10


def test_the_filter_box_lists_no_official(client, seed):
    page = client.get("/visits/").content.decode()
    assert 'data-complete="/complete/officials/"' in page
    assert 'data-complete="/complete/events/"' in page
    assert '<option value="abdellatif-hammouchi"' not in page


@pytest.mark.parametrize("typed", ["abdellatif-hammouchi", "Abdelatif Hammouchi", "HAMMOUCHI"])
def test_a_visit_filter_takes_a_slug_or_any_spelling(client, seed, typed):
    page = client.get("/visits/", {"official": typed})
    assert page.status_code == 200
    visits = list(page.context["object_list"])
    assert visits and all(visit.visitor.slug == "abdellatif-hammouchi" for visit in visits)


def test_an_article_filter_takes_a_name_through_the_api(client, db):
    official = OfficialFactory(name="Mehmet Aktaş", slug="mehmet-aktas")
    OfficialNameFactory(official=official, name="Mehmet Aktas")
    named = ArticleFactory()
    ArticleOfficialFactory(article=named, official=official)
    ArticleFactory()
    response = client.get("/api/v1/articles/", {"official": "mehmet aktas"})
    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == [named.slug]


def test_an_unknown_name_is_a_clear_error_on_the_api(client, seed):
    response = client.get("/api/v1/visits/", {"official": "Nobody Known"})
    assert response.status_code == 400
    assert "official" in response.json()


def test_a_draft_only_official_cannot_be_typed_by_the_public(client, seed, drafted):
    response = client.get("/api/v1/visits/", {"official": "secret-draftee"})
    assert response.status_code == 400
