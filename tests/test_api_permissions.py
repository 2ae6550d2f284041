"""Who may read and write what: anonymous, reader, editor × read, write × draft, published.

Anonymous clients and readers see published records only, nowhere else either (nested
records, links, counts); editors see drafts. Writing takes the model's permissions, and
publishing its publish permission.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission

from tests.factories import (
    ArticleFactory,
    ArticleVisitFactory,
    EventFactory,
    MeetingFactory,
    OfficialFactory,
    VisitFactory,
)
from visits.models import Status, Visit

pytest_plugins = ["tests.api_support"]
pytestmark = pytest.mark.django_db

API = "/api/v1/"

EDITORIAL = {
    "articles": (ArticleFactory, "slug"),
    "visits": (VisitFactory, "pk"),
    "meetings": (MeetingFactory, "pk"),
    "events": (EventFactory, "slug"),
}
ROLES = ["anonymous", "reader", "editor"]
STATUSES = [Status.DRAFT, Status.REVIEW, Status.PUBLISHED]


@pytest.fixture
def clients(anonymous, reader, editor):
    return {"anonymous": anonymous, "reader": reader, "editor": editor}


def detail(endpoint, record, key):
    return f"{API}{endpoint}/{getattr(record, key)}/"


def ids(response):
    return [row.get("slug", row.get("id")) for row in response.json()["results"]]


@pytest.mark.parametrize("endpoint", EDITORIAL)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", STATUSES)
def test_reading_shows_drafts_to_editors_only(clients, endpoint, role, status):
    factory, key = EDITORIAL[endpoint]
    record = factory(status=status)
    client = clients[role]
    visible = status == Status.PUBLISHED or role == "editor"
    response = client.get(detail(endpoint, record, key))
    assert response.status_code == (200 if visible else 404)
    listed = ids(client.get(f"{API}{endpoint}/"))
    assert (getattr(record, key) in listed) == visible


@pytest.mark.parametrize("endpoint", EDITORIAL)
@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 401), ("reader", 403), ("editor", 200)]
)
@pytest.mark.parametrize("status", [Status.DRAFT, Status.PUBLISHED])
def test_changing_takes_the_change_permission(clients, endpoint, role, expected, status):
    factory, key = EDITORIAL[endpoint]
    record = factory(status=status)
    response = clients[role].patch(detail(endpoint, record, key), {"summary": "Revu."})
    assert response.status_code == expected, response.content
    record.refresh_from_db()
    assert (record.summary == "Revu.") == (expected == 200)


@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 401), ("reader", 403), ("editor", 201)]
)
def test_creating_takes_the_add_permission(clients, seed, role, expected):
    body = {
        "visitor": "abdellatif-hammouchi",
        "origin_country": "MA",
        "host_country": "ES",
        "start": {"value": "2026-01", "precision": "month"},
    }
    response = clients[role].post(API + "visits/", body)
    assert response.status_code == expected, response.content
    assert Visit.objects.filter(host_country="ES").exists() == (expected == 201)


@pytest.mark.parametrize("endpoint", [*EDITORIAL, "officials"])
@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_delete(clients, make_user, endpoint, role):
    factory, key = EDITORIAL.get(endpoint, (OfficialFactory, "slug"))
    record = factory()
    url = detail(endpoint, record, key)
    assert clients[role].delete(url).status_code == (401 if role == "anonymous" else 403)
    admin = clients["anonymous"]
    admin.force_authenticate(make_user("root", is_staff=True, is_superuser=True))
    assert admin.delete(url).status_code == 204


@pytest.mark.parametrize(
    "path",
    ["officials/{official}/", "organizations/{organization}/", "topics/{topic}/"],
)
@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 401), ("reader", 403), ("editor", 200)]
)
def test_records_without_status_are_changed_by_editors(clients, seed, path, role, expected):
    url = API + path.format(
        official="mahmoud-demirtas", organization="interpol", topic="terrorisme"
    )
    field = "summary" if "topics" not in path else "description"
    assert clients[role].patch(url, {field: "Revu."}).status_code == expected


# --- Publishing ---


@pytest.fixture
def changer(make_user):
    """May change visits and articles, and see drafts, but not publish."""
    user = make_user("changer")
    codenames = ["view_visit", "change_visit", "view_article", "change_article"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.mark.parametrize("endpoint", ["visits", "articles"])
@pytest.mark.parametrize(("old", "new"), [("draft", "published"), ("published", "draft")])
def test_publishing_and_unpublishing_take_the_publish_permission(
    anonymous, editor, changer, endpoint, old, new
):
    factory, key = EDITORIAL[endpoint]
    record = factory(status=old)
    anonymous.force_authenticate(changer)
    assert anonymous.patch(detail(endpoint, record, key), {"status": new}).status_code == 403
    record.refresh_from_db()
    assert record.status == old
    response = editor.patch(detail(endpoint, record, key), {"status": new})
    assert response.status_code == 200
    assert response.json()["status"] == new


def test_moving_a_draft_to_review_needs_no_publish_permission(anonymous, changer):
    visit = VisitFactory(status=Status.DRAFT)
    anonymous.force_authenticate(changer)
    response = anonymous.patch(f"{API}visits/{visit.pk}/", {"status": "review"})
    assert response.status_code == 200


def test_creating_a_published_visit_with_meetings_needs_both_publish_permissions(
    anonymous, seed, make_user
):
    user = make_user("visits-only")
    codenames = ["add_visit", "publish_visit", "add_meeting"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    anonymous.force_authenticate(user)
    body = {
        "visitor": "abdellatif-hammouchi",
        "origin_country": "MA",
        "host_country": "ES",
        "status": "published",
        "meetings": [{"country": "ES", "status": "published"}],
    }
    assert anonymous.post(API + "visits/", body).status_code == 403
    body["meetings"][0]["status"] = "draft"
    assert anonymous.post(API + "visits/", body).status_code == 201


def test_an_editor_with_a_token_creates_and_publishes_a_visit(anonymous, editor, seed):
    body = {
        "visitor": "abdellatif-hammouchi",
        "delegation": ["mahmoud-demirtas"],
        "origin_country": "MA",
        "host_country": "ES",
        "city": "Madrid",
        "kind": "working",
        "event": "coupe-du-monde-2030",
        "start": {"value": "2026-02-10", "precision": "day"},
        "end": {"value": "2026-02-12", "precision": "day"},
        "meetings": [
            {
                "date": {"value": "2026-02-11", "precision": "day"},
                "city": "Madrid",
                "country": "ES",
                "topics": ["securite-des-grands-evenements"],
                "participants": [
                    {"official": "abdellatif-hammouchi", "organization": "pole-dgsn-dgst"},
                    {"country": "ES", "role": "directeur de la police"},
                ],
            }
        ],
    }
    created = editor.post(API + "visits/", body)
    assert created.status_code == 201, created.content
    visit = created.json()
    assert (visit["status"], visit["meetings"][0]["status"]) == ("draft", "draft")
    assert anonymous.get(visit["url"]).status_code == 404

    meeting = visit["meetings"][0]
    published = editor.patch(
        visit["url"],
        {"status": "published", "meetings": [{"id": meeting["id"], "status": "published"}]},
    )
    assert published.status_code == 200, published.content

    public = anonymous.get(visit["url"]).json()
    assert public["status"] == "published"
    assert public["event"]["slug"] == "coupe-du-monde-2030"
    assert [d["slug"] for d in public["delegation"]] == ["mahmoud-demirtas"]
    assert public["meetings"][0]["topics"][0]["slug"] == "securite-des-grands-evenements"
    participants = public["meetings"][0]["participants"]
    assert [p["id"] for p in participants] == [p["id"] for p in meeting["participants"]]
    assert [(p["country"], p["role"]) for p in participants][1] == (
        "ES",
        "directeur de la police",
    )


def test_signed_in_editors_write_with_their_session(client, editor_user, seed):
    client.force_login(editor_user)
    response = client.patch(
        API + "officials/mahmoud-demirtas/",
        {"summary": "Directeur général de la police."},
        content_type="application/json",
    )
    assert response.status_code == 200


# --- Nothing unpublished shows through a published record ---


def test_a_published_visit_hides_its_draft_meetings_from_the_public(anonymous, editor):
    visit = VisitFactory(status=Status.PUBLISHED)
    MeetingFactory(visit=visit, status=Status.PUBLISHED)
    MeetingFactory(visit=visit, status=Status.DRAFT)
    url = f"{API}visits/{visit.pk}/"
    assert len(anonymous.get(url).json()["meetings"]) == 1
    assert len(editor.get(url).json()["meetings"]) == 2


def test_a_draft_event_is_not_named_by_a_published_visit(anonymous, editor):
    visit = VisitFactory(status=Status.PUBLISHED, event=EventFactory(status=Status.DRAFT))
    url = f"{API}visits/{visit.pk}/"
    assert anonymous.get(url).json()["event"] is None
    assert editor.get(url).json()["event"]["slug"] == visit.event.slug


def test_a_draft_visit_is_not_a_meetings_visit_for_the_public(anonymous, editor):
    meeting = MeetingFactory(status=Status.PUBLISHED, visit=VisitFactory(status=Status.DRAFT))
    url = f"{API}meetings/{meeting.pk}/"
    assert anonymous.get(url).json()["visit"] is None
    assert editor.get(url).json()["visit"]["id"] == meeting.visit_id


def test_links_to_drafts_and_sources_in_drafts_are_hidden(anonymous, editor):
    draft_visit = VisitFactory(status=Status.DRAFT)
    published_visit = VisitFactory(status=Status.PUBLISHED)
    article = ArticleFactory(status=Status.PUBLISHED)
    ArticleVisitFactory(article=article, visit=draft_visit)
    ArticleVisitFactory(article=ArticleFactory(status=Status.DRAFT), visit=published_visit)
    article_url = f"{API}articles/{article.slug}/"
    assert anonymous.get(article_url).json()["visits"] == []
    assert len(editor.get(article_url).json()["visits"]) == 1
    visit_url = f"{API}visits/{published_visit.pk}/"
    assert anonymous.get(visit_url).json()["sources"] == []
    assert len(editor.get(visit_url).json()["sources"]) == 1


def test_country_counts_count_what_the_viewer_may_see(anonymous, editor):
    VisitFactory(host_country="ES", status=Status.PUBLISHED)
    VisitFactory(host_country="ES", status=Status.DRAFT)
    assert anonymous.get(API + "countries/ES/").json()["visits_to"] == 1
    assert editor.get(API + "countries/ES/").json()["visits_to"] == 2


def test_an_official_only_drafts_name_is_not_public(anonymous, editor):
    official = OfficialFactory(slug="named-in-a-draft")
    VisitFactory(visitor=official, status=Status.DRAFT)
    url = f"{API}officials/{official.slug}/"
    assert anonymous.get(url).status_code == 404
    assert editor.get(url).status_code == 200
    VisitFactory(
        visitor=official, status=Status.PUBLISHED, start=datetime.date(2025, 1, 1), end=None
    )
    assert anonymous.get(url).status_code == 200


def test_drafts_are_not_found_through_filters_or_search(anonymous, editor):
    VisitFactory(host_country="ES", status=Status.DRAFT, summary="Secret")
    assert anonymous.get(API + "visits/", {"host_country": "ES"}).json()["count"] == 0
    assert anonymous.get(API + "visits/", {"search": "Secret"}).json()["count"] == 0
    assert editor.get(API + "visits/", {"search": "Secret"}).json()["count"] == 1


def test_a_superuser_may_do_anything(anonymous, make_user):
    anonymous.force_authenticate(make_user("root", is_staff=True, is_superuser=True))
    visit = VisitFactory(status=Status.DRAFT)
    assert anonymous.patch(f"{API}visits/{visit.pk}/", {"status": "published"}).status_code == 200
